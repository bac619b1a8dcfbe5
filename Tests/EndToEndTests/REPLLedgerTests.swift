import Foundation
import GRDB
import Testing

/// The REPL writes to the same usage ledger as `ask`: a row for the session when it starts, and
/// each answered turn as a request (command "repl", conversation id = the session id).
@Suite("End to end: repl and the usage ledger")
struct REPLLedgerTests {
    @Test func sessionAndTurnsAreRecorded() throws {
        let runner = try REPLScriptedTests().runner()
        defer { runner.cleanup() }
        let result = try runner.run(["repl", "-m", "primary"], stdin: "first\nsecond\n/cost\n",
                                    extraEnvironment: ["LLMROUTE_RETRY_BASE_MS": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let path = runner.home.appendingPathComponent("data/llmroute/usage.sqlite").path
        let (sessions, turns) = try DatabaseQueue(path: path).read { db in
            (try Row.fetchAll(db, sql: "SELECT id, command, mode FROM sessions"),
             try Row.fetchAll(db, sql: "SELECT command, conversation_id, final_model, input_tokens, cost_usd FROM usage WHERE kind = 'request' ORDER BY id"))
        }
        #expect(sessions.count == 1)
        let session: String? = sessions.first?["id"]
        #expect(sessions.first?["command"] == "repl" && sessions.first?["mode"] == "primary")
        #expect(turns.count == 2, "\(turns)")
        for turn in turns {
            #expect(turn["command"] == "repl")
            #expect(turn["conversation_id"] == session)
            #expect(turn["final_model"] == "primary")
            #expect((turn["cost_usd"] as Double? ?? 0) > 0)
        }
        let report = try runner.run(["cost", "report", "--json", "--since", "1h"])
        let total = (try BinaryRunner.json(report.stdout) as? [String: Any])?["total"] as? [String: Any]
        #expect(total?["requests"] as? Int == 2, "\(report.stdout)")
    }

    /// Over the daily budget a turn is refused with the budget named; the session goes on.
    @Test func budgetRefusesATurnButNotTheSession() throws {
        let runner = try REPLScriptedTests().runner()
        defer { runner.cleanup() }
        let text = try String(contentsOfFile: runner.configPath, encoding: .utf8)
        try runner.writeConfig(text + "\n[budget]\ndaily = 0\n")
        let result = try runner.run(["repl", "-m", "primary"], stdin: "first\n/cost\n",
                                    extraEnvironment: ["LLMROUTE_RETRY_BASE_MS": "1"])
        #expect(result.stderr.contains("refused"), "\(result.stderr)")
        #expect(result.stderr.contains("daily"), "\(result.stderr)")
        #expect(result.stdout.contains("0 answered"), "/cost still ran: \(result.stdout)")
    }
}
