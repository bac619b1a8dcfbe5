import LLMRouteCore

/// Generates llmroute(1) in roff (man(7) macros): the commands, flags, strategies, config keys,
/// provider variables and exit codes come from the code, the explanations from `ManPageProse`.
enum ManPage {
    /// The page's date: fixed, not today's, so the page is reproducible (a test compares the
    /// committed copy with the generator). Move it when the page changes for a release.
    static let date = "2026-11-27"

    static func render() -> String {
        var out = [
            ".\\\" Generated from llmroute's CLI spec by `llmroute manpage`; do not edit",
            ".\\\" (regenerate with `make generate-shell`).",
            ".TH LLMROUTE 1 \(date) \(Roff.argument("\(CLISpec.programName) \(CLISpec.version)")) \"User Commands\"",
            // No hyphenation, ragged right: the text is full of names and paths
            // (LLMROUTE_CONFIG, $XDG_CONFIG_HOME/...) that must not be split or stretched.
            ".nh",
            ".ad l",
            ".SH NAME",
            "\(CLISpec.programName) \\- \(Roff.escape(ManPageProse.summary))",
            ".SH SYNOPSIS",
            ".nf",
            "\\fB\(CLISpec.programName)\\fR [\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]",
        ]
        out += CLISpec.commands.map { synopsis(path: [$0.name], command: $0) }
        out += [".fi", ".SH DESCRIPTION"]
        out += paragraphs(ManPageProse.description)
        out += [".SH OPTIONS", "Global options, accepted by every command, before or after the command name:"]
        out += Flags.global.flatMap(flagItem)
        out += commands()
        out += strategies()
        out += configuration()
        out += environment()
        out += [".SH FILES"]
        out += ManPageProse.files.flatMap { item("\\fI" + Roff.escape($0.0) + "\\fR", $0.1) }
        out += [".SH EXIT STATUS"]
        out += CLISpec.exitCodes.flatMap { item("\\fB\($0.0)\\fR", $0.1) }
        out += examples()
        out += [".SH SEE ALSO"]
        let references = ManPageProse.seeAlso
        out += references.enumerated().map { index, reference in
            ".BR \(reference.0) (\(reference.1))" + (index < references.count - 1 ? "," : "")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `\fBllmroute config\fR [\fBshow\fR|...] [\fIOPTIONS\fR]`: the usage line with roff fonts.
    static func synopsis(path: [String], command: CommandSpec) -> String {
        var line = Roff.bold(([CLISpec.programName] + path).joined(separator: " "))
        if !command.subcommands.isEmpty {
            line += " [" + command.subcommands.map { Roff.bold($0.name) }.joined(separator: "|") + "]"
        }
        line += " [\\fIOPTIONS\\fR]"
        if !command.operands.isEmpty { line += " " + operands(command.operands) }
        return line
    }

    /// Operand names in italics, the brackets and dots around them plain: `[\fIPROMPT\fR...]`.
    static func operands(_ text: String) -> String {
        var out = ""
        var word = ""
        func flush() {
            if !word.isEmpty { out += Roff.italic(word) }
            word = ""
        }
        for character in text {
            if character.isUppercase || character == "_" {
                word.append(character)
            } else {
                flush()
                out += Roff.escape(String(character))
            }
        }
        flush()
        return out
    }

    static func commands() -> [String] {
        var out = [".SH COMMANDS", "Global options (see OPTIONS) are accepted by every command as well."]
        for command in CLISpec.commands {
            out += section(command, path: [command.name])
            for sub in command.subcommands {
                out += section(sub, path: [command.name, sub.name], isDefault: sub.name == command.defaultSubcommand)
            }
        }
        return out
    }

    static func section(_ command: CommandSpec, path: [String], isDefault: Bool = false) -> [String] {
        var out = [".SS \(Roff.argument(path.joined(separator: " ")))", synopsis(path: path, command: command), ".PP"]
        let suffix = isDefault ? " This is what `\(CLISpec.programName) \(path[0])` alone does." : ""
        out += Roff.lines(Roff.prose(command.description + suffix))
        if !command.subcommands.isEmpty {
            out += [".PP"] + Roff.lines("Subcommands: " + command.subcommands.map { Roff.bold($0.name) }.joined(separator: ", ") + ".")
        }
        out += command.flags.flatMap(flagItem)
        return out
    }

    /// A flag as a tagged paragraph: its spellings and placeholder, then its details, choices
    /// and default.
    static func flagItem(_ flag: FlagSpec) -> [String] {
        var tag = flag.short.map { "\\fB\\-\($0)\\fR, " } ?? ""
        tag += Roff.bold("--" + flag.long)
        if let placeholder = flag.value.placeholder { tag += " " + Roff.italic(placeholder) }
        var text = flag.details ?? flag.help
        if !text.hasSuffix(".") { text += "." }
        if let choices = flag.value.choices {
            text += " One of: " + choices.map { "`\($0)`" }.joined(separator: ", ") + "."
        }
        if let value = flag.defaultText { text += " Default: \(value)." }
        if flag.repeatable && !text.lowercased().contains("repeat") { text += " May be given more than once." }
        return item(tag, text)
    }

    static func strategies() -> [String] {
        var out = [".SH ROUTING STRATEGIES"]
        out += Roff.lines(Roff.prose(ManPageProse.routingNotes[0]))
        for kind in StrategyKind.allCases {
            let marker = kind.rawValue == Flags.strategy.defaultText ? " (default)" : ""
            out += item(Roff.bold(kind.rawValue) + marker, ManPageProse.strategy(kind))
        }
        out += paragraphs(Array(ManPageProse.routingNotes.dropFirst()), leading: true)
        return out
    }

    static func configuration() -> [String] {
        var out = [".SH CONFIGURATION"] + paragraphs(ManPageProse.configuration)
        for table in ManPageProse.configTables {
            out += [".SS \(Roff.argument(table.heading))"] + Roff.lines(Roff.prose(table.intro))
            for key in table.keys {
                out += item(Roff.bold(key), ManPageProse.configKeys["\(table.key).\(key)"] ?? "(undocumented)")
            }
        }
        return out
    }

    /// The providers' variables come from the built-in catalog, then the fixed ones.
    static func environment() -> [String] {
        var out = [".SH ENVIRONMENT"]
        for provider in BuiltinCatalog.providers {
            if let key = provider.apiKeyEnv {
                out += item(Roff.bold(key), "API key for the \(provider.name) provider.")
            }
            if let variable = provider.baseURLEnv {
                let version = provider.baseURL.hasSuffix("/v1") ? "including /v1" : "without /v1"
                out += item(Roff.bold(variable),
                            "Base URL for the \(provider.name) provider, \(version) as in the default \(provider.baseURL). A base_url in the config takes precedence.")
            }
        }
        for (names, text) in ManPageProse.environment {
            let tag = names.split(separator: ",").map { Roff.bold(String($0).trimmingCharacters()) }.joined(separator: ", ")
            out += item(tag, text)
        }
        return out
    }

    static func examples() -> [String] {
        var out = [".SH EXAMPLES"]
        var first = true
        func example(_ text: String, _ lines: [String]) {
            if !first { out.append(".PP") }
            first = false
            out += Roff.lines(Roff.prose(text))
            out += [".RS 4", ".EX"] + lines.map(Roff.literal) + [".EE", ".RE"]
        }
        for (text, lines) in ManPageProse.examples { example(text, lines) }
        let all = CLISpec.commands.flatMap { command in [command] + command.subcommands }
        for command in all {
            for (line, what) in command.examples { example(what.prefix(1).uppercased() + what.dropFirst() + ":", [line]) }
        }
        return out
    }

    /// Paragraphs of prose. The first directly follows its heading (a `.PP` there is redundant).
    static func paragraphs(_ texts: [String], leading: Bool = false) -> [String] {
        texts.enumerated().flatMap { index, text in
            (index > 0 || leading ? [".PP"] : []) + Roff.lines(Roff.prose(text))
        }
    }

    /// A tagged paragraph: the tag (already roff) on its own line, the text indented below.
    static func item(_ tag: String, _ text: String) -> [String] {
        [".TP", tag] + Roff.lines(Roff.prose(text))
    }
}
