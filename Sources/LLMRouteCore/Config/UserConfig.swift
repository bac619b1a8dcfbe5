/// A provider as the user's config defines or overrides it.
public struct ProviderSettings: Sendable, Equatable {
    public var name: String
    public var kind: APIProtocol?
    public var baseURL: String?
    public var apiKeyEnv: String?
    /// A key written into the config itself. Never printed, logged or stored elsewhere.
    public var apiKey: String?
    public var line: Int?

    public init(name: String, kind: APIProtocol? = nil, baseURL: String? = nil, apiKeyEnv: String? = nil, apiKey: String? = nil, line: Int? = nil) {
        self.name = name
        self.kind = kind
        self.baseURL = baseURL
        self.apiKeyEnv = apiKeyEnv
        self.apiKey = apiKey
        self.line = line
    }
}

/// A model the config adds, or the fields it overrides on a built-in model.
public struct ModelSettings: Sendable, Equatable {
    public var name: String
    public var provider: String?
    /// Prices in USD per million tokens (what provider price pages show).
    public var inputPricePerMTok: Double?
    public var outputPricePerMTok: Double?
    /// Prompt-cache prices, USD per million tokens, and the shortest cacheable prefix.
    public var cacheReadPricePerMTok: Double?
    public var cacheWritePricePerMTok: Double?
    public var cacheWrite1hPricePerMTok: Double?
    public var cacheMinTokens: Int?
    public var contextWindow: Int?
    public var maxOutputTokens: Int?
    public var quality: Double?
    public var strengths: [TaskKind]?
    public var capabilities: [Capability]?
    /// Where the model is served, for weighted load balancing; nil: at `provider` only.
    public var deployments: [Deployment]?
    public var line: Int?

    public init(name: String, line: Int? = nil) {
        self.name = name
        self.line = line
    }
}

extension ModelSettings {
    /// `base` with the cache prices this config sets (per million tokens) put in, per token.
    func cachePrices(over base: CachePrices) -> CachePrices {
        var cache = base
        if let v = cacheReadPricePerMTok { cache.read = v / 1_000_000 }
        if let v = cacheWritePricePerMTok { cache.write = v / 1_000_000 }
        if let v = cacheWrite1hPricePerMTok { cache.write1h = v / 1_000_000 }
        if let v = cacheMinTokens { cache.minTokens = v }
        return cache
    }
}

/// The `[routing]` table.
public struct RoutingSettings: Sendable, Equatable {
    public var strategy: StrategyKind?
    public var classifier: String?
    /// The model `classifier = "llm"` asks for labels.
    public var classifierModel: String?
    public var minQuality: Double?
    public var maxCost: Double?
    public var threshold: Double?
    public var strong: [String]?
    public var weak: [String]?
    /// Restricts the candidate pool to these models.
    public var candidates: [String]?
    public var tiers: [Tier: [String]] = [:]
    public var tasks: [TaskKind: [String]] = [:]
    public var outputTokens: [Tier: Int] = [:]
    /// Lines of model references, so a bad reference can be reported where it was written.
    public var referenceLines: [String: Int] = [:]

    public init() {}
}

/// The `[resilience]` table: when a provider's circuit breaker opens and for how long.
public struct ResilienceSettings: Sendable, Equatable {
    /// Consecutive provider faults that open the breaker.
    public var breakerThreshold: Int?
    /// Seconds an open breaker skips the provider before one call may probe it again.
    public var breakerCooldown: Double?

    public init(breakerThreshold: Int? = nil, breakerCooldown: Double? = nil) {
        self.breakerThreshold = breakerThreshold
        self.breakerCooldown = breakerCooldown
    }
}

/// Everything a config file says, validated for shape; references are checked against the catalog.
public struct UserConfig: Sendable, Equatable {
    public var file: String?
    public var providers: [ProviderSettings] = []
    public var models: [ModelSettings] = []
    public var routing = RoutingSettings()
    /// `[ledger] log_text`: keep prompt and answer text in the usage ledger (otherwise only hashes).
    public var logText: Bool?
    /// `[ledger]` url, user and password_env: a shared PostgreSQL ledger and the rows' user.
    public var ledger = LedgerSettings()
    /// `[budget]`: daily and monthly spending caps.
    public var budget = BudgetSettings()
    public var resilience = ResilienceSettings()
    /// `[serve]`: where `llmroute serve` listens and which client key it requires.
    public var serve = ServeConfig()

    public init(file: String? = nil) { self.file = file }
}
