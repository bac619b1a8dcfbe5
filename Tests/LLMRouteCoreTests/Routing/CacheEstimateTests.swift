import Testing
@testable import LLMRouteCore

/// Prompt caching on purpose: Anthropic requests of a conversation carry cache_control
/// breakpoints, and estimates count a warm prefix as a cache read on the model that holds it.
@Suite("Prompt caching in conversations")
struct CacheEstimateTests {
    static let conversation = [
        ChatMessage(role: .user, content: "q1"), ChatMessage(role: .assistant, content: "a1"),
        ChatMessage(role: .user, content: "q2"), ChatMessage(role: .assistant, content: "a2"),
        ChatMessage(role: .user, content: "q3"),
    ]

    static func marked(_ block: JSONValue?) -> Bool { block?["cache_control"]?["type"] == .string("ephemeral") }

    @Test func anthropicMarksSystemLastStableTurnAndTheNewTurn() throws {
        let provider = AnthropicProvider(info: ProviderInfo(name: "anthropic", api: .anthropic, baseURL: "https://x", apiKeyEnv: "K"))
        let model = ModelInfo(id: "claude", provider: "anthropic", api: .anthropic, inputCostPerToken: 0, outputCostPerToken: 0,
                              contextWindow: 1000, maxOutputTokens: 100, quality: 1, qualitySource: "")
        let body = provider.prepare(ChatRequest(system: "be brief", messages: Self.conversation, cachePrefix: true),
                                    model: model, baseURL: "https://x", apiKey: nil).body
        guard case .array(let system)? = body["system"], case .array(let messages)? = body["messages"] else {
            Issue.record("system and messages must be arrays: \(body.serialized())")
            return
        }
        #expect(system.count == 1 && Self.marked(system.first) && system.first?["text"] == .string("be brief"))
        let marks = messages.map { message -> Bool in
            if case .array(let blocks)? = message["content"] { return Self.marked(blocks.first) }
            return false
        }
        #expect(marks == [false, false, true, false, true], "q2 (the last stable turn) and q3 (the new one)")
        // Without cachePrefix nothing changes: plain strings, as before.
        let plain = provider.prepare(ChatRequest(system: "be brief", messages: Self.conversation), model: model, baseURL: "https://x", apiKey: nil).body
        #expect(plain["system"] == .string("be brief") && !plain.serialized().contains("cache_control"))
        // OpenAI caches by itself: nothing to mark.
        let openai = OpenAIProvider(info: ProviderInfo(name: "openai", api: .openai, baseURL: "https://x/v1", apiKeyEnv: nil))
        #expect(!openai.prepare(ChatRequest(messages: Self.conversation, cachePrefix: true), model: model, baseURL: "https://x/v1", apiKey: nil)
            .body.serialized().contains("cache_control"))
    }

    static func claude(_ id: String, input: Double, minTokens: Int = 10) -> ModelInfo {
        ModelInfo(id: id, provider: "anthropic", api: .anthropic, inputCostPerToken: input / 1e6, outputCostPerToken: input * 5 / 1e6,
                  contextWindow: 200_000, maxOutputTokens: 8000, quality: 0.9, qualitySource: "test",
                  cache: CachePrices(minTokens: minTokens))
    }

    static let history = (0..<20).flatMap { index in
        [ChatMessage(role: .user, content: "Question \(index): " + String(repeating: "tell me more about caches ", count: 20)),
         ChatMessage(role: .assistant, content: "Answer \(index): " + String(repeating: "caches keep prefixes warm ", count: 20))]
    }

    func decision(warm: String?, sentAgo: Double = 30, models: [ModelInfo]) throws -> RoutingDecision {
        let catalog = Catalog(providers: SketchCatalog.providers, models: models)
        let router = Router(catalog: catalog, policy: SketchCatalog.policy, classifier: FixedClassifier(),
                            tokens: HeuristicTokenEstimator(), environment: SketchCatalog.bothKeys)
        var request = RouteRequest(prompt: "and one more question", strategy: .cost, outputTokens: 100)
        request.context = Self.history
        request.cachePrefix = true
        request.now = 10_000
        request.warmCache = warm.map { WarmCache(model: $0, sentAt: 10_000 - sentAgo, prefix: Array(Self.history.dropLast())) }
        return try router.route(request)
    }

    /// A model 20% cheaper loses to the warm one: reads cost 0.1x; and the reasons say why.
    @Test func warmModelIsKeptUnlessAnotherIsCheaperWithoutTheDiscount() throws {
        let warm = Self.claude("warm", input: 1), cheaper = Self.claude("cheaper", input: 0.8)
        let kept = try decision(warm: "warm", models: [warm, cheaper])
        #expect(kept.model.id == "warm", "\(kept.reasons)")
        #expect(kept.reasons.contains { $0.hasPrefix("keeps warm: its prompt cache is warm (~") && $0.hasSuffix("sent 30 s ago)") })
        // The same conversation with no warm cache: the cheaper model, both paying the write.
        #expect(try decision(warm: nil, models: [warm, cheaper]).model.id == "cheaper")
        // Expired (5 minutes): no discount, and the reasons say so when the model is kept.
        let expired = try decision(warm: "warm", sentAgo: 301, models: [warm])
        #expect(expired.reasons.contains { $0.contains("prompt cache has expired (last sent 301 s ago") })
        // A model 20x cheaper wins even against the warm cache.
        let left = try decision(warm: "warm", models: [warm, Self.claude("tiny", input: 0.05)])
        #expect(left.model.id == "tiny")
        #expect(left.reasons.contains { $0.hasPrefix("leaves warm's warm prompt cache: tiny is cheaper") })
    }

    /// The estimate prices the prefix at the read price and the rest at the write price, and
    /// nothing below the model's minimum cacheable length.
    @Test func estimateCountsReadsAndWrites() throws {
        let warm = Self.claude("warm", input: 1)
        let d = try decision(warm: "warm", models: [warm])
        let catalog = Catalog(providers: SketchCatalog.providers, models: [warm])
        let router = Router(catalog: catalog, policy: SketchCatalog.policy, classifier: FixedClassifier(),
                            tokens: HeuristicTokenEstimator(), environment: SketchCatalog.bothKeys)
        let prefix = router.prefixTokens(Array(Self.history.dropLast()), system: nil, model: warm)
        let input = d.inputTokens.tokens
        #expect(prefix > 100 && prefix < input)
        let expected = warm.cost(TokenUsage(inputTokens: input, outputTokens: 100, cacheReadTokens: prefix, cacheWrite5mTokens: input - prefix))
        #expect(abs(d.estimatedCost - expected) < 1e-15)
        let big = try decision(warm: "warm", models: [Self.claude("warm", input: 1, minTokens: 1_000_000)])
        #expect(abs(big.estimatedCost - warm.cost(inputTokens: input, outputTokens: 100)) < 1e-15, "below the minimum: no read, no write")
    }
}
