/// What a strategy gets: the classified prompt, the candidates and the caller's limits.
public struct StrategyInput: Sendable {
    public var classification: Classification
    /// Every candidate, cheapest first.
    public var candidates: [Candidate]
    public var policy: RoutingPolicy
    /// The quality bar (`cost` strategy); nil means the policy's bar for the prompt's tier.
    public var minQuality: Double?
    /// Per-request cost cap in USD; nil means none.
    public var maxCost: Double?
    /// Threshold override (`threshold` strategy).
    public var threshold: Double?

    public init(classification: Classification, candidates: [Candidate], policy: RoutingPolicy,
                minQuality: Double? = nil, maxCost: Double? = nil, threshold: Double? = nil) {
        self.classification = classification
        self.candidates = candidates.sorted { ($0.estimatedCost, $0.model.id) < ($1.estimatedCost, $1.model.id) }
        self.policy = policy
        self.minQuality = minQuality
        self.maxCost = maxCost
        self.threshold = threshold
    }

    /// Candidates within the cost cap (all of them when there is no cap).
    public var affordable: [Candidate] {
        guard let maxCost else { return candidates }
        return candidates.filter { $0.estimatedCost <= maxCost }
    }

    public func candidate(named id: String) -> Candidate? { candidates.first { $0.model.id == id } }
}

/// What a strategy decides: the primary model, its own preferred fallbacks, and why.
public struct StrategyChoice: Sendable, Equatable {
    public var primary: Candidate
    /// Fallbacks the strategy itself prefers (e.g. the rest of a tier group), in order.
    public var preferredFallbacks: [Candidate]
    public var reasons: [String]

    public init(primary: Candidate, preferredFallbacks: [Candidate] = [], reasons: [String]) {
        self.primary = primary
        self.preferredFallbacks = preferredFallbacks
        self.reasons = reasons
    }
}

/// A routing strategy: small and pure, like a RouteLLM router.
public protocol RoutingStrategy: Sendable {
    var kind: StrategyKind { get }
    /// `input.candidates` is never empty.
    func choose(_ input: StrategyInput) -> StrategyChoice
}

extension StrategyKind {
    public var strategy: any RoutingStrategy {
        switch self {
        case .tier: TierStrategy()
        case .task: TaskStrategy()
        case .cost: CostStrategy()
        case .threshold: ThresholdStrategy()
        }
    }
}
