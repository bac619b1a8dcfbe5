import LLMRouteCore

/// `llmroute help [COMMAND...]` and `--help` on any command.
enum HelpCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        // `help route` names the command as operands; `route --help` as the command path.
        var path = arguments.commandPath.first == "help" ? arguments.operands : arguments.commandPath
        if arguments.commandPath.first == "help" && arguments.has(Flags.help) && path.isEmpty { path = ["help"] }
        guard let first = path.first else {
            context.console.out(HelpRenderer.root())
            return ExitCode.success
        }
        guard var command = CLISpec.command(named: first) else {
            var message = "no help for unknown command '\(first)'"
            if let near = NearestMatch.suggest(first, among: CLISpec.commands.map(\.name)) { message += "; did you mean '\(near)'?" }
            throw CLIError(message, exitCode: ExitCode.usage)
        }
        var shownPath = [first]
        if path.count > 1, let sub = command.subcommand(named: path[1]) {
            command = sub
            shownPath.append(sub.name)
        }
        context.console.out(HelpRenderer.command(command, path: shownPath))
        return ExitCode.success
    }
}
