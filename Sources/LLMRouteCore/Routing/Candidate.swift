/// A model that passed the hard filters, with what this request would cost on it.
public struct Candidate: Sendable, Equatable {
    public var model: ModelInfo
    public var inputTokens: TokenCount
    /// The visible answer.
    public var outputTokens: Int
    /// Hidden reasoning expected on top of the answer, billed as output (`ReasoningRatios`).
    public var reasoningTokens: Int
    public var estimatedCost: Double

    public init(model: ModelInfo, inputTokens: TokenCount, outputTokens: Int, reasoningTokens: Int = 0) {
        self.model = model
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.reasoningTokens = reasoningTokens
        self.estimatedCost = model.cost(inputTokens: inputTokens.tokens, outputTokens: outputTokens + reasoningTokens)
    }
}

/// A model left out of the candidates, and why (shown with `-v` and in `--json`).
public struct Exclusion: Sendable, Equatable {
    public var model: String
    public var reason: String
}
