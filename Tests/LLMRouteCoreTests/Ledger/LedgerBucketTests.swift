import Foundation
import GRDB
import Testing
@testable import LLMRouteCore

/// Schema v4: usage stored by billing bucket, priced bucket by bucket, reported with what the
/// cache saved; files from v3 keep their rows.
@Suite("Usage ledger: billing buckets")
struct LedgerBucketTests {
    /// A v3 file (sessions, no bucket columns) with a request row opens, migrates, keeps the row
    /// with its totals, and reads it as all-uncached input.
    @Test func aV3FileIsMigratedAndKeepsItsRows() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.file("usage.sqlite")
        let old = try DatabaseQueue(path: path)
        try old.write { db in
            for sql in [LedgerSchema.v1, LedgerSchema.v2, LedgerSchema.v3] { try db.execute(sql: sql) }
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1'), ('v2'), ('v3')")
            try db.execute(sql: """
                INSERT INTO usage (kind, request_id, time, command, final_model, input_tokens, output_tokens, cost_usd, outcome)
                VALUES ('request', 'v3-row', 1000, 'ask', 'gpt-old', 70, 90, 0.25, 'ok')
                """)
            try db.execute(sql: "INSERT INTO sessions (id, time, command) VALUES ('s', 1000, 'repl')")
        }
        try old.close()
        let ledger = try SQLiteUsageLedger(path: path)
        #expect(try ledger.schemaVersion() == "v5")
        let rows = try ledger.records(kind: .request, from: nil, until: nil)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.requestID == "v3-row" && row.inputTokens == 70 && row.outputTokens == 90 && row.costUSD == 0.25)
        #expect(row.usage.uncachedInputTokens == 70 && row.cacheReadTokens == 0 && row.reasoningTokens == 0 && row.cacheSavedUSD == 0)
        #expect(try ledger.sessions(from: nil, until: nil).map(\.id) == ["s"])
        let report = SpendReport(records: rows, by: .model)
        #expect(report.total.costUSD == 0.25 && report.total.cacheReadTokens == 0)
        let indexes = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index'") }
        #expect(indexes.contains("usage_model_time") && indexes.contains("usage_kind_time"))
    }

    static let sonnet = ModelInfo(id: "sonnet", provider: "anthropic", api: .anthropic, inputCostPerToken: 3e-6, outputCostPerToken: 15e-6,
                                  contextWindow: 200_000, maxOutputTokens: 64_000, quality: 0.9, qualitySource: "test",
                                  cache: CachePrices(read: 0.3e-6, write: 3.75e-6, write1h: 6e-6))

    /// The recorder stores every bucket, prices each, and notes what the cache saved; the rows
    /// read back equal; the report adds them up.
    @Test func bucketsArePricedStoredAndReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let ledger = try SQLiteUsageLedger(path: folder.file("usage.sqlite"))
        let recorder = UsageRecorder(ledger: ledger, command: "ask", logText: false, warn: { _ in })
        var result = ChatResult(text: "hi", reasoning: "", usage: TokenUsage(inputTokens: 9632, outputTokens: 198, cacheReadTokens: 6289,
                                                                           cacheWrite5mTokens: 3337),
                                stopReason: "end_turn", model: Self.sonnet, timeToFirstToken: 0.1)
        result.usageReported = true
        let request = UsageRecorder.Request(decision: LedgerFixtures.decision(model: Self.sonnet), prompt: "p", conversationID: nil,
                                            result: result, attempts: [Attempt(provider: "anthropic", model: "sonnet", outcome: "ok", latency: 0.2)],
                                            outcome: "ok", latency: 0.3)
        let written = recorder.rows(request, now: 50)
        try ledger.append(written)
        let read = try ledger.records(kind: .request, from: nil, until: nil)
        #expect(read == written.filter { $0.kind == .request })
        let row = try #require(read.first)
        #expect(row.cacheReadTokens == 6289 && row.cacheWrite5mTokens == 3337 && row.inputTokens == 9632 && row.outputTokens == 198)
        // 6 x 3 + 3337 x 3.75 + 6289 x 0.30 + 198 x 15 micro-dollars.
        #expect(abs(row.costUSD - 0.01738845) < 1e-12)
        // Uncached: 9632 x 3 + 198 x 15 = 31,866 micro-dollars; saved 31,866 - 17,388.45.
        #expect(abs(row.cacheSavedUSD - 0.01447755) < 1e-12)
        let report = SpendReport(records: read, by: .model)
        #expect(report.total.cacheReadTokens == 6289 && report.total.cacheWriteTokens == 3337)
        #expect(abs(report.total.cacheSavedUSD - 0.01447755) < 1e-12)
        // The strongest candidate is priced on the same buckets at its own prices (no cache prices
        // listed, OpenAI-protocol "p-strong": read and writes at the full input price).
        #expect(abs((row.strongestCostUSD ?? 0) - (9632 * 10 + 198 * 30) / 1e6) < 1e-12)
    }
}
