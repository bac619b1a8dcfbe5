/// One feature's push on a decision, for `classify --explain`.
public struct FeatureContribution: Sendable, Equatable {
    public var feature: String
    /// Signed push towards the chosen label (or towards "strong model needed" for the score).
    public var weight: Double

    public init(feature: String, weight: Double) {
        self.feature = feature
        self.weight = weight
    }
}

/// What a classifier says about one prompt.
public struct Classification: Sendable, Equatable {
    public var tier: Tier
    public var task: TaskKind
    /// Probability-like score in [0, 1] that a strong model is needed.
    public var score: Double
    /// How sure the classifier is of its tier/task call, in [0, 1].
    public var confidence: Double
    /// Human-readable reasons, most important first.
    public var reasons: [String]
    /// Features that pushed the decision, strongest first (may be empty).
    public var contributions: [FeatureContribution]
    /// True when the prompt was too large and only a bounded sample of it was read.
    public var sampled: Bool

    public init(
        tier: Tier, task: TaskKind, score: Double, confidence: Double,
        reasons: [String], contributions: [FeatureContribution] = [], sampled: Bool = false
    ) {
        self.tier = tier
        self.task = task
        self.score = score
        self.confidence = confidence
        self.reasons = reasons
        self.contributions = contributions
        self.sampled = sampled
    }
}

/// Classifies a prompt's complexity tier, task and strong-model score.
/// Implementations must be pure and cheap: they run on every `route`, `ask` and REPL turn.
public protocol PromptClassifier: Sendable {
    /// Short name shown in output (`heuristic`, `local`, `llm`).
    var name: String { get }
    func classify(_ prompt: String) -> Classification
    /// The same labels and score; `explain: false` lets a classifier skip its reasons, for
    /// callers that never show them (the gateway routes every request without).
    func classify(_ prompt: String, explain: Bool) -> Classification
}

extension PromptClassifier {
    public func classify(_ prompt: String, explain: Bool) -> Classification { classify(prompt) }
}
