import LLMRouteCore

/// `llmroute classify`: tier, task, score and reasons for one prompt, or a JSONL batch.
enum ClassifyCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        if context.arguments.has(Flags.jsonl) {
            return try BatchClassifier(context: context, router: context.router()).run()
        }
        let prompt = try context.readPrompt()
        let router = try context.router(for: prompt)
        let classification = router.classify(prompt)
        let explain = context.arguments.has(Flags.explain)
        if context.json {
            context.console.line(DecisionJSON.classification(classification, classifier: router.classifier.name, explain: explain).pretty())
            return ExitCode.success
        }
        let console = context.console
        let c = classification
        console.line("\(console.style("tier", .bold))        \(c.tier.rawValue)")
        console.line("\(console.style("task", .bold))        \(c.task.rawValue)")
        console.line("\(console.style("score", .bold))       \(FixedPoint.format(c.score, digits: 2))  (probability a strong model is needed)")
        console.line("\(console.style("confidence", .bold))  \(FixedPoint.format(c.confidence, digits: 2))")
        console.line("\(console.style("classifier", .bold))  \(router.classifier.name)")
        console.line(console.style("reasons", .bold))
        for reason in c.reasons { console.line("  - \(reason)") }
        if explain {
            console.line(console.style("features", .bold) + "  (signed push on the score; + means a strong model is more needed)")
            if c.contributions.isEmpty { console.line("  (this classifier reports no feature weights)") }
            for feature in c.contributions {
                let sign = feature.weight >= 0 ? "+" : ""
                console.line("  \(sign)\(FixedPoint.format(feature.weight, digits: 3))  \(feature.feature)")
            }
        }
        return ExitCode.success
    }
}
