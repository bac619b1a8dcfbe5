/// A model that passed the hard filters, with what this request would cost on it.
public struct Candidate: Sendable, Equatable {
    public var model: ModelInfo
    public var inputTokens: TokenCount
    /// The visible answer.
    public var outputTokens: Int
    /// Hidden reasoning expected on top of the answer, billed as output (`ReasoningRatios`).
    public var reasoningTokens: Int
    /// Of the input, expected to be read from a warm prompt cache / written to it (`WarmCache`).
    public var cacheReadTokens: Int
    public var cacheWriteTokens: Int
    public var estimatedCost: Double

    public init(model: ModelInfo, inputTokens: TokenCount, outputTokens: Int, reasoningTokens: Int = 0,
                cacheReadTokens: Int = 0, cacheWriteTokens: Int = 0) {
        self.model = model
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.reasoningTokens = reasoningTokens
        self.cacheReadTokens = cacheReadTokens
        self.cacheWriteTokens = cacheWriteTokens
        self.estimatedCost = model.cost(TokenUsage(
            inputTokens: inputTokens.tokens, outputTokens: outputTokens + reasoningTokens,
            cacheReadTokens: cacheReadTokens, cacheWrite5mTokens: cacheWriteTokens))
    }
}

/// A model left out of the candidates, and why (shown with `-v` and in `--json`).
public struct Exclusion: Sendable, Equatable {
    public var model: String
    public var reason: String
}
