import LLMRouteCore

/// `llmroute manpage` (implemented with the shell-integration work).
enum ManPageCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        throw CLIError("the man page is not generated yet", exitCode: ExitCode.failure)
    }
}
