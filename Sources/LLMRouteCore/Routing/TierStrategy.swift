/// Complexity tier → model group: the design sketch's `ModelRouter`.
public struct TierStrategy: RoutingStrategy {
    public let kind = StrategyKind.tier
    public init() {}

    public func choose(_ input: StrategyInput) -> StrategyChoice {
        let tier = input.classification.tier
        let group = input.policy.tierGroups[tier] ?? []
        return GroupResolver.resolve(group: group, label: "tier \(tier.rawValue)", input: input)
    }
}
