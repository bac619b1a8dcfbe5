/// The wire protocol a provider speaks.
public enum APIProtocol: String, Codable, Sendable, CaseIterable {
    /// OpenAI Chat Completions (`POST {base}/chat/completions`); also most other hosts.
    case openai
    /// Anthropic Messages (`POST {base}/v1/messages`).
    case anthropic
}

/// Something a model can do beyond plain chat; routing can require one.
public enum Capability: String, Codable, Sendable, CaseIterable {
    case vision
    case tools = "function_calling"
    case json = "response_schema"
    case reasoning
    case caching = "prompt_caching"
}

/// One model in the catalog, with the numbers routing needs.
public struct ModelInfo: Sendable, Equatable, Codable {
    /// The id sent to the provider's API (e.g. `gpt-4o-mini`).
    public var id: String
    /// Provider key in the catalog/config (e.g. `openai`, `anthropic`, `groq`).
    public var provider: String
    public var api: APIProtocol
    /// USD per input token.
    public var inputCostPerToken: Double
    /// USD per output token.
    public var outputCostPerToken: Double
    /// Maximum input tokens (context window).
    public var contextWindow: Int
    public var maxOutputTokens: Int
    public var capabilities: Set<Capability>
    /// 0...1: how good answers are, relative to the best model in the catalog.
    public var quality: Double
    /// Where `quality` comes from (leaderboard snapshot, config override, …).
    public var qualitySource: String
    /// Tasks this model is known to be good at (the sketch's `best_for`), for the task bonus.
    public var strengths: Set<TaskKind>
    /// Prompt-cache prices as listed; `cacheReadCostPerToken` and friends resolve the defaults.
    public var cache = CachePrices()
    /// Base URL of the deployment this model is called at, when load balancing put it there;
    /// nil: the provider's own base URL.
    public var endpoint: String? = nil

    public init(
        id: String, provider: String, api: APIProtocol,
        inputCostPerToken: Double, outputCostPerToken: Double,
        contextWindow: Int, maxOutputTokens: Int,
        capabilities: Set<Capability> = [], quality: Double, qualitySource: String,
        strengths: Set<TaskKind> = [],
        cache: CachePrices = CachePrices()
    ) {
        self.id = id
        self.provider = provider
        self.api = api
        self.inputCostPerToken = inputCostPerToken
        self.outputCostPerToken = outputCostPerToken
        self.contextWindow = contextWindow
        self.maxOutputTokens = maxOutputTokens
        self.capabilities = capabilities
        self.quality = quality
        self.qualitySource = qualitySource
        self.strengths = strengths
        self.cache = cache
    }

    /// The circuit breaker's and backoff's key: the provider, or provider@endpoint for a deployment.
    public var healthKey: String { Self.healthKey(provider: provider, endpoint: endpoint) }

    static func healthKey(provider: String, endpoint: String?) -> String {
        endpoint.map { provider + "@" + $0 } ?? provider
    }

    /// USD for a request of this size, every input token uncached.
    public func cost(inputTokens: Int, outputTokens: Int) -> Double {
        Double(inputTokens) * inputCostPerToken + Double(outputTokens) * outputCostPerToken
    }

    /// USD for reported usage: each bucket at its own price (reasoning is output).
    public func cost(_ usage: TokenUsage) -> Double {
        Double(usage.uncachedInputTokens) * inputCostPerToken
            + Double(usage.cacheReadTokens) * cacheReadCostPerToken
            + Double(usage.cacheWrite5mTokens) * cacheWriteCostPerToken
            + Double(usage.cacheWrite1hTokens) * cacheWrite1hCostPerToken
            + Double(usage.outputTokens) * outputCostPerToken
    }

    /// What the same usage would have cost with no cache at all: every input token at the input price.
    public func uncachedCost(_ usage: TokenUsage) -> Double {
        cost(inputTokens: usage.inputTokens, outputTokens: usage.outputTokens)
    }

    public var cacheReadCostPerToken: Double { cache.read ?? CachePrices.defaults(for: self).read }
    public var cacheWriteCostPerToken: Double { cache.write ?? CachePrices.defaults(for: self).write }
    /// A 1-hour write: listed, else the 5-minute write scaled as Anthropic scales it (2 / 1.25).
    public var cacheWrite1hCostPerToken: Double {
        cache.write1h ?? cache.write.map { $0 * 1.6 } ?? CachePrices.defaults(for: self).write1h
    }
    public var cacheMinTokens: Int { cache.minTokens ?? CachePrices.defaults(for: self).minTokens }
    public var reasons: Bool { capabilities.contains(.reasoning) }
}
