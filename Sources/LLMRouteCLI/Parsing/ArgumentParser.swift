import LLMRouteCore

/// The hand-rolled parser: subcommands, `-x`, `--long`, `--long=value`, `--long value`, clustered
/// short flags (`-qv`, `-mNAME`), `--` to end flags, `-` as an operand meaning stdin, repeatable
/// and typed flags. Global flags are accepted before and after the command name.
public enum ArgumentParser {
    public static func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var command: CommandSpec? = nil
        var index = 0
        var flagsEnded = false

        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if !flagsEnded && argument == "--" {
                flagsEnded = true
                continue
            }
            if !flagsEnded && argument.hasPrefix("-") && argument != "-" {
                let allowed = (command?.flags ?? []) + Flags.global
                try parseFlag(argument, arguments: arguments, index: &index, allowed: allowed, command: command, into: &result)
                continue
            }
            // An operand: the command, a subcommand, or the command's operand.
            if command == nil {
                guard let found = CLISpec.command(named: argument) else {
                    throw unknownCommand(argument, among: CLISpec.commands, parentPath: [])
                }
                command = found
                result.commandPath = [found.name]
            } else if let current = command, !current.subcommands.isEmpty, result.commandPath.count == 1, result.operands.isEmpty,
                      current.operands.isEmpty || current.subcommand(named: argument) != nil {
                // A command that takes operands too (`cost PROMPT`, `cost report`): only a
                // subcommand's exact name, as the first operand, selects it.
                guard let sub = current.subcommand(named: argument) else {
                    throw unknownCommand(argument, among: current.subcommands, parentPath: [current.name])
                }
                command = sub
                result.commandPath.append(sub.name)
            } else {
                result.operands.append(argument)
            }
        }

        // `config --help` is help for config itself, so the default subcommand is not applied then.
        if let current = command, result.commandPath.count == 1, !result.has(Flags.help), let name = current.defaultSubcommand,
           let sub = current.subcommand(named: name) {
            command = sub
            result.commandPath.append(sub.name)
        }
        if let current = command, current.operands.isEmpty, let first = result.operands.first,
           !result.has(Flags.help) {
            throw UsageError(
                message: "'\(result.commandPath.joined(separator: " "))' takes no arguments, got '\(first)'",
                usage: Usage.line(path: result.commandPath, command: current))
        }
        return result
    }

    private static func parseFlag(
        _ argument: String, arguments: [String], index: inout Int, allowed: [FlagSpec], command: CommandSpec?,
        into result: inout ParsedArguments
    ) throws(UsageError) {
        let usage = Usage.line(path: result.commandPath, command: command)
        if argument.hasPrefix("--") {
            let body = argument.dropFirst(2)
            let name: String
            var inlineValue: String? = nil
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                inlineValue = String(body[body.index(after: equals)...])
            } else {
                name = String(body)
            }
            guard let flag = allowed.first(where: { $0.long == name }) else {
                throw unknownFlag("--\(name)", allowed: allowed, path: result.commandPath, usage: usage)
            }
            if !flag.value.takesValue {
                if inlineValue != nil { throw UsageError(message: "--\(name) takes no value", usage: usage) }
                result.values[flag.long, default: []].append("")
                return
            }
            try takeValue(attached: inlineValue, for: flag, arguments: arguments, index: &index, into: &result, usage: usage)
            return
        }

        // A cluster of short flags: -qv, -m NAME, -mNAME, -qmNAME.
        var characters = Substring(argument.dropFirst())
        while let letter = characters.first {
            characters = characters.dropFirst()
            guard let flag = allowed.first(where: { $0.short == letter }) else {
                throw unknownFlag("-\(letter)", allowed: allowed, path: result.commandPath, usage: usage)
            }
            if !flag.value.takesValue {
                result.values[flag.long, default: []].append("")
                continue
            }
            let attached = characters.isEmpty ? nil : String(characters)
            try takeValue(attached: attached, for: flag, arguments: arguments, index: &index, into: &result, usage: usage)
            return
        }
    }

    /// A flag's value: attached (`--x=v`, `-xv`) or the next argument, validated and stored.
    private static func takeValue(
        attached: String?, for flag: FlagSpec, arguments: [String], index: inout Int,
        into result: inout ParsedArguments, usage: String
    ) throws(UsageError) {
        var value = attached
        if value == nil {
            guard index < arguments.count else { throw missingValue(flag, usage: usage) }
            value = arguments[index]
            index += 1
        }
        try store(value!, for: flag, into: &result, usage: usage)
    }

    private static func store(_ value: String, for flag: FlagSpec, into result: inout ParsedArguments, usage: String) throws(UsageError) {
        if let problem = FlagValueValidator.problem(with: value, for: flag) {
            throw UsageError(message: problem, usage: usage)
        }
        result.values[flag.long, default: []].append(value)
    }

    private static func missingValue(_ flag: FlagSpec, usage: String) -> UsageError {
        var message = "--\(flag.long) needs a value (\(flag.value.placeholder ?? "VALUE"))"
        if let choices = flag.value.choices { message += ": one of \(choices.joined(separator: ", "))" }
        return UsageError(message: message, usage: usage)
    }

    private static func unknownFlag(_ flag: String, allowed: [FlagSpec], path: [String], usage: String) -> UsageError {
        let where_ = path.isEmpty ? "" : " for '\(path.joined(separator: " "))'"
        var message = "unknown flag '\(flag)'\(where_)"
        if flag.hasPrefix("--") {
            let name = String(flag.dropFirst(2))
            // A flag of another command is more likely a misplaced flag than a typo.
            if let owner = CLISpec.commands.first(where: { cmd in cmd.flags.contains { $0.long == name } }) {
                message += " ('--\(name)' is a flag of '\(owner.name)')"
            } else if let near = NearestMatch.suggest(name, among: allowed.map(\.long)) {
                message += "; did you mean '--\(near)'?"
            }
        }
        return UsageError(message: message, usage: usage)
    }

    private static func unknownCommand(_ word: String, among commands: [CommandSpec], parentPath: [String]) -> UsageError {
        let kind = parentPath.isEmpty ? "command" : "subcommand of '\(parentPath.joined(separator: " "))'"
        var message = "unknown \(kind) '\(word)'"
        if let near = NearestMatch.suggest(word, among: commands.map(\.name)) {
            message += "; did you mean '\(near)'?"
        } else {
            message += " (commands: \(commands.map(\.name).joined(separator: ", ")))"
        }
        let usage = parentPath.isEmpty
            ? Usage.rootLine
            : Usage.line(path: parentPath, command: CLISpec.command(named: parentPath[0]))
        return UsageError(message: message, usage: usage)
    }
}
