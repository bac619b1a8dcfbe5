import Foundation
import Testing

/// `ask` against the fault-injection server: each failure mode, with its retries, fallback,
/// output and exit code.
@Suite("End to end: ask under faults", .serialized)
struct AskFaultTests {
    let answer = "Hello from the fault server."

    func scenario(_ primary: String, _ extra: [String] = [], backup: String = "ok") throws -> (BinaryRunner.Result, Double, [String]) {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: primary, backup: backup)
        let (result, seconds) = try runner.ask(["--json", "-m", "primary", "--retries", "2"] + extra + ["hi"])
        return (result, seconds, (try? BinaryRunner.outcomes(result.stdout)) ?? [])
    }

    @Test func healthyStreamsBothProtocols() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        let (openai, _) = try runner.ask(["-m", "primary", "hi"])
        #expect(openai.status == 0, "\(openai.stderr)")
        #expect(openai.stdout == answer + "\n", "reasoning and non-text parts are not the answer")
        let (anthropic, _) = try runner.ask(["-m", "backup", "--show-reasoning", "-v", "hi"])
        #expect(anthropic.status == 0)
        #expect(anthropic.stdout == answer + "\n")
        #expect(anthropic.stderr.contains("pondering"), "--show-reasoning prints thinking on stderr")
        #expect(anthropic.stderr.contains("11 in / 5 out"), "footer with -v: \(anthropic.stderr)")
        let (json, _) = try runner.ask(["--json", "--no-stream", "-m", "backup", "hi"])
        let object = try #require(try BinaryRunner.json(json.stdout) as? [String: Any])
        #expect(object["text"] as? String == answer)
        #expect((object["usage"] as? [String: Any])?["output_tokens"] as? Int == 5)
        #expect(abs((object["cost_usd"] as? Double ?? 0) - (11 * 1e-6 + 5 * 2e-6)) < 1e-12, "cost from reported usage")
        for key in ["model", "provider", "latency_ms", "ttft_ms", "attempts"] { #expect(object[key] != nil, "\(key)") }
    }

    @Test func rateLimitWaitsForRetryAfterThenRetries() throws {
        let (result, seconds, outcomes) = try scenario("r429")
        #expect(result.status == 0)
        #expect(outcomes == ["fa:rate_limited", "fa:ok"])
        #expect(seconds >= 1.0, "Retry-After: 1 honoured (took \(seconds) s)")
    }

    @Test(arguments: [("e500", "server_error"), ("e503", "overloaded"), ("e529", "overloaded"), ("empty", "empty_response"),
                      ("badsse", "empty_response")])
    func retryableFailuresAreRetriedThenFallBack(scenario name: String, outcome: String) throws {
        let (result, _, outcomes) = try scenario(name)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(outcomes == Array(repeating: "fa:\(outcome)", count: 3) + ["fb:ok"])
        let object = try BinaryRunner.json(result.stdout) as? [String: Any]
        #expect(object?["text"] as? String == answer)
        #expect(object?["model"] as? String == "backup")
    }

    @Test func connectionRefusedFallsBack() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok", primaryURL: "http://127.0.0.1:\(FaultServer.closedPort())/v1")
        let (result, _) = try runner.ask(["--json", "-m", "primary", "--retries", "1", "hi"])
        #expect(result.status == 0)
        #expect(try BinaryRunner.outcomes(result.stdout) == ["fa:connection", "fa:connection", "fb:ok"])
    }

    @Test func timeoutBeforeHeadersFallsBack() throws {
        let (result, seconds, outcomes) = try scenario("timeout", ["--timeout", "0.5", "--retries", "0"])
        #expect(result.status == 0)
        #expect(outcomes == ["fa:timeout", "fb:ok"])
        #expect(seconds < 2.5)
    }

    @Test(arguments: ["stall", "cut", "badjson"])
    func midStreamFailureStopsWithoutRepeatingTheAnswer(scenario name: String) throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: name)
        let (result, _) = try runner.ask(["-m", "primary", "--timeout", "0.5", "hi"])
        #expect(result.status == 4)
        #expect(result.stdout == "Hello from\n", "partial text once, never repeated")
        #expect(result.stderr.contains("partial") && result.stderr.contains("primary"), "\(result.stderr)")
    }

    @Test func restartReasksTheNextFallbackAfterASeparator() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "cut")
        let (result, _) = try runner.ask(["-m", "primary", "--restart", "hi"])
        #expect(result.status == 0, "\(result.stderr)")
        let parts = result.stdout.components(separatedBy: "--- llmroute:")
        #expect(parts.count == 2, "one separator: \(result.stdout)")
        #expect(parts.first?.hasPrefix("Hello from") == true)
        #expect(result.stdout.hasSuffix(answer + "\n"))
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        let (result, _, _) = try scenario("badutf8")
        #expect(result.status == 0)
        let object = try BinaryRunner.json(result.stdout) as? [String: Any]
        #expect((object?["text"] as? String)?.contains("\u{FFFD}") == true)
    }

    @Test func authErrorMovesOnWithAWarningAndNoRetry() throws {
        let (result, _, outcomes) = try scenario("e401")
        #expect(result.status == 0)
        #expect(outcomes == ["fa:auth", "fb:ok"])
        #expect(result.stderr.contains("warning"))
    }

    @Test func contextLengthErrorMovesToALargerModel() throws {
        let (result, _, outcomes) = try scenario("ctx400")
        #expect(result.status == 0)
        #expect(outcomes == ["fa:context_length", "fb:ok"])
        #expect(result.stderr.contains("larger model"))
    }

    @Test func everyProviderFailingExitsFour() throws {
        let (result, _, outcomes) = try scenario("e500", ["--retries", "0"], backup: "e529")
        #expect(result.status == 4)
        #expect(outcomes == ["fa:server_error", "fb:overloaded"])
    }

    @Test func anthropicRefusalIsReportedWithNonZeroExit() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok", backup: "refusal")
        let (result, _) = try runner.ask(["-m", "backup", "hi"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("refused"))
    }

    @Test func circuitBreakerSkipsAProviderThatJustFailed() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "e503")
        let (first, _) = try runner.ask(["--json", "-m", "primary", "--retries", "2", "hi"])
        #expect(try BinaryRunner.outcomes(first.stdout) == ["fa:overloaded", "fa:overloaded", "fa:overloaded", "fb:ok"])
        let (second, _) = try runner.ask(["--json", "-m", "primary", "hi"])
        #expect(try BinaryRunner.outcomes(second.stdout) == ["fa:circuit_open", "fb:ok"])
    }

    @Test func ctrlCWhileStreamingKeepsTheTextAndExits130() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "stall")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
        process.arguments = ["ask", "-m", "primary", "--timeout", "30", "hi"]
        process.environment = runner.environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        var seen = Data()
        let deadline = Date().addingTimeInterval(10)
        while !String(decoding: seen, as: UTF8.self).contains("Hello from") && Date() < deadline {
            seen.append(out.fileHandleForReading.availableData)
        }
        let started = Date()
        process.interrupt()  // SIGINT, as Ctrl-C sends
        seen.append(out.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(String(decoding: seen, as: UTF8.self).hasPrefix("Hello from"))
        #expect(Date().timeIntervalSince(started) < 2.5, "stops promptly")
    }
}
