/// Usage lines, derived from the spec.
public enum Usage {
    public static let rootLine = "usage: \(CLISpec.programName) [OPTIONS] COMMAND [ARGS...]"

    public static func line(path: [String], command: CommandSpec?) -> String {
        guard let command, !path.isEmpty else { return rootLine }
        var text = "usage: \(CLISpec.programName) \(path.joined(separator: " "))"
        if !command.subcommands.isEmpty {
            text += " [\(command.subcommands.map(\.name).joined(separator: "|"))]"
        }
        text += " [OPTIONS]"
        if !command.operands.isEmpty { text += " \(command.operands)" }
        return text
    }
}
