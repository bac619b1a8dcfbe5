/// The outcome of routing one prompt: what to call, what to try next, what it should cost, and why.
public struct RoutingDecision: Sendable, Equatable {
    public var model: ModelInfo
    public var fallbacks: [ModelInfo]
    public var strategy: StrategyKind
    public var classifierName: String
    public var classification: Classification
    public var inputTokens: TokenCount
    public var outputTokens: Int
    public var estimatedCost: Double
    /// Why: the classification, the strategy's reasoning, and notes on filtering.
    public var reasons: [String]
    /// Models left out before the strategy ran.
    public var excluded: [Exclusion]
    /// True when the estimate is above `--max-cost` (ask refuses such a call).
    public var exceedsMaxCost: Bool
    /// True when no provider had a key and the decision was made over the whole default pool.
    public var offline: Bool
    /// The highest-quality candidate: what the ledger's savings compare against.
    public var strongest: ModelInfo? = nil
    /// Hidden reasoning tokens in the estimate (counted in `estimatedCost` as output).
    public var reasoningTokens: Int = 0
}

/// Why routing could not produce a decision.
public enum RoutingError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownModel(String, suggestion: String?)
    case noCandidates([Exclusion])

    public var description: String {
        switch self {
        case .unknownModel(let name, let suggestion):
            var text = "unknown model '\(name)'"
            if let suggestion { text += "; did you mean '\(suggestion)'?" }
            return text + " (see `llmroute models`)"
        case .noCandidates(let excluded):
            let reasons = Set(excluded.map(\.reason)).sorted().joined(separator: "; ")
            return "no model can take this request (\(reasons))"
        }
    }
}
