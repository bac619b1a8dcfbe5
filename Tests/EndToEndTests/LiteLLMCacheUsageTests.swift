import Foundation
import LLMRouteCore
import Testing

extension LiteLLMTests {
    /// The LiteLLM proxy in front of servers that report cached and reasoning tokens (the fault
    /// server's `oaicache` and `anthcache`): the buckets reach `ask --json` and the ledger through
    /// LiteLLM's own usage objects, priced bucket by bucket.
    @Test func cachedAndReasoningUsageThroughTheProxy() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        let text = try String(contentsOfFile: runner.configPath, encoding: .utf8)
        try runner.writeConfig(text.replacingOccurrences(of: "[routing]", with: """
            [models."cached-gpt"]
            provider = "lite"
            input_price = 1.0
            output_price = 2.0
            cache_read_price = 0.5
            context_window = 128000
            [models."xai-gpt"]
            provider = "lite"
            input_price = 1.0
            output_price = 2.0
            context_window = 128000
            [models."cached-claude"]
            provider = "lite-anthropic"
            input_price = 1.0
            output_price = 2.0
            cache_read_price = 0.1
            cache_write_price = 1.25
            context_window = 200000
            [routing]
            """))
        let gpt = try ask(runner, ["-m", "cached-gpt"])
        let gptUsage = try #require(gpt["usage"] as? [String: Int])
        #expect(gptUsage["input_tokens"] == 2006 && gptUsage["cache_read_tokens"] == 1920, "\(gptUsage)")
        #expect(gptUsage["output_tokens"] == 300 && gptUsage["reasoning_tokens"] == 192, "\(gptUsage)")
        #expect(abs((gpt["cost_usd"] as? Double ?? 0) - (86 * 1e-6 + 1920 * 0.5e-6 + 300 * 2e-6)) < 1e-12)

        let xai = try ask(runner, ["-m", "xai-gpt"])
        let xaiUsage = try #require(xai["usage"] as? [String: Int])
        // LiteLLM passes xAI's usage on with total_tokens recomputed as 12 + 2; the 340 reasoning
        // tokens, more than the 2 completion tokens, are still counted as the output they are.
        #expect(xaiUsage["input_tokens"] == 12 && xaiUsage["cache_read_tokens"] == 11, "\(xaiUsage)")
        #expect(xaiUsage["output_tokens"] == 342 && xaiUsage["reasoning_tokens"] == 340, "\(xaiUsage)")

        let claude = try ask(runner, ["-m", "cached-claude"])
        let claudeUsage = try #require(claude["usage"] as? [String: Int])
        #expect(claudeUsage["uncached_input_tokens"] == 6 && claudeUsage["cache_read_tokens"] == 6289, "\(claudeUsage)")
        #expect(claudeUsage["cache_write_5m_tokens"] == 3337 && claudeUsage["output_tokens"] == 198, "\(claudeUsage)")
        #expect(abs((claude["cost_usd"] as? Double ?? 0) - (6 * 1e-6 + 6289 * 0.1e-6 + 3337 * 1.25e-6 + 198 * 2e-6)) < 1e-12)

        let path = runner.home.appendingPathComponent("data/llmroute/usage.sqlite").path
        let rows = try SQLiteUsageLedger(path: path).records(kind: .request, from: nil, until: nil)
        #expect(rows.map(\.cacheReadTokens) == [1920, 11, 6289] && rows.map(\.reasoningTokens) == [192, 340, 0])
    }
}
