import Foundation
import LLMRouteCore
import Testing

/// Cached, cache-written and reasoning tokens through the built binary: the fault server reports
/// them as xAI and Anthropic do, and `ask --json`, the ledger and `cost report` must price them
/// bucket by bucket, to the last digit.
@Suite("End to end: usage buckets and their cost", .serialized)
struct CacheUsageEndToEndTests {
    /// "grokish" on an OpenAI-protocol scenario (`xai` by default), "claudish" on an
    /// Anthropic-protocol one (`anthcache`): prices in USD per million tokens.
    static func configure(_ runner: BinaryRunner, openai: String = "xai", anthropic: String = "anthcache",
                          minTokens: Int? = nil) throws {
        let port = FaultServer.shared.port
        let nonce = UUID().uuidString
        try runner.writeConfig("""
        [providers.fx]
        kind = "openai"
        base_url = "http://127.0.0.1:\(port)/\(openai)/\(nonce)/v1"
        [providers.fc]
        kind = "anthropic"
        base_url = "http://127.0.0.1:\(port)/\(anthropic)/\(nonce)"
        [models."grokish"]
        provider = "fx"
        input_price = 0.2
        output_price = 0.5
        cache_read_price = 0.05
        context_window = 100000
        capabilities = ["reasoning"]
        [models."claudish"]
        provider = "fc"
        input_price = 3
        output_price = 15
        cache_read_price = 0.3
        cache_write_price = 3.75
        \(minTokens.map { "cache_min_tokens = \($0)" } ?? "")
        context_window = 200000
        [routing]
        candidates = ["grokish", "claudish"]
        """)
    }

    func ask(_ runner: BinaryRunner, _ model: String) throws -> [String: Any] {
        let (result, _) = try runner.ask(["--json", "-m", model, "hi"])
        #expect(result.status == 0, "\(result.stderr)")
        var object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        // Foundation's parser can be off in the last bit; llmroute's own parser reads back
        // exactly the shortest round-trip text the binary wrote.
        object["cost_usd"] = try Self.exactNumber(result.stdout, "cost_usd")
        return object
    }

    static func exactNumber(_ json: String, _ key: String, in group: String? = nil) throws -> Double? {
        let value = try JSONParser.parse(json)
        return (group.map { value[$0] } ?? value)?[key]?.doubleValue
    }

    func ledger(_ runner: BinaryRunner) throws -> [UsageRecord] {
        let path = runner.home.appendingPathComponent("data/llmroute/usage.sqlite").path
        return try SQLiteUsageLedger(path: path).records(kind: .request, from: nil, until: nil)
    }

