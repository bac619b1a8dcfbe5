import Testing
@testable import LLMRouteCore

@Suite struct TokenizerChoiceTests {
    @Test(arguments: [
        ("gpt-4o", TokenEncoding.o200kBase), ("gpt-4o-mini-2024-07-18", .o200kBase), ("chatgpt-4o-latest", .o200kBase),
        ("gpt-4.1", .o200kBase), ("gpt-4.1-nano", .o200kBase), ("gpt-4.5-preview", .o200kBase),
        ("gpt-5", .o200kBase), ("gpt-5-mini", .o200kBase), ("o1", .o200kBase), ("o1-preview", .o200kBase),
        ("o3", .o200kBase), ("o3-mini", .o200kBase), ("o4-mini", .o200kBase), ("o4-mini-2025-04-16", .o200kBase),
        ("openai/gpt-oss-120b", .o200kBase), ("ft:gpt-4o-mini:acme::abc123", .o200kBase),
        ("gpt-4", .cl100kBase), ("gpt-4-turbo", .cl100kBase), ("gpt-4-32k-0613", .cl100kBase),
        ("gpt-3.5-turbo", .cl100kBase), ("gpt-3.5-turbo-0125", .cl100kBase), ("azure/gpt-35-turbo", .cl100kBase),
        ("text-embedding-3-small", .cl100kBase), ("ft:gpt-4-0613:acme::x", .cl100kBase),
    ])
    func openAIModelsAreExact(_ id: String, _ encoding: TokenEncoding) {
        let choice = TokenizerChoice.forModel(id: id, provider: "openai")
        #expect(choice == .exact(encoding), "\(id)")
        #expect(choice.method == encoding.rawValue)
    }

    @Test(arguments: [
        ("claude-sonnet-4-5", "anthropic", TokenEncoding.o200kBase, 1.20),
        ("us.anthropic.claude-3-5-haiku-20241022-v1:0", "bedrock", .o200kBase, 1.20),
        ("gemini-2.5-flash", "gemini", .o200kBase, 1.10),
        ("deepseek-chat", "deepseek", .o200kBase, 1.15),
        ("mistral-large-latest", "mistral", .o200kBase, 1.10),
        ("open-mixtral-8x22b", "mistral", .o200kBase, 1.10),
        ("llama-3.3-70b-versatile", "groq", .cl100kBase, 1.00),
        ("some-new-model", "anthropic", .o200kBase, 1.20),
        ("qwen3-32b", "groq", .o200kBase, 1.10),
        ("gpt-7-ultra", "openai", .o200kBase, 1.00),
    ])
    func otherModelsAreLabelledEstimates(_ id: String, _ provider: String, _ encoding: TokenEncoding, _ factor: Double) {
        let choice = TokenizerChoice.forModel(id: id, provider: provider)
        #expect(choice == .estimate(encoding, factor: factor), "\(id)")
        #expect(!choice.exact)
        #expect(choice.method.hasSuffix("(estimate)"))
    }

    @Test func estimatorReportsScaledCounts() {
        let text = "The quick brown fox jumps over the lazy dog."
        let base = BPETokenizer.shared(.o200kBase).count(text)
        let claude = ModelInfo(id: "claude-opus-4", provider: "anthropic", api: .anthropic, inputCostPerToken: 0,
                               outputCostPerToken: 0, contextWindow: 200_000, maxOutputTokens: 8192,
                               quality: 1, qualitySource: "test")
        let counted = TiktokenEstimator().count(text, for: claude)
        #expect(counted == TokenCount(tokens: Int((Double(base) * 1.2).rounded(.up)), exact: false,
                                      method: "o200k_base x 1.20 (estimate)"))
        let gpt = TiktokenEstimator().count(text, modelID: "gpt-4o")
        #expect(gpt == TokenCount(tokens: base, exact: true, method: "o200k_base"))
        #expect(TiktokenEstimator().count("", modelID: "claude-3-haiku", provider: "anthropic").tokens == 0)
    }

    @Test func factorFormatting() {
        #expect(TokenizerChoice.twoDecimals(1.2) == "1.20")
        #expect(TokenizerChoice.twoDecimals(1.05) == "1.05")
        #expect(TokenizerChoice.twoDecimals(1) == "1.00")
    }

    /// The per-process memo answers what working it out answers, for every catalog model.
    @Test func rememberedChoiceMatchesAFreshOne() {
        for model in Catalog.builtin.models {
            let fresh = TokenizerChoice.choose(id: model.id, provider: model.provider)
            #expect(TokenizerChoice.forModel(model) == fresh)
            #expect(TokenizerChoice.forModel(model) == fresh, "second lookup, from the memo")
        }
    }
}
