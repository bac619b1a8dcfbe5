import Testing
@testable import LLMRouteCore

@Suite("Router: candidates, fallbacks, estimates")
struct RouterTests {
    @Test func noKeysRoutesOfflineOverDefaultProviders() throws {
        let router = Router(catalog: .builtin, policy: .defaults, classifier: FixedClassifier(),
                            tokens: HeuristicTokenEstimator(), environment: Environment())
        let d = try router.route(RouteRequest(prompt: "What is 2+2?"))
        #expect(d.offline)
        #expect(["openai", "anthropic"].contains(d.model.provider))
        #expect(d.reasons.contains { $0.contains("no API key") })
    }

    @Test func poolIsUsableProvidersOnly() throws {
        let router = Router(catalog: .builtin, policy: .defaults, classifier: FixedClassifier(),
                            tokens: HeuristicTokenEstimator(), environment: Environment(["MISTRAL_API_KEY": "k"]))
        let (models, offline) = router.pool()
        #expect(!offline)
        #expect(!models.isEmpty && models.allSatisfy { $0.provider == "mistral" })
        let d = try router.route(RouteRequest(prompt: "hi", strategy: .tier))
        #expect(d.model.provider == "mistral")
    }

    @Test func contextWindowFilterExcludesSmallModels() throws {
        let router = SketchCatalog.router()
        // ~150k tokens by the bytes/4 estimate: only the 200k-context Anthropic models fit.
        let prompt = String(repeating: "abcd", count: 150_000)
        let d = try router.route(RouteRequest(prompt: prompt, strategy: .cost))
        #expect(d.model.provider == "anthropic")
        #expect(d.excluded.map(\.model).sorted() == ["gpt-4o", "gpt-4o-mini"])
        #expect(d.excluded.allSatisfy { $0.reason.contains("context window") })
    }

    @Test func nothingFitsIsAnError() throws {
        let router = SketchCatalog.router()
        let prompt = String(repeating: "abcd", count: 300_000)
        #expect(throws: RoutingError.self) { try router.route(RouteRequest(prompt: prompt)) }
    }

    @Test func requiredCapabilityFilters() throws {
        let d = try SketchCatalog.router().route(RouteRequest(prompt: "x", strategy: .cost, requiredCapabilities: [.tools]))
        #expect(d.model.provider == "openai")
        #expect(d.excluded.count == 2)
    }

