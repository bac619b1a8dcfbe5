import LLMRouteCore

/// `llmroute completions bash|zsh|fish`: prints the completion script generated from the spec.
enum CompletionsCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        let names = CompletionShell.allCases.map(\.rawValue)
        let usage = Usage.line(path: ["completions"], command: CLISpec.completions)
        let operands = context.arguments.operands
        guard let name = operands.first else {
            throw CLIError("missing SHELL: one of \(names.joined(separator: ", "))", exitCode: ExitCode.usage, hint: usage)
        }
        guard let shell = CompletionShell(rawValue: name) else {
            throw CLIError("unknown shell '\(name)': choose one of \(names.joined(separator: ", "))",
                           exitCode: ExitCode.usage, hint: usage)
        }
        guard operands.count == 1 else {
            throw CLIError("completions takes one SHELL (\(names.joined(separator: ", "))), got \(operands.count)",
                           exitCode: ExitCode.usage, hint: usage)
        }
        context.console.out(shell.script())
        return ExitCode.success
    }
}
