/// One routing question: a prompt and the caller's constraints.
public struct RouteRequest: Sendable {
    public var prompt: String
    public var system: String?
    public var strategy: StrategyKind
    /// `--model`: skip the strategy and use this model (fallbacks are still planned).
    public var forcedModel: String?
    public var minQuality: Double?
    public var maxCost: Double?
    public var threshold: Double?
    /// `--task`: the caller knows the task; the classifier's guess is overridden.
    public var taskHint: TaskKind?
    /// `--output-tokens`: the caller's answer-length estimate.
    public var outputTokens: Int?
    public var requiredCapabilities: Set<Capability>
    /// Earlier turns of a conversation (the REPL): counted in the input tokens, so models whose
    /// window cannot hold them are left out, but not classified (the new prompt is).
    public var context: [ChatMessage] = []
    /// Tool definitions and the prompt turn's images (the gateway's clients send them): counted
    /// in the input tokens too, so a model whose window cannot hold an agent's tool list is left
    /// out, and the estimate that max-cost and budgets judge is not too low.
    public var extraInput = ExtraInput.none
    /// The call will mark its prompt for caching (`ChatRequest.cachePrefix`): on Anthropic the
    /// prompt is then written to the cache, at the cache-write price.
    public var cachePrefix = false
    /// What the conversation sent last, for a cache-read discount on that model.
    public var warmCache: WarmCache?
    /// Wall-clock seconds to judge the cache's age by (nil: now).
    public var now: Double?
    /// The classifier's reasons in the decision. The gateway shows none, so it skips them:
    /// writing them out was a quarter of its routing time.
    public var explain = true

    public init(prompt: String, system: String? = nil, strategy: StrategyKind = .cost, forcedModel: String? = nil,
                minQuality: Double? = nil, maxCost: Double? = nil, threshold: Double? = nil,
                taskHint: TaskKind? = nil, outputTokens: Int? = nil, requiredCapabilities: Set<Capability> = []) {
        self.prompt = prompt
        self.system = system
        self.strategy = strategy
        self.forcedModel = forcedModel
        self.minQuality = minQuality
        self.maxCost = maxCost
        self.threshold = threshold
        self.taskHint = taskHint
        self.outputTokens = outputTokens
        self.requiredCapabilities = requiredCapabilities
    }
}

/// What a request sends besides its text.
public struct ExtraInput: Sendable, Equatable {
    /// Each tool definition as sent (JSON text): the model reads the names, descriptions and
    /// parameter schemas in some rendering of its provider's, of about this size.
    public var toolDefinitions: [String]
    /// Images in the prompt's turn (those of earlier turns are counted from their messages).
    public var promptImages: Int

    public init(toolDefinitions: [String] = [], promptImages: Int = 0) {
        self.toolDefinitions = toolDefinitions
        self.promptImages = promptImages
    }

    public static let none = ExtraInput()
}
