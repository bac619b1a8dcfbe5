/// A model that passed the hard filters, with what this request would cost on it.
public struct Candidate: Sendable, Equatable {
    public var model: ModelInfo
    public var inputTokens: TokenCount
    public var outputTokens: Int
    public var estimatedCost: Double

    public init(model: ModelInfo, inputTokens: TokenCount, outputTokens: Int) {
        self.model = model
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.estimatedCost = model.cost(inputTokens: inputTokens.tokens, outputTokens: outputTokens)
    }
}

/// A model left out of the candidates, and why (shown with `-v` and in `--json`).
public struct Exclusion: Sendable, Equatable {
    public var model: String
    public var reason: String
}
