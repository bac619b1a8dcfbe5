import Foundation
import Testing

@Suite("End to end: ask options and batch", .serialized)
struct AskCommandTests {
    @Test func dryRunShowsTheExactRequestWithTheKeyMasked() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok", primaryKeyEnv: "FAULT_KEY")
        let secret = "sk-test-0123456789abcdef"
        let result = try runner.run(["ask", "--dry-run", "-m", "primary", "-s", "be brief", "--max-tokens", "7", "hello"],
                                    extraEnvironment: ["FAULT_KEY": secret])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        let request = try #require(object["request"] as? [String: Any])
        #expect((request["url"] as? String)?.hasSuffix("/v1/chat/completions") == true)
        let body = try #require(request["body"] as? [String: Any])
        #expect(body["max_tokens"] as? Int == 7)
        #expect((body["messages"] as? [[String: Any]])?.first?["content"] as? String == "be brief")
        #expect(((request["headers"] as? [String: Any])?["authorization"] as? String)?.contains("****") == true)
    }

    @Test func dryRunOfAnOpenAIReasoningModelSendsMaxCompletionTokensAndNoTemperature() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let result = try runner.run(["ask", "--dry-run", "-m", "gpt-5.4", "--max-tokens", "9", "--temperature", "0.3", "hello"],
                                    extraEnvironment: ["OPENAI_API_KEY": "sk-dry-run-only-never-sent"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        let request = try #require(object["request"] as? [String: Any])
        let body = try #require(request["body"] as? [String: Any])
        #expect(body["max_completion_tokens"] as? Int == 9)
        #expect(body["max_tokens"] == nil)
        #expect(body["temperature"] == nil)
        #expect((request["notes"] as? [String])?.first?.contains("temperature") == true)
    }

    @Test func maxCostRefusesBeforeCalling() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        let (result, _) = try runner.ask(["-m", "primary", "--max-cost", "0.0000001", "hi"])
        #expect(result.status == 5)
        #expect(result.stdout.isEmpty)
    }

    @Test func continueSendsTheLastConversation() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        let (first, _) = try runner.ask(["-m", "primary", "-s", "sys", "first question"])
        #expect(first.status == 0)
        let next = try runner.run(["ask", "--dry-run", "-c", "-m", "primary", "second"])
        let object = try BinaryRunner.json(next.stdout) as? [String: Any]
        let body = (object?["request"] as? [String: Any])?["body"] as? [String: Any]
        let messages = (body?["messages"] as? [[String: Any]] ?? []).map { "\($0["role"]!):\($0["content"]!)" }
        #expect(messages == ["system:sys", "user:first question", "assistant:Hello from the fault server.", "user:second"])
    }

    @Test func pipedStdinIsContext() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        let result = try runner.run(["ask", "--dry-run", "-m", "backup", "summarize this"], stdin: "notes\n")
        let object = try BinaryRunner.json(result.stdout) as? [String: Any]
        let body = (object?["request"] as? [String: Any])?["body"] as? [String: Any]
        #expect((body?["messages"] as? [[String: Any]])?.first?["content"] as? String == "summarize this\n\nnotes\n")
    }

    /// 1,000 prompts, ~10% of them faulty (bad lines, unknown models, a provider that always
    /// fails): exactly one output line per input line, in order, none duplicated.
    @Test func batchOfAThousandLosesNothing() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let port = FaultServer.shared.port
        try runner.writeFaultConfig(primary: "ok", extraModels: """
        [providers.broken]
        kind = "openai"
        base_url = "http://127.0.0.1:\(port)/e500/\(UUID().uuidString)/v1"
        [models."flaky"]
        provider = "broken"
        input_price = 1.0
        output_price = 2.0
        context_window = 16000
        quality = 0.9
        """)
        var lines: [String] = []
        for i in 0..<1000 {
            switch i % 30 {
            case 7: lines.append("{not json")
            case 17: lines.append("{\"id\": \"\(i)\", \"prompt\": \"q\", \"model\": \"no-such-model\"}")
            case 27: lines.append("{\"id\": \"\(i)\", \"prompt\": \"q\", \"model\": \"flaky\"}")
            default: lines.append("{\"id\": \"\(i)\", \"prompt\": \"question \(i)\", \"model\": \"primary\"}")
            }
        }
        let (result, _) = try runner.ask(["--jsonl", "--concurrency", "8", "--retries", "1"], stdin: lines.joined(separator: "\n") + "\n")
        let output = result.stdout.split(separator: "\n")
        #expect(output.count == 1000)
        var ids: [String] = []
        var errors = 0
        for (i, line) in output.enumerated() {
            let object = try #require(try BinaryRunner.json(String(line)) as? [String: Any])
            if object["error"] != nil { errors += 1 }
            let id = (object["id"] as? String) ?? "line \((object["id"] as? Int) ?? -1)"
            ids.append(id)
            #expect(id == (i % 30 == 7 ? "line \(i + 1)" : "\(i)"), "line \(i) out of order: \(id)")
            if i % 30 == 27 { #expect(object["model"] as? String == "primary" || object["model"] as? String == "backup", "flaky falls back") }
        }
        #expect(Set(ids).count == 1000, "no duplicates")
        #expect(errors == 34 + 33, "malformed and unknown-model lines are error lines")
        #expect(result.status == 4)
    }
}
