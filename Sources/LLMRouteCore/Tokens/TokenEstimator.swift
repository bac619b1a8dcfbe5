/// A token count and whether it is exact for the model it was made for.
public struct TokenCount: Sendable, Equatable {
    public var tokens: Int
    /// False when the count is an estimate (unknown tokenizer or heuristic).
    public var exact: Bool
    /// Where the number comes from, e.g. "o200k_base" or "o200k_base x 1.10 (estimate)".
    public var method: String

    public init(tokens: Int, exact: Bool, method: String) {
        self.tokens = tokens
        self.exact = exact
        self.method = method
    }
}

/// Counts prompt tokens for a model. Routing, cost and context checks all go through this.
public protocol TokenEstimator: Sendable {
    func count(_ text: String, for model: ModelInfo) -> TokenCount
    /// Models with the same key get the same count for the same text, so routing over dozens
    /// of models tokenizes a prompt once per tokenizer, not once per model.
    func sharingKey(for model: ModelInfo) -> String
}

extension TokenEstimator {
    public func sharingKey(for model: ModelInfo) -> String { model.id }
}
