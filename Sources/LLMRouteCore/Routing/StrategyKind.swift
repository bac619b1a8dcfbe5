/// The routing strategies of the design sketch, each a small type behind `RoutingStrategy`.
public enum StrategyKind: String, CaseIterable, Codable, Sendable {
    /// Complexity tier → model group (the sketch's ModelRouter).
    case tier
    /// Task type → model group (the sketch's MultiProviderRouter).
    case task
    /// Cheapest model meeting a quality bar within a cost cap (the sketch's CostOptimizedRouter).
    case cost
    /// Strong/weak pair chosen by the strong-model score (RouteLLM-style).
    case threshold

    public var summary: String {
        switch self {
        case .tier: "complexity tier -> model group"
        case .task: "task type -> model group"
        case .cost: "cheapest model meeting the quality bar within the cost cap"
        case .threshold: "strong model if the score reaches the threshold, else the weak one"
        }
    }
}
