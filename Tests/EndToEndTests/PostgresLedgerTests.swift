import Foundation
import LLMRouteCore
import Testing

/// The shared ledger on a real PostgreSQL server, through the built binary: what ask records
/// there, reports read back, users, many processes at once, `ledger copy` and the schema's
/// migration. (Outages, bad credentials and budgets: PostgresLedgerOutageTests.)
@Suite("End to end: PostgreSQL ledger", .serialized)
struct PostgresLedgerTests {
    /// A runner whose config points at the fault server and at a fresh database.
    static func runner(server: PostgresServer = .shared, url: String? = nil, extra: String = "") throws -> (BinaryRunner, String) {
        let runner = try BinaryRunner()
        let url = try url ?? server.newDatabase()
        try runner.writeFaultConfig(primary: "ok")
        try runner.writeConfig(try String(contentsOfFile: runner.configPath, encoding: .utf8) + "\n[ledger]\nurl = \"\(url)\"\n\(extra)\n")
        return (runner, url)
    }

    /// The server's rows, read with the library (not the binary under test).
    static func rows(_ url: String, kind: UsageRecord.Kind = .request, password: String? = nil) throws -> [UsageRecord] {
        let reader = PostgresUsageLedger(url: try PostgresURL(url), password: password,
                                         dataHome: NSTemporaryDirectory() + "/llmroute-reader-\(UUID().uuidString)", warn: { _ in })
        return try reader.records(kind: kind, from: nil, until: nil)
    }

