import Testing
@testable import LLMRouteCore

/// Cache prices: listed in the generated catalog, defaulted by documented multiples where not,
/// overridable in config.
@Suite("Cache prices and reasoning flags")
struct CachePricesTests {
    let catalog = Catalog.builtin

    @Test func catalogListsLiteLLMsCachePrices() throws {
        let sonnet = try #require(catalog.model(named: "claude-sonnet-4-5"))
        #expect(sonnet.cache == CachePrices(read: 3e-07, write: 3.75e-06, write1h: 6e-06, minTokens: 1024))
        let mini = try #require(catalog.model(named: "gpt-4o-mini"))
        #expect(mini.cacheReadCostPerToken == 7.5e-08 && mini.cache.write == nil)
        // No write premium on OpenAI: a write is plain input.
        #expect(mini.cacheWriteCostPerToken == mini.inputCostPerToken)
        #expect(try #require(catalog.model(named: "gpt-6-luna")).reasons)
        #expect(!mini.reasons)
    }

    @Test func defaultsFollowEachProvidersConvention() {
        func model(_ provider: String, _ api: APIProtocol) -> ModelInfo {
            ModelInfo(id: "m", provider: provider, api: api, inputCostPerToken: 4e-6, outputCostPerToken: 8e-6,
                      contextWindow: 1000, maxOutputTokens: 100, quality: 0.5, qualitySource: "t")
        }
        let claude = model("corp-claude", .anthropic)
        #expect(abs(claude.cacheReadCostPerToken - 0.4e-6) < 1e-18)
        #expect(abs(claude.cacheWriteCostPerToken - 5e-6) < 1e-18)
        #expect(abs(claude.cacheWrite1hCostPerToken - 8e-6) < 1e-18)
        #expect(abs(model("openai", .openai).cacheReadCostPerToken - 2e-6) < 1e-18)
        #expect(abs(model("gemini", .openai).cacheReadCostPerToken - 1e-6) < 1e-18)
        #expect(model("deepseek", .openai).cacheMinTokens == 64)
        // Unknown hosts: no discount assumed.
        let local = model("vllm", .openai)
        #expect(local.cacheReadCostPerToken == 4e-6 && local.cacheWriteCostPerToken == 4e-6)
        let usage = TokenUsage(inputTokens: 100, outputTokens: 10, cacheReadTokens: 60, cacheWrite5mTokens: 30)
        #expect(abs(local.cost(usage) - local.cost(inputTokens: 100, outputTokens: 10)) < 1e-15)
    }

    @Test func configOverridesCachePrices() throws {
        let (_, catalog) = try ConfigLoader.load(text: """
            [models."gpt-4o-mini"]
            cache_read_price = 0.03
            cache_write_price = 0.2
            cache_write_1h_price = 0.3
            cache_min_tokens = 2048

            [providers.local]
            kind = "anthropic"
            base_url = "http://127.0.0.1:9"

            [models."local-claude"]
            provider = "local"
            input_price = 1
            output_price = 2
            context_window = 10000
            cache_read_price = 0.05
            """, file: "c.toml")
        let mini = try #require(catalog.model(named: "gpt-4o-mini"))
        #expect(abs(mini.cacheReadCostPerToken - 0.03e-6) < 1e-18)
        #expect(abs(mini.cacheWriteCostPerToken - 0.2e-6) < 1e-18)
        #expect(abs(mini.cacheWrite1hCostPerToken - 0.3e-6) < 1e-18)
        #expect(mini.cacheMinTokens == 2048)
        let local = try #require(catalog.model(named: "local-claude"))
        #expect(abs(local.cacheReadCostPerToken - 0.05e-6) < 1e-18)
        // Not set: the Anthropic default, 1.25x input.
        #expect(abs(local.cacheWriteCostPerToken - 1.25e-6) < 1e-18)
        #expect(throws: ConfigError.self) {
            try ConfigLoader.load(text: "[models.\"gpt-4o-mini\"]\ncache_read_price = -1\n", file: "c.toml")
        }
    }
}
