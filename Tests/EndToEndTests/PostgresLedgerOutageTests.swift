import Foundation
import LLMRouteCore
import Testing

/// The shared ledger when things go wrong, on a real PostgreSQL server: the server stopped in
/// the middle of an ask, a wrong password, no server at all; and a budget that holds across
/// processes checking it at the same moment.
@Suite("End to end: PostgreSQL ledger outages and budgets", .serialized)
struct PostgresLedgerOutageTests {
    static func outboxPath(_ runner: BinaryRunner) -> String {
        runner.home.appendingPathComponent("data/llmroute/ledger-outbox.sqlite").path
    }

    static func outboxRows(_ runner: BinaryRunner) throws -> [UsageRecord] {
        guard FileManager.default.fileExists(atPath: outboxPath(runner)) else { return [] }
        return try SQLiteUsageLedger(path: outboxPath(runner)).records(kind: .request, from: nil, until: nil)
    }

    /// The server goes down while the answer streams (after ask connected): the answer is
    /// printed, one warning, the row waits in the outbox; the next run after the restart
    /// delivers it first, and it arrives once.
    @Test func serverStoppedDuringAnAskThenRestarted() throws {
        let server = PostgresServer.outage
        let (runner, url) = try PostgresLedgerTests.runner(server: server)
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "pause")
        try runner.writeConfig(try String(contentsOfFile: runner.configPath, encoding: .utf8) + "\n[ledger]\nurl = \"\(url)\"\n")
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            box.result = try? runner.ask(["-m", "primary", "--retries", "0", "during the outage"]).0
            done.signal()
        }
        Thread.sleep(forTimeInterval: 1.0)  // connected (the first chunk came), answer still pausing
        server.stop()
        done.wait()
        server.start()
        let result = try #require(box.result)
        #expect(result.status == 0 && result.stdout == "Hello from the fault server.\n", "\(result.stderr)")
        let warnings = result.stderr.components(separatedBy: "warning").count - 1
        #expect(warnings == 1 && result.stderr.contains("ledger-outbox.sqlite") && result.stderr.contains(url), "\(result.stderr)")
        #expect(try Self.outboxRows(runner).count == 1)

        // Back up: the next ask delivers the outbox first, then its own row.
        try runner.writeFaultConfig(primary: "ok")
        try runner.writeConfig(try String(contentsOfFile: runner.configPath, encoding: .utf8) + "\n[ledger]\nurl = \"\(url)\"\n")
        let next = try runner.ask(["-m", "primary", "after the restart"]).0
        #expect(next.status == 0 && next.stderr.isEmpty, "\(next.stderr)")
        #expect(try Self.outboxRows(runner).isEmpty)
        let rows = try PostgresLedgerTests.rows(url)
        #expect(rows.count == 2 && Set(rows.compactMap(\.uid)).count == 2)
        #expect(try PostgresLedgerTests.rows(url, kind: .attempt).count == 2)

        // Delivered twice (an outbox whose removal was lost): still once on the server.
        let again = try SQLiteUsageLedger(path: Self.outboxPath(runner))
        try again.append([rows[0]])
        #expect(try runner.ask(["-m", "primary", "third"]).0.status == 0)
        #expect(try PostgresLedgerTests.rows(url).count == 3)
    }

    /// A wrong password and a host with nothing listening: the answer is printed, the warning
    /// says what is wrong (never the password), the row waits in the outbox; a report fails
    /// with the reason. With the right password the outbox is delivered.
    @Test func wrongPasswordAndUnreachableHost() throws {
        let server = PostgresServer.shared
        let url = try server.newDatabase()
        let secretURL = url.replacingOccurrences(of: "llmroute@", with: "secret_user@")
        let (runner, _) = try PostgresLedgerTests.runner(url: secretURL)
        defer { runner.cleanup() }
        let wrong = try runner.ask(["-m", "primary", "hi"], environment: ["PGPASSWORD": "not-the-password"]).0
        #expect(wrong.status == 0 && wrong.stdout == "Hello from the fault server.\n")
        #expect(wrong.stderr.contains("password authentication failed"), "\(wrong.stderr)")
        #expect(!wrong.stderr.contains("not-the-password"))
        #expect(try Self.outboxRows(runner).count == 1)
        let report = try runner.run(["cost", "report"], extraEnvironment: ["PGPASSWORD": "not-the-password"])
        #expect(report.status == 1 && report.stderr.contains("password authentication failed") && report.stderr.contains("PGPASSWORD"),
                "\(report.stderr)")

        // The password from the config's password_env, right this time: the outbox goes first.
        try runner.writeConfig(try String(contentsOfFile: runner.configPath, encoding: .utf8) + "password_env = \"TEAM_DB_PASSWORD\"\n")
        let right = try runner.ask(["-m", "primary", "hi again"], environment: ["TEAM_DB_PASSWORD": "right-password"]).0
        #expect(right.status == 0 && right.stderr.isEmpty, "\(right.stderr)")
        #expect(try PostgresLedgerTests.rows(url).count == 2)
        #expect(try Self.outboxRows(runner).isEmpty)

        // Nothing listening, and a password in the URL itself: it never shows.
        let closed = "postgresql://secret_user:url-secret@127.0.0.1:\(FaultServer.closedPort())/nothing"
        let down = try runner.ask(["-m", "primary", "nobody home"], environment: ["LLMROUTE_LEDGER_URL": closed]).0
        #expect(down.status == 0 && down.stdout == "Hello from the fault server.\n")
        #expect(down.stderr.contains("warning") && down.stderr.lowercased().contains("refused"), "\(down.stderr)")
        #expect(!down.stderr.contains("url-secret"))
        let downReport = try runner.run(["cost", "report"], extraEnvironment: ["LLMROUTE_LEDGER_URL": closed])
        #expect(downReport.status == 1 && !downReport.stderr.contains("url-secret") && downReport.stderr.contains("127.0.0.1"),
                "\(downReport.stderr)")
        let badURL = try runner.run(["cost", "report"], extraEnvironment: ["LLMROUTE_LEDGER_URL": "postgresql://nouser.example/db"])
        #expect(badURL.status != 0 && badURL.stderr.contains("LLMROUTE_LEDGER_URL"), "\(badURL.stderr)")
        // A URL that cannot be read stops ask before the call: its row would go nowhere.
        let badAsk = try runner.ask(["-m", "primary", "hi"], environment: ["LLMROUTE_LEDGER_URL": "postgresql://me@host/db?sslmode=maybe"]).0
        #expect(badAsk.status == 3 && badAsk.stdout.isEmpty && badAsk.stderr.contains("sslmode"), "\(badAsk.stderr)")
    }

    /// A daily budget of 5.5 calls, 20 asks started at once: each checks the budget and holds
    /// its estimate in one transaction, so at most 5 run (fewer when all hold their estimate
    /// before any settles); the rest exit 5 having called nothing.
    @Test func budgetHoldsAcrossTwentyConcurrentAsks() throws {
        let (runner, url) = try PostgresLedgerTests.runner()
        defer { runner.cleanup() }
        // Output tokens chosen so the estimate is at least what a call really costs (11 in, 5 out).
        let estimate = try LedgerEndToEndTests().estimate(runner, "hi", outputTokens: 10)
        let actual = 11 * 1e-6 + 5 * 2e-6
        #expect(estimate >= actual)
        let budget = 5.5 * actual
        try runner.writeConfig(try String(contentsOfFile: runner.configPath, encoding: .utf8) + "\n[budget]\ndaily = \(budget)\n")
        let statuses = StatusBox(count: 20)
        DispatchQueue.concurrentPerform(iterations: 20) { index in
            let result = try? runner.ask(["-m", "primary", "--output-tokens", "10", "hi"]).0
            statuses.set(index, result?.status ?? -1)
        }
        let ran = statuses.values.filter { $0 == 0 }.count
        #expect(statuses.values.allSatisfy { $0 == 0 || $0 == 5 }, "\(statuses.values)")
        // At least as many as fit when every estimate is held at once (none settled yet).
        let least = Int((budget / estimate).rounded(.down))
        #expect(ran >= least && ran <= 5, "\(ran) ran, estimate \(estimate)")
        let rows = try PostgresLedgerTests.rows(url)
        #expect(rows.count == ran)
        #expect(rows.map(\.costUSD).reduce(0, +) <= budget)
    }

    /// --no-log checks the budget but holds nothing: no row would ever settle the hold. Room
    /// for 1.5 estimates, so a second call would be refused had the first one's stayed held.
    @Test func noLogChecksTheBudgetWithoutHoldingIt() throws {
        let (runner, url) = try PostgresLedgerTests.runner()
        defer { runner.cleanup() }
        let estimate = try LedgerEndToEndTests().estimate(runner, "hi", outputTokens: 10)
        try runner.writeConfig(try String(contentsOfFile: runner.configPath, encoding: .utf8) + "\n[budget]\ndaily = \(1.5 * estimate)\n")
        for _ in 0..<2 {
            let result = try runner.ask(["-m", "primary", "--output-tokens", "10", "--no-log", "hi"]).0
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try PostgresLedgerTests.rows(url).isEmpty)
        #expect(try runner.ask(["-m", "primary", "--output-tokens", "10", "hi"]).0.status == 0, "recorded: held, then settled")
        #expect(try PostgresLedgerTests.rows(url).count == 1)
    }

    /// Two batches on two "machines" at once, one shared daily budget of 5.5 calls: every line
    /// is admitted by the server, so together they run at most 5, and refuse the rest.
    @Test func batchesOnTwoMachinesShareTheBudget() throws {
        let (runner, url) = try PostgresLedgerTests.runner()
        defer { runner.cleanup() }
        let estimate = try LedgerEndToEndTests().estimate(runner, "q1", outputTokens: 10)
        let actual = 11 * 1e-6 + 5 * 2e-6
        #expect(estimate >= actual)
        try runner.writeConfig(try String(contentsOfFile: runner.configPath, encoding: .utf8) + "\n[budget]\ndaily = \(5.5 * actual)\n")
        let (other, _) = try PostgresLedgerTests.runner(url: url)
        defer { other.cleanup() }
        try other.writeConfig(try String(contentsOfFile: runner.configPath, encoding: .utf8))
        let input = (1...8).map { "{\"id\": \($0), \"prompt\": \"q\($0 % 10)\", \"model\": \"primary\"}" }.joined(separator: "\n") + "\n"
        let outputs = ResultsBox(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            outputs.set(index, try? [runner, other][index].ask(["--jsonl", "--concurrency", "2", "--output-tokens", "10"], stdin: input).0)
        }
        var answered = 0, refused = 0
        for result in outputs.values {
            let result = try #require(result)
            #expect(result.status == 5, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map { try? BinaryRunner.json(String($0)) as? [String: Any] }
            #expect(lines.count == 8)
            answered += lines.filter { $0?["text"] != nil }.count
            refused += lines.filter { $0?["refused"] as? Bool == true }.count
        }
        // At least as many as fit when every estimate is held at once (none settled yet).
        let least = Int((5.5 * actual / estimate).rounded(.down))
        #expect(answered >= least && answered <= 5 && answered + refused == 16, "\(answered) answered, \(refused) refused, estimate \(estimate)")
        #expect(try PostgresLedgerTests.rows(url).count == answered)
    }

    /// While the server is down, budgets use the last spend it reported (with the estimates in
    /// flight then) plus the outbox, and say so.
    @Test func budgetWhileDownUsesLastKnownSpendPlusOutbox() throws {
        let server = PostgresServer.outage
        let (runner, url) = try PostgresLedgerTests.runner(server: server)
        defer { runner.cleanup() }
        let estimate = try LedgerEndToEndTests().estimate(runner, "hi", outputTokens: 10)
        let actual = 11 * 1e-6 + 5 * 2e-6
        // Known spend after the first call: its estimate. Room for a second call's estimate, not
        // for a third's on top of the second's real cost waiting in the outbox.
        try runner.writeConfig(try String(contentsOfFile: runner.configPath, encoding: .utf8) + "\n[budget]\ndaily = \(2 * estimate + actual / 2)\n")
        #expect(try runner.ask(["-m", "primary", "--output-tokens", "10", "hi"]).0.status == 0)
        server.stop()
        var stopped = true
        defer { if stopped { server.start() } }
        let second = try runner.ask(["-m", "primary", "--output-tokens", "10", "hi"]).0
        #expect(second.status == 0 && second.stderr.contains("last known spend") && second.stderr.contains("0 unsent request"),
                "\(second.stderr)")
        #expect(try Self.outboxRows(runner).count == 1)
        let third = try runner.ask(["-m", "primary", "--output-tokens", "10", "hi"]).0
        #expect(third.status == 5 && third.stderr.contains("1 unsent request") && third.stderr.contains("refused"), "\(third.stderr)")
        server.start()
        stopped = false
        #expect(try runner.ask(["-m", "primary", "--output-tokens", "10", "--force", "hi"]).0.status == 0)
        #expect(try PostgresLedgerTests.rows(url).count == 3)
    }
}

final class ResultBox: @unchecked Sendable {
    var result: BinaryRunner.Result?
}

final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [BinaryRunner.Result?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: BinaryRunner.Result?) { lock.lock(); storage[index] = value; lock.unlock() }
    var values: [BinaryRunner.Result?] { lock.lock(); defer { lock.unlock() }; return storage }
}