    @Test func forcedModel() throws {
        let d = try SketchCatalog.router().route(RouteRequest(prompt: "x", forcedModel: "claude-3-haiku"))
        #expect(d.model.id == "claude-3-haiku")
        #expect(d.reasons.contains { $0.contains("forced") })
        #expect(throws: RoutingError.unknownModel("gpt-4o-mimi", suggestion: "gpt-4o-mini")) {
            try SketchCatalog.router().route(RouteRequest(prompt: "x", forcedModel: "gpt-4o-mimi"))
        }
    }

    @Test func fallbacksReachAnotherProvider() throws {
        var policy = SketchCatalog.policy
        policy.tierGroups[.simple] = ["gpt-4o-mini", "gpt-4o"]
        let d = try SketchCatalog.router(policy: policy).route(RouteRequest(prompt: "x", strategy: .tier))
        #expect(d.model.id == "gpt-4o-mini")
        #expect(d.fallbacks.prefix(2).contains { $0.provider == "anthropic" })
        #expect(!d.fallbacks.contains { $0.id == d.model.id })
        #expect(d.fallbacks.count <= policy.maxFallbacks)
    }

    @Test func estimatesIncludeChatOverheadAndSystemPrompt() throws {
        let router = SketchCatalog.router()
        let model = SketchCatalog.models[0]
        let bare = router.inputTokens(prompt: "abcdefgh", system: nil, model: model)
        #expect(bare.tokens == 2 + Router.tokensPerMessage + Router.tokensPerReply)
        let withSystem = router.inputTokens(prompt: "abcdefgh", system: "abcd", model: model)
        #expect(withSystem.tokens == bare.tokens + 1 + Router.tokensPerMessage)
        let d = try router.route(RouteRequest(prompt: "abcdefgh", strategy: .tier, outputTokens: 100))
        #expect(d.outputTokens == 100)
        #expect(abs(d.estimatedCost - d.model.cost(inputTokens: d.inputTokens.tokens, outputTokens: 100)) < 1e-15)
    }

    @Test func toolDefinitionsImagesAndToolCallsCountAsInput() throws {
        let router = SketchCatalog.router()
        let model = SketchCatalog.models[0]
        let bare = router.inputTokens(prompt: "abcdefgh", system: nil, model: model)
        let tool = #"{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}"#
        let withTool = router.inputTokens(prompt: "abcdefgh", system: nil, model: model, extra: ExtraInput(toolDefinitions: [tool, tool]))
        #expect(withTool.tokens == bare.tokens + 2 * router.tokens.count(tool, for: model).tokens)
        let withImages = router.inputTokens(prompt: "abcdefgh", system: nil, model: model, extra: ExtraInput(promptImages: 2))
        #expect(withImages.tokens == bare.tokens + 2 * Router.tokensPerImage)

        let plainTurn = ChatMessage(role: .assistant, content: "")
        var callTurn = plainTurn
        callTurn.toolCalls = [ToolCall(id: "c1", name: "get_weather", arguments: #"{"city": "Paris"}"#)]
        var imageTurn = ChatMessage(role: .user, content: "see")
        imageTurn.parts = [.text("see"), .image(url: "https://example.com/a.png", detail: nil)]
        let plain = router.inputTokens(prompt: "abcdefgh", system: nil, model: model, context: [plainTurn])
        let withCall = router.inputTokens(prompt: "abcdefgh", system: nil, model: model, context: [callTurn])
        #expect(withCall.tokens == plain.tokens + router.tokens.count("get_weather", for: model).tokens
                + router.tokens.count(#"{"city": "Paris"}"#, for: model).tokens)
        let withImageTurn = router.inputTokens(prompt: "abcdefgh", system: nil, model: model, context: [imageTurn])
        #expect(withImageTurn.tokens == plain.tokens + router.tokens.count("see", for: model).tokens + Router.tokensPerImage)
    }

    @Test func aLargeToolListLeavesOutSmallWindows() throws {
        // ~150k tokens of tool schemas by the bytes/4 estimate: as for a long prompt, only the
        // 200k-context models can take the request.
        var request = RouteRequest(prompt: "What is the weather in Paris?", strategy: .cost)
        request.extraInput = ExtraInput(toolDefinitions: [String(repeating: "abcd", count: 150_000)])
        let d = try SketchCatalog.router().route(request)
        #expect(d.model.provider == "anthropic")
        #expect(d.excluded.map(\.model).sorted() == ["gpt-4o", "gpt-4o-mini"])
        #expect(d.inputTokens.tokens > 150_000)
    }

    @Test func outputEstimateFollowsTierAndTask() {
        let estimator = OutputTokenEstimator.defaults
        #expect(estimator.estimate(tier: .simple, task: .simpleQA) < estimator.estimate(tier: .expert, task: .coding))
        #expect(estimator.estimate(tier: .complex, task: .analysis) == 900)
        var routing = RoutingSettings()
        routing.outputTokens[.complex] = 100
        #expect(estimator.applying(routing).estimate(tier: .complex, task: .analysis) == 100)
    }

    @Test func taskHintOverridesClassifier() throws {
        let d = try SketchCatalog.router().route(RouteRequest(prompt: "x", strategy: .task, taskHint: .coding))
        #expect(d.classification.task == .coding)
        #expect(d.model.id == "gpt-4o")
    }

    /// The gateway routes with `explain: false`: the same choice and score, without the
    /// classifier's reasons (the strategy's own reasons stay).
    @Test func routingWithoutExplanationDecidesTheSame() throws {
        let router = Router(catalog: .builtin, policy: .defaults, classifier: LocalClassifier.shared,
                            tokens: HeuristicTokenEstimator(), environment: Environment())
        let prompt = "Prove that the square root of 2 is irrational, step by step."
        let explained = try router.route(RouteRequest(prompt: prompt))
        var quiet = RouteRequest(prompt: prompt)
        quiet.explain = false
        let unexplained = try router.route(quiet)
        #expect(unexplained.model.id == explained.model.id)
        #expect(unexplained.classification.score == explained.classification.score)
        #expect(unexplained.classification.tier == explained.classification.tier)
        #expect(!explained.reasons.filter { $0.hasPrefix("classifier: ") }.isEmpty)
        #expect(unexplained.reasons.filter { $0.hasPrefix("classifier: ") }.isEmpty)
    }
}
