/// The routing engine: classify the prompt, filter the catalog to candidates, let the strategy
/// choose, plan fallbacks. Pure and offline: it never calls a provider.
public struct Router: Sendable {
    public var catalog: Catalog
    public var policy: RoutingPolicy
    public var classifier: any PromptClassifier
    public var tokens: any TokenEstimator
    public var outputTokens: OutputTokenEstimator
    /// Hidden reasoning per answer token, by model: defaults, or medians from the user's ledger.
    public var reasoning: ReasoningRatios
    public var environment: Environment

    /// Providers routed across when no key is set at all, so `route` still answers offline.
    public static let defaultProviders = ["openai", "anthropic"]
    /// Tokens a chat request adds, as OpenAI documents for its chat models (see
    /// `ChatTokenCounter`): per message the framing plus its one-token role name, and the
    /// priming of the reply.
    public static let tokensPerMessage = ChatTokenCounter.tokensPerMessage + 1
    public static let tokensPerReply = ChatTokenCounter.tokensPerReplyPriming
    /// An image's input tokens, estimated without decoding it: about the most either protocol
    /// charges for one image before the provider scales it down (Anthropic's documentation:
    /// ~1,600 tokens at 1092×1092 px; OpenAI's tiles: 765 at 1024×1024, more for wide images).
    /// Too high for small images, so a window is never judged big enough when it is not.
    public static let tokensPerImage = 1_600

    public init(catalog: Catalog, policy: RoutingPolicy, classifier: any PromptClassifier,
                tokens: any TokenEstimator, outputTokens: OutputTokenEstimator = .defaults,
                reasoning: ReasoningRatios = ReasoningRatios(), environment: Environment) {
        self.catalog = catalog
        self.policy = policy
        self.classifier = classifier
        self.tokens = tokens
        self.outputTokens = outputTokens
        self.reasoning = reasoning
        self.environment = environment
    }

    /// The classifier's view, with the caller's task hint applied.
    public func classify(_ prompt: String, taskHint: TaskKind? = nil, explain: Bool = true) -> Classification {
        var classification = classifier.classify(prompt, explain: explain)
        if let hint = taskHint, hint != classification.task {
            classification.reasons.insert("task \(hint.rawValue) given by the caller (classifier said \(classification.task.rawValue))", at: 0)
            classification.task = hint
        }
        return classification
    }

    /// The models routing may choose from, and whether that pool is an offline stand-in.
    public func pool() -> (models: [ModelInfo], offline: Bool) {
        if let names = policy.pool {
            return (names.compactMap { catalog.model(named: $0) }, false)
        }
        let usable = catalog.models.filter { catalog.isUsable($0, environment: environment) }
        if !usable.isEmpty { return (usable, false) }
        return (catalog.models.filter { Self.defaultProviders.contains($0.provider) }, true)
    }

    /// Prompt tokens of a chat request on this model: the messages plus the chat framing.
    public func inputTokens(prompt: String, system: String?, model: ModelInfo, context: [ChatMessage] = [],
                            extra: ExtraInput = .none) -> TokenCount {
        var cache: [String: TokenCount] = [:]
        return inputTokens(prompt: prompt, system: system, model: model, context: context, extra: extra, cache: &cache)
    }

    /// The same, sharing counts between models whose tokenizer is the same (see `sharingKey`).
    public func inputTokens(prompt: String, system: String?, model: ModelInfo, context: [ChatMessage] = [],
                            extra: ExtraInput = .none, cache: inout [String: TokenCount]) -> TokenCount {
        let key = tokens.sharingKey(for: model)
        if let cached = cache[key] { return cached }
        var count = tokens.count(prompt, for: model)
        var messages = 1 + context.count
        for message in context { count.tokens += messageTokens(message, model: model) }
        for tool in extra.toolDefinitions { count.tokens += tokens.count(tool, for: model).tokens }
        count.tokens += extra.promptImages * Self.tokensPerImage
        if let system, !system.isEmpty {
            count.tokens += tokens.count(system, for: model).tokens
            messages += 1
        }
        count.tokens += messages * Self.tokensPerMessage + Self.tokensPerReply
        cache[key] = count
        return count
    }

    /// An earlier turn: its text, the calls it made (name and arguments, which the model reads
    /// back) and its images.
    private func messageTokens(_ message: ChatMessage, model: ModelInfo) -> Int {
        var count = tokens.count(message.content, for: model).tokens
        for call in message.toolCalls {
            count += tokens.count(call.name, for: model).tokens + tokens.count(call.arguments, for: model).tokens
        }
        return count + message.imageCount * Self.tokensPerImage
    }

