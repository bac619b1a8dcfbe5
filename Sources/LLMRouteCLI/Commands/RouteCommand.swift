import LLMRouteCore

/// `llmroute route`: the routing decision, offline.
enum RouteCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        if context.arguments.has(Flags.calibrate) { return try CalibrateCommand.run(context) }
        var prompt = try context.readPrompt()
        var request = try context.routeRequest(prompt: prompt)
        if context.arguments.has(Flags.continueConversation) {
            // As `ask -c` would route it: every turn, and the cache the last one left warm.
            let store = ConversationStore(stateDirectory: XDGPaths(environment: context.environment).stateHome)
            let routing = try ConversationRouting(context: context, prompt: prompt, store: store)
            (prompt, request) = (routing.routed, routing.request)
        }
        let router = try context.router(for: prompt)
        let decision = try router.route(request)
        if context.json {
            context.console.line(DecisionJSON.decision(decision).pretty())
            return ExitCode.success
        }
        print(decision, context: context)
        return ExitCode.success
    }

    static func print(_ d: RoutingDecision, context: CommandContext) {
        let console = context.console
        func row(_ label: String, _ value: String) {
            console.line(console.style(HelpRenderer.pad(label, 11), .bold) + value)
        }
        row("model", console.style(d.model.id, .green) + " (\(d.model.provider))")
        row("strategy", d.strategy.rawValue)
        row("tier", d.classification.tier.rawValue)
        row("task", d.classification.task.rawValue)
        row("score", FixedPoint.format(d.classification.score, digits: 2))
        row("fallbacks", d.fallbacks.isEmpty ? "none" : d.fallbacks.map(\.id).joined(separator: ", "))
        let exactness = d.inputTokens.exact ? "exact, \(d.inputTokens.method)" : d.inputTokens.method
        let hidden = d.reasoningTokens > 0 ? " + ~\(d.reasoningTokens) reasoning" : ""
        row("tokens", "\(d.inputTokens.tokens) in (\(exactness)), ~\(d.outputTokens) out\(hidden) (estimate)")
        var cost = Money.format(d.estimatedCost) + " estimated"
        if d.exceedsMaxCost { cost += console.style("  above --max-cost", .yellow) }
        row("cost", cost)
        guard context.verbosity > 0 else { return }
        console.line(console.style("reasons", .bold))
        for reason in d.reasons { console.line("  - \(reason)") }
        if context.verbosity > 1 {
            for exclusion in d.excluded { console.line("  - excluded \(exclusion.model): \(exclusion.reason)") }
        }
    }
}
