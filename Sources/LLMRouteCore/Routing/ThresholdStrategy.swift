/// Strong/weak pair chosen by the strong-model score, as RouteLLM's routers do:
/// strong when `score >= threshold`. The strong group is always a fallback for the weak one.
public struct ThresholdStrategy: RoutingStrategy {
    public let kind = StrategyKind.threshold
    public init() {}

    public func choose(_ input: StrategyInput) -> StrategyChoice {
        let threshold = input.threshold ?? input.policy.threshold
        let score = input.classification.score
        let strong = score >= threshold
        let group = strong ? input.policy.strong : input.policy.weak + input.policy.strong
        var choice = GroupResolver.resolve(group: group, label: strong ? "strong" : "weak", input: input)
        let comparison = strong ? ">=" : "<"
        choice.reasons.insert(
            "score \(FixedPoint.format(score, digits: 2)) \(comparison) threshold \(FixedPoint.format(threshold, digits: 2)): \(strong ? "strong" : "weak") model",
            at: 0)
        return choice
    }
}