    public func route(_ request: RouteRequest) throws(RoutingError) -> RoutingDecision {
        let classification = classify(request.prompt, taskHint: request.taskHint, explain: request.explain)
        let expectedOutput = request.outputTokens
            ?? outputTokens.estimate(tier: classification.tier, task: classification.task)
        let (models, offline) = pool()

        var candidates: [Candidate] = []
        var excluded: [Exclusion] = []
        var counted: [String: TokenCount] = [:]
        for model in models {
            let input = inputTokens(prompt: request.prompt, system: request.system, model: model,
                                    context: request.context, extra: request.extraInput, cache: &counted)
            let output = min(expectedOutput, model.maxOutputTokens)
            if input.tokens + output > model.contextWindow {
                excluded.append(Exclusion(model: model.id, reason: "context window \(model.contextWindow) < \(input.tokens + output) tokens needed"))
                continue
            }
            let missing = request.requiredCapabilities.subtracting(model.capabilities)
            if !missing.isEmpty {
                excluded.append(Exclusion(model: model.id, reason: "lacks \(missing.map(\.rawValue).sorted().joined(separator: ", "))"))
                continue
            }
            candidates.append(candidate(model, input: input, output: output, request: request))
        }

        let input = StrategyInput(
            classification: classification, candidates: candidates, policy: policy,
            minQuality: request.minQuality, maxCost: request.maxCost, threshold: request.threshold)
        let choice: StrategyChoice
        if let forced = request.forcedModel {
            choice = try forcedChoice(forced, request: request, expectedOutput: expectedOutput, input: input)
        } else {
            guard !candidates.isEmpty else { throw .noCandidates(excluded) }
            choice = request.strategy.strategy.choose(input)
        }

        let fallbacks = FallbackPlanner.plan(
            primary: choice.primary, preferred: choice.preferredFallbacks,
            candidates: input.candidates, limit: policy.maxFallbacks)
        var reasons = classification.reasons.prefix(3).map { "classifier: \($0)" }
        reasons.append(contentsOf: choice.reasons)
        if offline {
            reasons.append("no API key is set (\(keyVariables().joined(separator: ", "))): routed over the built-in OpenAI and Anthropic models")
        }
        if !excluded.isEmpty { reasons.append("\(excluded.count) model(s) excluded before choosing") }
        reasons.append(contentsOf: cacheReasons(choice.primary, candidates: candidates, request: request))
        if choice.primary.reasoningTokens > 0 {
            let (ratio, source) = reasoning.ratio(for: choice.primary.model)
            reasons.append("\(choice.primary.model.id) reasons: ~\(choice.primary.reasoningTokens) hidden tokens "
                           + "(\(FixedPoint.format(ratio, digits: 1))x the answer, \(source)) priced as output")
        }
        let exceeds = request.maxCost.map { choice.primary.estimatedCost > $0 } ?? false
        return RoutingDecision(
            model: choice.primary.model, fallbacks: fallbacks.map(\.model), strategy: request.strategy,
            classifierName: classifier.name, classification: classification,
            inputTokens: choice.primary.inputTokens, outputTokens: choice.primary.outputTokens,
            estimatedCost: choice.primary.estimatedCost, reasons: reasons, excluded: excluded,
            exceedsMaxCost: exceeds, offline: offline,
            strongest: Self.strongest(of: candidates.map(\.model) + [choice.primary.model]),
            reasoningTokens: choice.primary.reasoningTokens)
    }

    /// A candidate with the hidden reasoning its model is expected to add to the answer, and
    /// (in a conversation) the prompt-cache reads and writes it is expected to bill.
    public func candidate(_ model: ModelInfo, input: TokenCount, output: Int, request: RouteRequest? = nil) -> Candidate {
        let cached = request.map { cacheTokens(model, input: input.tokens, request: $0) } ?? (read: 0, write: 0)
        return Candidate(model: model, inputTokens: input, outputTokens: output,
                         reasoningTokens: reasoning.hiddenTokens(for: model, answerTokens: output),
                         cacheReadTokens: cached.read, cacheWriteTokens: cached.write)
    }

    private func forcedChoice(_ name: String, request: RouteRequest, expectedOutput: Int, input: StrategyInput) throws(RoutingError) -> StrategyChoice {
        guard let model = catalog.model(named: name) else {
            throw .unknownModel(name, suggestion: NearestMatch.suggest(name, among: catalog.models.map(\.id)))
        }
        let tokens = inputTokens(prompt: request.prompt, system: request.system, model: model,
                                 context: request.context, extra: request.extraInput)
        let candidate = input.candidate(named: name)
            ?? candidate(model, input: tokens, output: min(expectedOutput, model.maxOutputTokens), request: request)
        var reasons = ["model \(name) forced by --model"]
        if !catalog.isUsable(model, environment: environment) {
            reasons.append("note: provider \(model.provider) has no API key set")
        }
        return StrategyChoice(primary: candidate, reasons: reasons)
    }

    /// The best model on offer, the dearer one on a quality tie (what "always use the best" costs).
    static func strongest(of models: [ModelInfo]) -> ModelInfo? {
        models.max { ($0.quality, $0.outputCostPerToken, $0.id) < ($1.quality, $1.outputCostPerToken, $1.id) }
    }

    private func keyVariables() -> [String] {
        Self.defaultProviders.compactMap { catalog.provider(named: $0)?.apiKeyEnv }
    }
}
