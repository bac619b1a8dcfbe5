/// Token usage as the API reports it, split into the buckets providers bill at different prices.
///
/// `inputTokens` counts every input token, cached or not, so that "tokens in" means the same on
/// every protocol (OpenAI's `prompt_tokens` already includes cached tokens; Anthropic reports
/// cache reads and writes beside `input_tokens`, and its decoder adds them up). The buckets
/// carved out of it are priced apart: see `ModelInfo.cost(_:)`.
public struct TokenUsage: Sendable, Equatable {
    /// Every input token: uncached + cache reads + cache writes.
    public var inputTokens: Int
    /// Every billed output token, reasoning included.
    public var outputTokens: Int
    /// Input tokens read from the provider's prompt cache.
    public var cacheReadTokens: Int
    /// Input tokens written to the cache with the default (5-minute) lifetime.
    public var cacheWrite5mTokens: Int
    /// Input tokens written to the cache with a 1-hour lifetime (Anthropic's `ttl: "1h"`).
    public var cacheWrite1hTokens: Int
    /// Of `outputTokens`, how many were hidden reasoning (0 when the API does not say).
    public var reasoningTokens: Int

    public init(inputTokens: Int = 0, outputTokens: Int = 0, cacheReadTokens: Int = 0,
                cacheWrite5mTokens: Int = 0, cacheWrite1hTokens: Int = 0, reasoningTokens: Int = 0) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cacheReadTokens = cacheReadTokens
        self.cacheWrite5mTokens = cacheWrite5mTokens
        self.cacheWrite1hTokens = cacheWrite1hTokens
        self.reasoningTokens = reasoningTokens
    }

    public var cacheWriteTokens: Int { cacheWrite5mTokens + cacheWrite1hTokens }

    /// Input tokens billed at the plain input price.
    public var uncachedInputTokens: Int { max(0, inputTokens - cacheReadTokens - cacheWriteTokens) }

    /// Output tokens that are the visible answer.
    public var answerTokens: Int { max(0, outputTokens - reasoningTokens) }
}
