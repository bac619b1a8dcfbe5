/// Renders `--help` text from the spec.
public enum HelpRenderer {
    static let width = 80

    public static func root() -> String {
        var out = "\(CLISpec.programName) \(CLISpec.version): route each prompt to the cheapest model that answers it well\n\n"
        out += Usage.rootLine + "\n\n"
        out += wrap(CLISpec.description, indent: 0) + "\n\n"
        out += "Commands:\n"
        let nameWidth = CLISpec.commands.map(\.name.count).max()! + 2
        for command in CLISpec.commands {
            out += "  " + pad(command.name, nameWidth) + command.summary + "\n"
        }
        out += "\nGlobal options:\n" + flagTable(Flags.global)
        out += "\n" + exitStatus()
        out += "\nRun '\(CLISpec.programName) help COMMAND' or '\(CLISpec.programName) COMMAND --help' for a command's options.\n"
        return out
    }

    public static func command(_ command: CommandSpec, path: [String]) -> String {
        var out = "\(CLISpec.programName) \(path.joined(separator: " ")): \(command.summary)\n\n"
        out += Usage.line(path: path, command: command) + "\n\n"
        out += wrap(command.description, indent: 0) + "\n"
        if !command.subcommands.isEmpty {
            out += "\nSubcommands:\n"
            let nameWidth = command.subcommands.map(\.name.count).max()! + 2
            for sub in command.subcommands {
                let marker = sub.name == command.defaultSubcommand ? " (default)" : ""
                out += "  " + pad(sub.name, nameWidth) + sub.summary + marker + "\n"
            }
        }
        if !command.flags.isEmpty { out += "\nOptions:\n" + flagTable(command.flags) }
        out += "\nGlobal options:\n" + flagTable(Flags.global)
        if !command.examples.isEmpty {
            out += "\nExamples:\n"
            for (line, what) in command.examples { out += "  \(line)\n      \(what)\n" }
        }
        out += "\n" + exitStatus()
        return out
    }

    static func exitStatus() -> String {
        wrap("Exit status: " + CLISpec.exitCodes.map { "\($0.0) \(shortExit($0.1))" }.joined(separator: ", "), indent: 0) + "\n"
    }

    private static func shortExit(_ text: String) -> String {
        String(text.prefix { $0 != ":" && $0 != "(" }).trimmingCharacters()
    }

    static func flagTable(_ flags: [FlagSpec]) -> String {
        let column = min(30, flags.map { $0.signature.count + (($0.short == nil) ? 4 : 0) }.max()! + 4)
        var out = ""
        for flag in flags {
            let signature = (flag.short == nil ? "    " : "") + flag.signature
            var help = flag.help
            if let choices = flag.value.choices, choices.count <= 8 { help += " [\(choices.joined(separator: ", "))]" }
            if let value = flag.defaultText { help += " (default: \(value))" }
            let left = "  " + signature
            if left.count + 2 > column {
                out += left + "\n" + wrap(help, indent: column) + "\n"
            } else {
                out += pad(left, column) + wrap(help, indent: column, firstIndent: false) + "\n"
            }
        }
        return out
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// Greedy word wrap to the help width.
    static func wrap(_ text: String, indent: Int, firstIndent: Bool = true) -> String {
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        var current = firstIndent ? margin : ""
        var currentLength = firstIndent ? indent : indent
        var empty = true
        for word in text.split(separator: " ") {
            if !empty && currentLength + 1 + word.count > width {
                lines.append(current)
                current = margin
                currentLength = indent
                empty = true
            }
            current += (empty ? "" : " ") + word
            currentLength += (empty ? 0 : 1) + word.count
            empty = false
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingCharacters() -> String {
        String(self.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
