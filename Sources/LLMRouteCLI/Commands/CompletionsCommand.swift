import LLMRouteCore

/// `llmroute completions SHELL` (implemented with the shell-integration work).
enum CompletionsCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        throw CLIError("completions are not generated yet", exitCode: ExitCode.failure)
    }
}
