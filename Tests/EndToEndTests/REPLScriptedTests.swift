import Foundation
import Testing

/// `llmroute repl` with stdin piped: plain lines, answers without prompt or decoration.
@Suite("End to end: repl scripted")
struct REPLScriptedTests {
    /// "primary" answers "N messages", N being how many messages the request carried.
    func runner(window: Int = 16000) throws -> BinaryRunner {
        let runner = try BinaryRunner()
        let base = "http://127.0.0.1:\(FaultServer.shared.port)/count/\(UUID().uuidString)/v1"
        try runner.writeConfig("""
        [providers.fa]
        kind = "openai"
        base_url = "\(base)"
        [models."primary"]
        provider = "fa"
        input_price = 1.0
        output_price = 2.0
        context_window = 16000
        quality = 0.9
        [models."tiny"]
        provider = "fa"
        input_price = 1.0
        output_price = 2.0
        context_window = \(window)
        max_output_tokens = 50
        quality = 0.5
        [routing]
        candidates = ["primary", "tiny"]
        """)
        return runner
    }

    @Test func linesCommandsMultiLineAndSave() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        let saved = runner.home.appendingPathComponent("chat.md").path
        let script = """
        first
        second \\
        continued
        \"\"\"
        a block
        /model not-a-command-here
        \"\"\"
        /modle backup
        /cost
        //a leading slash
        /save \(saved)

        """
        let result = try runner.run(["repl", "-m", "primary"], stdin: script, extraEnvironment: ["LLMROUTE_RETRY_BASE_MS": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        // Each turn carries the earlier ones: 1, 3, 5, 7 messages.
        let answers = result.stdout.split(separator: "\n").filter { $0.hasSuffix(" messages") }
        #expect(answers == ["1 messages", "3 messages", "5 messages", "7 messages"], "\(result.stdout)")
        #expect(!result.stdout.contains("primary>"), "no prompt when stdin is not a terminal")
        #expect(result.stdout.contains("3 answered"), "/cost ran after three turns")
        #expect(result.stderr.contains("unknown command /modle; did you mean /model?"))
        let markdown = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(markdown.contains("## You\n\nsecond \ncontinued\n"))
        #expect(markdown.contains("## You\n\na block\n/model not-a-command-here\n"))
        #expect(markdown.contains("## You\n\n/a leading slash\n"))
        #expect(markdown.contains("## primary\n\n7 messages\n"))
    }

    @Test func oldestTurnsAreTrimmedToFitASmallWindow() throws {
        let runner = try runner(window: 200)
        defer { runner.cleanup() }
        let long = Array(repeating: "word", count: 40).joined(separator: " ")
        let script = (1...4).map { "question \($0) \(long)" }.joined(separator: "\n") + "\n"
        let result = try runner.run(["repl", "-m", "tiny", "--max-tokens", "20"], stdin: script)
        #expect(result.status == 0, "\(result.stderr)")
        let answers = result.stdout.split(separator: "\n").filter { $0.hasSuffix(" messages") }.map(String.init)
        #expect(answers.count == 4, "\(result.stdout)")
        #expect(answers.first == "1 messages")
        #expect(answers.last != "7 messages", "the oldest turns were left out: \(answers)")
        #expect(result.stderr.contains("oldest messages are not sent"), "trimming is announced: \(result.stderr)")
    }

    @Test func aFailingProviderDoesNotEndTheSession() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "e500", backup: "e500")
        let result = try runner.run(["repl"], stdin: "hello\n/model\n/cost\n", extraEnvironment: ["LLMROUTE_RETRY_BASE_MS": "1"])
        #expect(result.stderr.contains("every provider failed"))
        #expect(result.stdout.contains("mode: auto"), "the commands after the failure ran: \(result.stdout)")
        #expect(result.stdout.contains("0 answered"))
        #expect(result.status == 4, "a scripted session with a failed turn exits 4")
    }

    @Test func helpAndBadFlags() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let help = try runner.run(["repl", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("/retry") && help.stdout.contains("--system"))
        #expect(try runner.run(["repl", "--json"], stdin: "").status == 2)
        let unknown = try runner.run(["repl", "-m", "gpt-4o-mnii"], stdin: "")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'gpt-4o-mini'?"))
    }
}
