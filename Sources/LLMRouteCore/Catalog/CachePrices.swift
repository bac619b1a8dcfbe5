/// A model's prompt-cache prices, USD per token, as the catalog lists them (LiteLLM's
/// `cache_read_input_token_cost`, `cache_creation_input_token_cost`,
/// `cache_creation_input_token_cost_above_1hr`) or config sets them; nil where neither says.
/// `ModelInfo` fills the gaps with `CachePrices.defaults(for:)`.
public struct CachePrices: Sendable, Equatable, Codable {
    public var read: Double?
    /// A write with the default lifetime (5 minutes on Anthropic).
    public var write: Double?
    /// A write with a 1-hour lifetime.
    public var write1h: Double?
    /// Shortest prefix the provider caches (LiteLLM's `prompt_cache_min_tokens`).
    public var minTokens: Int?

    public init(read: Double? = nil, write: Double? = nil, write1h: Double? = nil, minTokens: Int? = nil) {
        self.read = read
        self.write = write
        self.write1h = write1h
        self.minTokens = minTokens
    }

    /// Multiples of the input price used when neither the catalog nor config gives a price:
    /// - Anthropic (any model of the `anthropic` protocol): read 0.1x, write 1.25x (5 minutes),
    ///   2x (1 hour), minimum 1,024 tokens (Anthropic's prompt-caching pricing table; LiteLLM
    ///   lists the same multiples for every Claude model it prices);
    /// - OpenAI: read 0.5x (OpenAI's prompt-caching announcement, October 2024; newer models
    ///   are listed at 0.1x-0.25x and the list wins), no write premium, minimum 1,024;
    /// - Gemini: read 0.25x (Google's implicit-caching price for 2.5 models), no write premium;
    /// - DeepSeek: read 0.1x (DeepSeek's cache-hit price), no write premium, minimum 64;
    /// - anything else: no discount assumed (read = write = input price), so an unknown host is
    ///   never priced below what it could bill; set `cache_read_price` in config to change it.
    public static func defaults(for model: ModelInfo) -> (read: Double, write: Double, write1h: Double, minTokens: Int) {
        let input = model.inputCostPerToken
        if model.api == .anthropic { return (input * 0.1, input * 1.25, input * 2, 1024) }
        switch model.provider {
        case "openai": return (input * 0.5, input, input, 1024)
        case "gemini": return (input * 0.25, input, input, 1024)
        case "deepseek": return (input * 0.1, input, input, 64)
        default: return (input, input, input, 1024)
        }
    }
}
