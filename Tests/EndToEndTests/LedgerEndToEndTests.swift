import Foundation
import GRDB
import LLMRouteCore
import Testing

/// The usage ledger through the built binary, against the fault server: what ask and batch
/// record, budgets, several processes writing at once, and a batch killed with SIGKILL.
@Suite("End to end: usage ledger and budgets", .serialized)
struct LedgerEndToEndTests {
    func ledgerPath(_ runner: BinaryRunner) -> String { runner.home.appendingPathComponent("data/llmroute/usage.sqlite").path }

    func requests(_ runner: BinaryRunner) throws -> [UsageRecord] {
        try SQLiteUsageLedger(path: ledgerPath(runner)).records(kind: .request, from: nil, until: nil)
    }

    func report(_ runner: BinaryRunner, _ extra: [String] = []) throws -> [String: Any] {
        let result = try runner.run(["cost", "report", "--json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
    }

    @Test func askRecordsAttemptsAndRequestAndReportShowsThem() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "e500")
        let (result, _) = try runner.ask(["-m", "primary", "--retries", "1", "hi"])
        #expect(result.status == 0 && result.stdout == "Hello from the fault server.\n", "\(result.stderr)")
        var info = stat()
        #expect(stat(ledgerPath(runner), &info) == 0 && info.st_mode & 0o777 == 0o600)
        let ledger = try SQLiteUsageLedger(path: ledgerPath(runner))
        let attempts = try ledger.records(kind: .attempt, from: nil, until: nil)
        #expect(attempts.map(\.outcome) == ["server_error", "server_error", "ok"])
        #expect(attempts.map(\.finalModel) == ["primary", "primary", "backup"])
        let request = try #require(try requests(runner).first)
        #expect(request.command == "ask" && request.outcome == "ok")
        #expect(request.chosenModel == "primary" && request.finalModel == "backup" && request.fallbacks == 1 && request.attempts == 3)
        #expect(request.inputTokens == 11 && request.outputTokens == 5 && !request.tokensEstimated)
        #expect(abs(request.costUSD - (11 * 1e-6 + 5 * 2e-6)) < 1e-12)
        #expect(request.promptText == nil && request.answerText == nil && request.promptHash?.count == 64, "text only when opted in")
        #expect(request.tier != nil && request.task != nil && request.strategy == "cost" && request.conversationID?.count == 16)

        let object = try report(runner)
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["requests"] as? Int == 1 && total["input_tokens"] as? Int == 11 && total["output_tokens"] as? Int == 5)
        #expect(abs((total["cost_usd"] as? Double ?? 0) - request.costUSD) < 1e-12)
    }

    /// ask keeps its connection open until it exits, so the WAL is not checkpointed by every
    /// call (that cost two fsyncs per ask): the rows stay in the WAL, and the next process,
    /// ask or report, reads them back. Past its limit the next open empties it.
    @Test func rowsLeftInTheWALReachTheNextProcess() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        func walSize() -> off_t {
            var info = stat()
            return stat(ledgerPath(runner) + "-wal", &info) == 0 ? info.st_size : -1
        }
        var sizes: [off_t] = []
        for index in 0..<3 {
            let (result, _) = try runner.ask(["-m", "primary", "question \(index)"])
            #expect(result.status == 0, "\(result.stderr)")
            sizes.append(walSize())
        }
        #expect(sizes.allSatisfy { $0 > 0 } && sizes == sizes.sorted(), "not checkpointed at exit: \(sizes)")

        // Another writer (kept open, so it does not checkpoint either) takes the WAL past the limit.
        let writer = try DatabaseQueue(path: ledgerPath(runner))
        for index in 0..<400 {
            try writer.write { db in
                try db.execute(sql: "INSERT INTO usage (kind, request_id, time, command, outcome) VALUES ('request', ?, ?, 'ask', 'ok')",
                               arguments: ["bulk\(index)", Date().timeIntervalSince1970 - 60])
            }
        }
        #expect(walSize() > SQLiteUsageLedger.walLimitBytes)
        let (result, _) = try runner.ask(["-m", "primary", "one more"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(walSize() >= 0 && walSize() < 16 * (4096 + 24), "the open truncated it: \(walSize())")
        let total = try #require(try report(runner)["total"] as? [String: Any])
        #expect(total["requests"] as? Int == 404)
        #expect(try writer.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }

    /// Start-up cost: commands that call nothing never open (or create) the database.
    @Test func routeClassifyAndCostNeverTouchTheLedger() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        try runner.writeConfig(try String(contentsOfFile: runner.configPath, encoding: .utf8) + "\n[budget]\ndaily = 1\n")
        for arguments in [["route", "hi"], ["classify", "hi"], ["cost", "hi"], ["ask", "--dry-run", "-m", "primary", "hi"], ["cost", "report"]] {
            #expect(try runner.run(arguments).status == 0, "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("data").path))
        let report = try runner.run(["cost", "report"])
        #expect(report.stdout.contains("no requests recorded"))
    }

    /// A ledger that cannot be opened costs a warning on stderr, never the answer.
    @Test(arguments: ["directory", "garbage"])
    func brokenLedgerStillPrintsTheAnswer(kind: String) throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        let path = ledgerPath(runner)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if kind == "directory" {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } else {
            try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        }
        let (result, _) = try runner.ask(["-m", "primary", "hi"])
        #expect(result.status == 0)
        #expect(result.stdout == "Hello from the fault server.\n")
        #expect(result.stderr.contains("warning") && result.stderr.contains("usage ledger \(path)") && result.stderr.contains("not recorded"),
                "\(result.stderr)")
        let batch = try runner.ask(["--jsonl"], stdin: "{\"prompt\": \"a\", \"model\": \"primary\"}\n").0
        #expect(batch.status == 0 && batch.stdout.contains("\"text\":\"Hello from the fault server.\""))
        let report = try runner.run(["cost", "report"])
        #expect(report.status == 1 && report.stderr.contains("usage ledger"), "report says why: \(report.stderr)")
    }

    @Test func logTextNoLogAndConversationIDs() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        #expect(try runner.ask(["-m", "primary", "--log-text", "first question"]).0.status == 0)
        #expect(try runner.ask(["-m", "primary", "-c", "follow-up"]).0.status == 0)
        #expect(try runner.ask(["-m", "primary", "--no-log", "not recorded"]).0.status == 0)
        let rows = try requests(runner)
        #expect(rows.count == 2, "--no-log records nothing")
        #expect(rows[0].promptText == "first question" && rows[0].answerText == "Hello from the fault server.")
        #expect(rows[1].promptText == nil)
        #expect(rows[0].conversationID != nil && rows[0].conversationID == rows[1].conversationID, "-c continues the conversation")

        try runner.writeFaultConfig(primary: "ok")
        try runner.writeConfig(try String(contentsOfFile: runner.configPath, encoding: .utf8) + "\n[ledger]\nlog_text = true\n")
        #expect(try runner.ask(["-m", "primary", "from config"]).0.status == 0)
        #expect(try requests(runner).last?.promptText == "from config")
    }

    /// What `route` estimates a call at, so budgets can be set relative to it.
    func estimate(_ runner: BinaryRunner, _ prompt: String, outputTokens: Int) throws -> Double {
        let result = try runner.run(["route", "--json", "-m", "primary", "--output-tokens", "\(outputTokens)", prompt])
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        return try #require(object["estimated_cost_usd"] as? Double)
    }

    /// What one fault-server answer really costs: 11 input and 5 output tokens at $1/$2 per M.
    let actualCost = 11 * 1e-6 + 5 * 2e-6

    func setBudget(_ runner: BinaryRunner, _ line: String) throws {
        try runner.writeFaultConfig(primary: "ok")
        try runner.writeConfig(try String(contentsOfFile: runner.configPath, encoding: .utf8) + "\n[budget]\n\(line)\n")
    }

    @Test func budgetRefusesWithExitFiveAndForceOverrides() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        let estimate = try estimate(runner, "hi", outputTokens: 200)
        try setBudget(runner, "daily = \(estimate / 2)")
        let (refused, _) = try runner.ask(["-m", "primary", "--output-tokens", "200", "hi"])
        #expect(refused.status == 5)
        #expect(refused.stdout.isEmpty, "nothing was called")
        #expect(refused.stderr.contains("refused: the daily budget of") && refused.stderr.contains("left"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--force"))
        let (forced, _) = try runner.ask(["-m", "primary", "--output-tokens", "200", "--force", "hi"])
        #expect(forced.status == 0 && forced.stdout == "Hello from the fault server.\n")
        #expect(try requests(runner).count == 1)

        // Near the cap (90% with this call): a warning, and the call goes ahead.
        try setBudget(runner, "daily = \((actualCost + estimate) / 0.9)")
        let (warned, _) = try runner.ask(["-m", "primary", "--output-tokens", "200", "hi"])
        #expect(warned.status == 0 && warned.stderr.contains("90% of the daily budget"), "\(warned.stderr)")
        #expect(try requests(runner).count == 2)
    }

    /// A batch stops starting requests at the budget; every input line still gets its line.
    @Test func batchStopsAtTheBudgetAndRefusesTheRest() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        // Room for the estimate of one request plus what two answered ones really cost: three start.
        let estimate = try estimate(runner, "question 1", outputTokens: 100)
        try setBudget(runner, "monthly = \(estimate + 2.5 * actualCost)")
        let input = (1...8).map { "{\"id\": \($0), \"prompt\": \"question \($0)\", \"model\": \"primary\"}" }.joined(separator: "\n") + "\n"
        let (result, _) = try runner.ask(["--jsonl", "--concurrency", "1", "--output-tokens", "100"], stdin: input)
        let lines = result.stdout.split(separator: "\n").map { try? BinaryRunner.json(String($0)) as? [String: Any] }
        #expect(lines.count == 8, "one output line per input line: \(result.stdout)")
        let answered = lines.filter { $0?["text"] != nil }.count
        let refused = lines.filter { $0?["refused"] as? Bool == true }
        #expect(answered == 3, "\(result.stdout)")
        #expect(refused.count == 5)
        #expect(refused.allSatisfy { ($0?["error"] as? String)?.contains("monthly budget") == true })
        #expect(lines.map { $0?["id"] as? Int } == Array(1...8).map { $0 }, "in input order")
        #expect(result.status == 5)
        #expect(try requests(runner).count == 3, "refused lines call nothing and cost nothing")
    }

    /// Several processes, each a batch with several workers, write the same file at once.
    @Test func concurrentProcessesAllRecord() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        let processes = 6, perBatch = 5
        let statuses = StatusBox(count: processes)
        DispatchQueue.concurrentPerform(iterations: processes) { p in
            let input = (1...perBatch).map { "{\"id\": \"\(p)-\($0)\", \"prompt\": \"q\($0)\", \"model\": \"primary\"}" }.joined(separator: "\n")
            // A process that could not open or migrate the new file would still exit 0, with a warning.
            let result = try? runner.ask(["--jsonl", "--concurrency", "3"], stdin: input + "\n").0
            statuses.set(p, result.map { $0.stderr.contains("warning") ? 99 : $0.status } ?? -1)
        }
        #expect(statuses.values == Array(repeating: 0, count: processes), "0 = exit 0 without a warning")
        let rows = try requests(runner)
        #expect(rows.count == processes * perBatch)
        #expect(Set(rows.map(\.command)) == ["batch"])
        let total = try #require(try report(runner)["total"] as? [String: Any])
        #expect(total["requests"] as? Int == processes * perBatch)
        #expect(total["input_tokens"] as? Int == rows.map(\.inputTokens).reduce(0, +))
        #expect(abs((total["cost_usd"] as? Double ?? 0) - rows.map(\.costUSD).reduce(0, +)) < 1e-12)
    }

    /// SIGKILL while requests are in flight: the file opens, passes SQLite's integrity check, and
    /// holds a row for every line the batch had printed (rows are written before their line).
    @Test func killDuringABatchLeavesAReadableLedger() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let port = FaultServer.shared.port
        try runner.writeFaultConfig(primary: "ok", extraModels: """
        [providers.slow]
        kind = "openai"
        base_url = "http://127.0.0.1:\(port)/stall/\(UUID().uuidString)/v1"
        [models."flaky"]
        provider = "slow"
        input_price = 1.0
        output_price = 2.0
        context_window = 16000
        quality = 0.5
        """)
        // Stalling requests first, so workers are busy with them while the fast ones finish.
        let slow = (1...3).map { "{\"id\": \"s\($0)\", \"prompt\": \"slow\", \"model\": \"flaky\"}" }
        let fast = (1...200).map { "{\"id\": \"f\($0)\", \"prompt\": \"fast \($0)\", \"model\": \"primary\"}" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
        process.arguments = ["ask", "--jsonl", "--unordered", "--concurrency", "4", "--retries", "0", "--timeout", "20"]
        process.environment = runner.environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        stdin.fileHandleForWriting.write(Data((slow + fast).joined(separator: "\n").utf8 + [0x0A]))
        try stdin.fileHandleForWriting.close()
        var printed = Data()
        while printed.split(separator: 0x0A).count < 20 {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let lines = printed.split(separator: 0x0A).count
        #expect(lines >= 20 && lines < 203, "killed mid-batch (\(lines) lines)")

        let check = try DatabaseQueue(path: ledgerPath(runner)).read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        #expect(check == ["ok"])
        let rows = try requests(runner)
        #expect(rows.count >= lines, "every printed line was recorded first")
        #expect(!rows.contains { $0.finalModel == "flaky" }, "the stalled requests were in flight, not recorded")
        // And the ledger still takes writes.
        #expect(try runner.ask(["-m", "primary", "after the crash"]).0.status == 0)
        #expect(try requests(runner).count == rows.count + 1)
    }
}

final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int32]
    init(count: Int) { storage = Array(repeating: -2, count: count) }
    func set(_ index: Int, _ value: Int32) { lock.lock(); storage[index] = value; lock.unlock() }
    var values: [Int32] { lock.lock(); defer { lock.unlock() }; return storage }
}
