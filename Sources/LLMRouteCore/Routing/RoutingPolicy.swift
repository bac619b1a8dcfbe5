/// The tables strategies read: model groups per tier and task, the strong/weak pair, quality bars.
/// Built-in defaults follow the design sketch; every table can be replaced from `[routing]`.
public struct RoutingPolicy: Sendable, Equatable {
    /// Tier → ordered model group (first available wins, the rest are fallbacks).
    public var tierGroups: [Tier: [String]]
    /// Task → ordered model group.
    public var taskGroups: [TaskKind: [String]]
    public var strong: [String]
    public var weak: [String]
    /// `cost` strategy: the quality bar for each tier when `--min-quality` is not given.
    public var minQualityByTier: [Tier: Double]
    /// `threshold` strategy: strong model when score ≥ this.
    public var threshold: Double
    /// When set, only these models are candidates.
    public var pool: [String]?
    /// How many fallbacks a decision carries at most.
    public var maxFallbacks: Int

    /// The design sketch's tables (cheap model for simple and medium prompts, a strong one for
    /// complex, the strongest for expert; task types to the model known for them), filled with
    /// current catalog models. Each OpenAI choice is paired with an Anthropic counterpart so
    /// routing works with either key and falls back across providers.
    public static let defaults = RoutingPolicy(
        tierGroups: [
            .simple: ["gpt-6-luna", "claude-haiku-5-5"],
            .medium: ["claude-haiku-5-5", "gpt-6-luna"],
            .complex: ["gpt-6.1-terra", "claude-sonnet-5-5"],
            .expert: ["claude-opus-5-5", "gpt-6.1-sol"],
        ],
        taskGroups: [
            .coding: ["claude-sonnet-5-5", "gpt-6.1-terra"],
            .reasoning: ["gpt-6.1-sol", "claude-sonnet-5-5"],
            .simpleQA: ["gpt-6-luna", "claude-haiku-5-5"],
            .creative: ["claude-sonnet-5-5", "gpt-6.1-terra"],
            .analysis: ["gpt-6.1-terra", "claude-sonnet-5-5"],
            .summarization: ["claude-haiku-5-5", "gpt-6-luna"],
        ],
        strong: ["claude-sonnet-5-5", "gpt-6.1-sol"],
        weak: ["gpt-6-luna", "claude-haiku-5-5"],
        minQualityByTier: [.simple: 0.6, .medium: 0.7, .complex: 0.85, .expert: 0.9],
        threshold: LocalClassifier.defaultThreshold,
        pool: nil,
        maxFallbacks: 3
    )

    /// The defaults with a config's `[routing]` table applied.
    public func applying(_ routing: RoutingSettings) -> RoutingPolicy {
        var policy = self
        for (tier, group) in routing.tiers { policy.tierGroups[tier] = group }
        for (task, group) in routing.tasks { policy.taskGroups[task] = group }
        if let strong = routing.strong { policy.strong = strong }
        if let weak = routing.weak { policy.weak = weak }
        if let threshold = routing.threshold { policy.threshold = threshold }
        if let pool = routing.candidates { policy.pool = pool }
        return policy
    }
}
