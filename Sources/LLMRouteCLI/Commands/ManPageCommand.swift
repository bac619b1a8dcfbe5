import LLMRouteCore

/// `llmroute manpage`: prints llmroute(1) in roff, generated from the spec.
enum ManPageCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        context.console.out(ManPage.render())
        return ExitCode.success
    }
}