    /// 12 prompt tokens of which 11 cached, 2 completion and 340 reasoning with total 354:
    /// 1 input + 11 cached + 342 output tokens.
    @Test func xAIReasoningAndCachedTokens() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try Self.configure(runner)
        let object = try ask(runner, "grokish")
        let usage = try #require(object["usage"] as? [String: Int])
        #expect(usage == ["input_tokens": 12, "uncached_input_tokens": 1, "cache_read_tokens": 11, "cache_write_5m_tokens": 0,
                          "cache_write_1h_tokens": 0, "output_tokens": 342, "reasoning_tokens": 340])
        let expected = 1 * (0.2 / 1e6) + 11 * (0.05 / 1e6) + 342 * (0.5 / 1e6)
        let cost = try #require(object["cost_usd"] as? Double)
        #expect(abs(cost - 171.75e-6) < 1e-15 && abs(cost - expected) < 1e-18, "\(cost)")
        let row = try #require(try ledger(runner).first)
        #expect(row.costUSD == cost, "the ledger holds what ask reported, to the last digit")
        #expect(row.inputTokens == 12 && row.cacheReadTokens == 11 && row.outputTokens == 342 && row.reasoningTokens == 340)
        #expect(abs(row.cacheSavedUSD - 11 * (0.15 / 1e6)) < 1e-15)
    }

    /// Input 6, cache writes 3,337, cache reads 6,289, output 198: priced bucket by bucket;
    /// the footer shows the cached share.
    @Test func anthropicCacheWritesAndReads() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try Self.configure(runner)
        let object = try ask(runner, "claudish")
        let usage = try #require(object["usage"] as? [String: Int])
        #expect(usage["input_tokens"] == 9632 && usage["uncached_input_tokens"] == 6 && usage["cache_read_tokens"] == 6289)
        #expect(usage["cache_write_5m_tokens"] == 3337 && usage["output_tokens"] == 198)
        let cost = try #require(object["cost_usd"] as? Double)
        // 6 x 3 + 3337 x 3.75 + 6289 x 0.30 + 198 x 15 micro-dollars = $0.01738845 (today's figure said $0.002988).
        #expect(abs(cost - 0.01738845) < 1e-12, "\(cost)")
        let row = try #require(try ledger(runner).first)
        #expect(row.costUSD == cost && row.cacheWrite5mTokens == 3337 && row.cacheReadTokens == 6289)

        let (verbose, _) = try runner.ask(["-v", "-m", "claudish", "hi"])
        #expect(verbose.stderr.contains("9632 in (65% cached) / 198 out"), "\(verbose.stderr)")
        #expect(verbose.stderr.contains("$0.0174"), "\(verbose.stderr)")
    }

    /// cost report's total is the sum of what ask --json reported; it shows cached tokens and
    /// what caching saved, in the table, --json and --csv.
    @Test func costReportAddsUpWhatAskReported() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try Self.configure(runner)
        var reported: [Double] = []
        for model in ["grokish", "claudish", "grokish"] {
            reported.append(try #require(try ask(runner, model)["cost_usd"] as? Double))
        }
        let result = try runner.run(["cost", "report", "--json"])
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        let total = try #require(object["total"] as? [String: Any])
        // Added in the same order as the ledger's rows: equal to the last digit.
        #expect(try Self.exactNumber(result.stdout, "cost_usd", in: "total") == reported.reduce(0, +), "\(total)")
        #expect(total["cache_read_tokens"] as? Int == 11 + 6289 + 11 && total["cache_write_tokens"] as? Int == 3337)
        #expect(total["reasoning_tokens"] as? Int == 680)
        let rows = try ledger(runner)
        let saved = rows.map(\.cacheSavedUSD).reduce(0, +)
        #expect(try Self.exactNumber(result.stdout, "cache_saved_usd", in: "total") == saved)
        // Reads save (3 - 0.3) x 6289 + 0.15 x 22; writes cost 0.75 x 3337 more (micro-dollars).
        #expect(abs(saved - (2.7 * 6289 + 0.15 * 22 - 0.75 * 3337) / 1e6) < 1e-12, "\(saved)")

        let csv = try runner.run(["cost", "report", "--csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "model,requests,failed,input_tokens,output_tokens,cost_usd,avg_latency_ms,cache_read_tokens,cache_write_tokens,reasoning_tokens,cache_saved_usd")
        #expect(lines.last?.hasPrefix("total,3,0,9656,882,") == true, "\(csv.stdout)")
        let text = try runner.run(["cost", "report"])
        #expect(text.stdout.contains("CACHED") && text.stdout.contains("caching: 6311 input tokens read from cache, 3337 written"), "\(text.stdout)")
    }
}

/// Prompt caching on purpose: a 10-turn REPL session against an Anthropic-protocol server that
/// caches only what carries cache_control (fault_server.py, scenario cachectl).
@Suite("End to end: prompt caching in the REPL", .serialized)
struct PromptCachingEndToEndTests {
    @Test func tenTurnSessionReadsFromTheCacheFromTheSecondTurnOn() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        // A tiny minimum cacheable length, so that the estimates count this short conversation too.
        try CacheUsageEndToEndTests.configure(runner, anthropic: "cachectl", minTokens: 1)
        let turns = (1...10).map { "Question number \($0): what does a prompt cache keep between turns?" }
        let script = turns[0..<3].joined(separator: "\n") + "\n/route\n" + turns[3...].joined(separator: "\n") + "\n/cost\n"
        let result = try runner.run(["repl", "-m", "claudish"], stdin: script, extraEnvironment: ["LLMROUTE_RETRY_BASE_MS": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("keeps claudish: its prompt cache is warm"), "/route says why: \(result.stdout)")
        #expect(result.stdout.contains("input tokens read from the prompt cache: $"), "/cost shows the cache: \(result.stdout)")

        let path = runner.home.appendingPathComponent("data/llmroute/usage.sqlite").path
        let rows = try SQLiteUsageLedger(path: path).records(kind: .request, from: nil, until: nil)
        #expect(rows.count == 10)
        #expect(rows.first?.cacheReadTokens == 0 && (rows.first?.cacheWrite5mTokens ?? 0) > 0, "the first turn writes the cache")
        for (index, row) in rows.enumerated().dropFirst() {
            #expect(row.cacheReadTokens > 0, "turn \(index + 1) reads from the cache")
            #expect(row.cacheReadTokens > rows[index - 1].cacheReadTokens, "each turn reads a longer prefix")
            // Each row priced bucket by bucket at claudish's prices (3 in, 0.3 read, 3.75 write, 15 out).
            let expected = Double(row.usage.uncachedInputTokens) * (3 / 1e6) + Double(row.cacheReadTokens) * (0.3 / 1e6)
                + Double(row.cacheWrite5mTokens) * (3.75 / 1e6) + Double(row.outputTokens) * (15 / 1e6)
            #expect(abs(row.costUSD - expected) < 1e-15)
        }
        let report = try runner.run(["cost", "report", "--json"])
        let saved = try CacheUsageEndToEndTests.exactNumber(report.stdout, "cache_saved_usd", in: "total") ?? 0
        #expect(saved > 0, "reads outweigh the write premium over 10 turns: \(saved)")
        #expect(saved == rows.map(\.cacheSavedUSD).reduce(0, +))
        let table = try runner.run(["cost", "report"])
        #expect(table.stdout.contains("saved against the full input price"), "\(table.stdout)")
    }

    /// `ask -c` marks the conversation too: the first continued turn writes it, the next reads
    /// it, and a dry run shows the breakpoints and why the warm model is kept.
    @Test func askContinueMarksAndReadsTheConversation() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        // A tiny minimum cacheable length, so that the estimates count this short conversation too.
        try CacheUsageEndToEndTests.configure(runner, anthropic: "cachectl", minTokens: 1)
        for arguments in [["-m", "claudish", "first question"], ["-c", "-m", "claudish", "second"], ["-c", "-m", "claudish", "third"]] {
            let (result, _) = try runner.ask(arguments)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let path = runner.home.appendingPathComponent("data/llmroute/usage.sqlite").path
        let rows = try SQLiteUsageLedger(path: path).records(kind: .request, from: nil, until: nil)
        #expect(rows.map(\.cacheReadTokens).map { $0 > 0 } == [false, false, true], "\(rows.map(\.cacheReadTokens))")
        #expect(rows.map(\.cacheWrite5mTokens).map { $0 > 0 } == [false, true, true], "a plain ask marks nothing")
        let (dry, _) = try runner.ask(["-c", "--dry-run", "-m", "claudish", "fourth"])
        #expect(dry.stdout.contains("\"cache_control\"") && dry.stdout.contains("keeps claudish: its prompt cache is warm"), "\(dry.stdout)")
        // route -c says the same, offline; without -c there is no conversation and no cache.
        let route = try runner.run(["route", "-c", "--json", "-m", "claudish", "fourth"])
        #expect(route.status == 0 && route.stdout.contains("keeps claudish: its prompt cache is warm"), "\(route.stdout)\(route.stderr)")
        #expect(!(try runner.run(["route", "--json", "-m", "claudish", "fourth"]).stdout.contains("prompt cache")))
    }
}