    static func report(_ runner: BinaryRunner, _ extra: [String] = []) throws -> [String: Any] {
        let result = try runner.run(["cost", "report", "--json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
    }

    static func sqlitePath(_ runner: BinaryRunner) -> String { runner.home.appendingPathComponent("data/llmroute/usage.sqlite").path }

    @Test func askRecordsOnTheServerAndReportsReadIt() throws {
        let (runner, url) = try Self.runner(extra: "user = \"alice\"")
        defer { runner.cleanup() }
        let (result, _) = try runner.ask(["-m", "primary", "--retries", "0", "hi"])
        #expect(result.status == 0 && result.stdout == "Hello from the fault server.\n", "\(result.stderr)")
        #expect(result.stderr.isEmpty, "no warning: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: Self.sqlitePath(runner)), "the SQLite file is not used")

        let rows = try Self.rows(url)
        let row = try #require(rows.first)
        #expect(rows.count == 1 && row.user == "alice" && row.command == "ask" && row.finalModel == "primary")
        #expect(row.inputTokens == 11 && row.outputTokens == 5 && row.uid == row.requestID + "-1")
        #expect(try Self.rows(url, kind: .attempt).count == 1)

        // Another machine, another user, the same database: the report is the team's.
        let (bob, _) = try Self.runner(url: url, extra: "user = \"bob\"")
        defer { bob.cleanup() }
        #expect(try bob.ask(["-m", "primary", "hello"]).0.status == 0)
        #expect(try bob.ask(["-m", "primary", "hello again"]).0.status == 0)
        let total = try #require(try Self.report(runner)["total"] as? [String: Any])
        #expect(total["requests"] as? Int == 3 && total["input_tokens"] as? Int == 33)
        let byUser = try #require(try Self.report(runner, ["--by", "user"])["groups"] as? [[String: Any]])
        #expect(Dictionary(uniqueKeysWithValues: byUser.map { ($0["key"] as? String ?? "?", $0["requests"] as? Int ?? -1) }) == ["alice": 1, "bob": 2])
        let onlyBob = try #require(try Self.report(runner, ["--user", "bob"])["total"] as? [String: Any])
        #expect(onlyBob["requests"] as? Int == 2)
        let routes = try runner.run(["cost", "report", "--routes"])
        #expect(routes.status == 0 && routes.stdout.contains("primary"), "\(routes.stdout)\(routes.stderr)")
        let text = try runner.run(["cost", "report"])
        #expect(text.stdout.contains(url), "the report names the ledger: \(text.stdout)")
    }

    /// 4 processes, 10 asks each, all at once on a new database (so they also race to create
    /// the schema): 40 request rows, none lost, none doubled.
    @Test func fourProcessesTimesTenAsksAllArriveOnce() throws {
        let (runner, url) = try Self.runner()
        defer { runner.cleanup() }
        let statuses = StatusBox(count: 40)
        DispatchQueue.concurrentPerform(iterations: 4) { process in
            for index in 0..<10 {
                let result = try? runner.ask(["-m", "primary", "question \(process)-\(index)"]).0
                statuses.set(process * 10 + index, result.map { $0.stderr.isEmpty ? $0.status : 99 } ?? -1)
            }
        }
        #expect(statuses.values == Array(repeating: 0, count: 40), "0 = exit 0 without a warning")
        let rows = try Self.rows(url)
        #expect(rows.count == 40)
        #expect(Set(rows.compactMap(\.uid)).count == 40 && Set(rows.map(\.requestID)).count == 40)
        #expect(!FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("data/llmroute/ledger-outbox.sqlite").path))
    }

    /// Start-up stays cheap: commands that record nothing never connect (the URL points where
    /// nothing listens, so any attempt would warn), and `--no-log` without a budget neither.
    @Test func routeClassifyCostAndNoLogNeverConnect() throws {
        let closed = "postgresql://llmroute@127.0.0.1:\(FaultServer.closedPort())/nothing"
        let (runner, _) = try Self.runner(url: closed)
        defer { runner.cleanup() }
        for arguments in [["route", "hi"], ["classify", "hi"], ["cost", "hi"], ["ask", "--dry-run", "-m", "primary", "hi"],
                          ["ask", "--no-log", "-m", "primary", "hi"]] {
            let result = try runner.run(arguments)
            #expect(result.status == 0 && !result.stderr.contains("warning") && !result.stderr.contains("ledger"), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("data").path), "no file, no outbox")
    }

    /// The REPL records its session and turns on the server, as it does in the file.
    @Test func replSessionAndTurnsGoToTheServer() throws {
        let (runner, url) = try Self.runner()
        defer { runner.cleanup() }
        let result = try runner.run(["repl", "-m", "primary"], stdin: "first\nsecond\n/cost\n",
                                    extraEnvironment: ["LLMROUTE_RETRY_BASE_MS": "1"])
        #expect(result.status == 0 && !result.stderr.contains("warning"), "\(result.stderr)")
        let reader = PostgresUsageLedger(url: try PostgresURL(url), password: nil, dataHome: runner.home.path + "/reader", warn: { _ in })
        let sessions = try reader.sessions(from: nil, until: nil)
        #expect(sessions.count == 1 && sessions.first?.command == "repl")
        let turns = try Self.rows(url)
        #expect(turns.count == 2 && turns.allSatisfy { $0.command == "repl" && $0.conversationID == sessions.first?.id })
    }

    /// sslmode=require: the server takes `tls_user` over TLS only, so a plain connection is
    /// refused (the row waits in the outbox) and an encrypted one gets in and delivers it.
    @Test func sslmodeRequireConnectsOverTLS() throws {
        let url = try PostgresServer.shared.newDatabase().replacingOccurrences(of: "llmroute@", with: "tls_user@")
        let (runner, _) = try Self.runner(url: url)
        defer { runner.cleanup() }
        let plain = try runner.ask(["-m", "primary", "in the clear"]).0
        #expect(plain.status == 0 && plain.stderr.contains("no encryption"), "\(plain.stderr)")
        let encrypted = try runner.ask(["-m", "primary", "encrypted"], environment: ["LLMROUTE_LEDGER_URL": url + "?sslmode=require"]).0
        #expect(encrypted.status == 0 && encrypted.stderr.isEmpty, "\(encrypted.stderr)")
        #expect(try Self.rows(url + "?sslmode=require").count == 2)
    }

    /// Every column goes to the server and comes back as written (the two stores share the
    /// column list), and a row sent twice is kept once.
    @Test func everyFieldRoundTripsAndARowIsKeptOnce() throws {
        let url = try PostgresServer.shared.newDatabase()
        let home = NSTemporaryDirectory() + "/llmroute-roundtrip-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let ledger = PostgresUsageLedger(url: try PostgresURL(url), password: nil, dataHome: home, warn: { _ in })
        var row = UsageRecord(kind: .request, requestID: "0123456789abcdef", time: 1_765_000_000.125, command: "ask", outcome: "ok")
        row.conversationID = "conv"; row.strategy = "cost"; row.tier = "simple"; row.task = "coding"; row.score = 0.375
        row.chosenModel = "a"; row.chosenProvider = "pa"; row.finalModel = "b"; row.finalProvider = "pb"
        row.fallbacks = 1; row.attempts = 2; row.inputTokens = 1234; row.outputTokens = 567; row.tokensEstimated = true
        row.costUSD = 0.000123456789; row.strongestModel = "s"; row.strongestCostUSD = 0.5; row.timeToFirstTokenMs = 12.5
        row.latencyMs = 99.25; row.errorKind = "none"; row.promptHash = "ph"; row.promptText = "prompt 'quoted' \u{1F600}"
        row.answerHash = "ah"; row.answerText = "answer"; row.cacheReadTokens = 3; row.cacheWrite5mTokens = 4
        row.cacheWrite1hTokens = 5; row.reasoningTokens = 6; row.cacheSavedUSD = -0.25; row.user = "alice"; row.uid = "0123456789abcdef-0"
        try ledger.append([row])
        try ledger.append([row])
        #expect(try ledger.records(kind: .request, from: nil, until: nil) == [row])
        #expect(try ledger.spent(since: 0) == row.costUSD)
        try ledger.appendSession(id: "s1", time: 5, command: "repl", mode: "auto", strategy: nil)
        #expect(try ledger.sessions(from: nil, until: nil).map(\.id) == ["s1"])
    }

    /// A batch's workers share the process's one connection.
    @Test func batchWorkersRecordEveryLine() throws {
        let (runner, url) = try Self.runner()
        defer { runner.cleanup() }
        let input = (1...12).map { "{\"id\": \($0), \"prompt\": \"q\($0)\", \"model\": \"primary\"}" }.joined(separator: "\n") + "\n"
        let (result, _) = try runner.ask(["--jsonl", "--concurrency", "4"], stdin: input)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let rows = try Self.rows(url)
        #expect(rows.count == 12 && Set(rows.map(\.command)) == ["batch"])
    }

    /// `ledger copy`: the SQLite history goes to the server once, however often it is run.
    @Test func ledgerCopyIsIdempotent() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        for index in 0..<3 { #expect(try runner.ask(["-m", "primary", "local \(index)"]).0.status == 0) }
        let url = try PostgresServer.shared.newDatabase()
        let first = try runner.run(["ledger", "copy", "--to", url])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("copied 6 row(s)") && first.stdout.contains("0 already there"), "3 requests and 3 attempts: \(first.stdout)")
        let again = try runner.run(["ledger", "copy", "--to", url])
        #expect(again.status == 0 && again.stdout.contains("copied 0 row(s)") && again.stdout.contains("6 already there"), "\(again.stdout)")
        #expect(try Self.rows(url).count == 3)
        let local = try SQLiteUsageLedger(path: Self.sqlitePath(runner)).records(kind: .request, from: nil, until: nil)
        #expect(Set(try Self.rows(url).compactMap(\.uid)) == Set(local.compactMap(\.uid)))

        let bad = try runner.run(["ledger", "copy", "--to", "mysql://x@y/z"])
        #expect(bad.status == 2 && bad.stderr.contains("postgresql://"), "\(bad.stderr)")
    }

    /// A database at the first server schema (v4, before users and row ids) with a row in it:
    /// the first call migrates it to v5, and the old row still counts.
    @Test func migratesTheFirstSchemaForward() throws {
        let server = PostgresServer.shared
        let url = try server.newDatabase()
        let database = String(url.split(separator: "/").last!)
        let v4 = """
        CREATE TABLE usage (id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('attempt', 'request')), request_id TEXT NOT NULL, time DOUBLE PRECISION NOT NULL, command TEXT NOT NULL, conversation_id TEXT, strategy TEXT, tier TEXT, task TEXT, score DOUBLE PRECISION, chosen_model TEXT, chosen_provider TEXT, final_model TEXT, final_provider TEXT, fallbacks BIGINT NOT NULL DEFAULT 0, attempts BIGINT NOT NULL DEFAULT 0, input_tokens BIGINT NOT NULL DEFAULT 0, output_tokens BIGINT NOT NULL DEFAULT 0, tokens_estimated BIGINT NOT NULL DEFAULT 0, cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0, ttft_ms DOUBLE PRECISION, latency_ms DOUBLE PRECISION, outcome TEXT NOT NULL, error_kind TEXT, prompt_hash TEXT, prompt_text TEXT, answer_hash TEXT, answer_text TEXT, strongest_model TEXT, strongest_cost_usd DOUBLE PRECISION, cache_read_tokens BIGINT NOT NULL DEFAULT 0, cache_write_5m_tokens BIGINT NOT NULL DEFAULT 0, cache_write_1h_tokens BIGINT NOT NULL DEFAULT 0, reasoning_tokens BIGINT NOT NULL DEFAULT 0, cache_saved_usd DOUBLE PRECISION NOT NULL DEFAULT 0); CREATE INDEX usage_kind_time ON usage (kind, time); CREATE INDEX usage_model_time ON usage (final_model, time); CREATE TABLE sessions (id TEXT PRIMARY KEY, time DOUBLE PRECISION NOT NULL, command TEXT NOT NULL, mode TEXT, strategy TEXT); CREATE TABLE llmroute_migrations (version TEXT PRIMARY KEY, applied DOUBLE PRECISION NOT NULL); INSERT INTO llmroute_migrations VALUES ('v4', 0); INSERT INTO usage (kind, request_id, time, command, outcome, input_tokens, cost_usd) VALUES ('request', 'old0000000000001', extract(epoch FROM now()) - 60, 'ask', 'ok', 7, 0.5)
        """
        #expect(server.command("sql \(database) \(v4)") == "ok")
        let (runner, _) = try Self.runner(url: url)
        defer { runner.cleanup() }
        #expect(try runner.ask(["-m", "primary", "after the upgrade"]).0.status == 0)
        let rows = try Self.rows(url)
        #expect(rows.count == 2)
        #expect(rows.first?.requestID == "old0000000000001" && rows.first?.uid == "old0000000000001-1" && rows.first?.user == nil)
        let reader = PostgresUsageLedger(url: try PostgresURL(url), password: nil, dataHome: runner.home.path + "/reader", warn: { _ in })
        #expect(try reader.schemaVersion() == "v5")
        let total = try #require(try Self.report(runner)["total"] as? [String: Any])
        #expect(total["requests"] as? Int == 2 && total["input_tokens"] as? Int == 18)
    }
}
