import LLMRouteCore

/// JSON shapes shared by commands, so `classify`, `route` and later `ask` agree on field names.
enum DecisionJSON {
    static func classification(_ c: Classification, classifier: String, explain: Bool) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("tier", .string(c.tier.rawValue)),
            ("task", .string(c.task.rawValue)),
            ("score", .number(round4(c.score))),
            ("confidence", .number(round4(c.confidence))),
            ("classifier", .string(classifier)),
            ("reasons", .array(c.reasons.map { .string($0) })),
            ("sampled", .bool(c.sampled)),
        ]
        if explain {
            pairs.append(("features", .array(c.contributions.map {
                .object([("feature", .string($0.feature)), ("weight", .number(round4($0.weight)))])
            })))
        }
        return .object(pairs)
    }

    static func decision(_ d: RoutingDecision) -> JSONValue {
        .object([
            ("model", .string(d.model.id)),
            ("provider", .string(d.model.provider)),
            ("strategy", .string(d.strategy.rawValue)),
            ("tier", .string(d.classification.tier.rawValue)),
            ("task", .string(d.classification.task.rawValue)),
            ("score", .number(round4(d.classification.score))),
            ("confidence", .number(round4(d.classification.confidence))),
            ("classifier", .string(d.classifierName)),
            ("fallbacks", .array(d.fallbacks.map { .string($0.id) })),
            ("estimated_input_tokens", .integer(d.inputTokens.tokens)),
            ("input_tokens_exact", .bool(d.inputTokens.exact)),
            ("token_method", .string(d.inputTokens.method)),
            ("estimated_output_tokens", .integer(d.outputTokens)),
            ("estimated_reasoning_tokens", .integer(d.reasoningTokens)),
            ("estimated_cost_usd", .number(d.estimatedCost)),
            ("exceeds_max_cost", .bool(d.exceedsMaxCost)),
            ("offline", .bool(d.offline)),
            ("reasons", .array(d.reasons.map { .string($0) })),
            ("excluded", .array(d.excluded.map { .object([("model", .string($0.model)), ("reason", .string($0.reason))]) })),
        ])
    }

    /// Scores read better with four decimals; more would be false precision.
    static func round4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
