import Foundation
import Testing

/// `--classifier llm` through the binary: the labelling call goes to a real LiteLLM proxy whose
/// `mock-labeler` model answers with fixed labels, chosen so that they differ from what the
/// local classifier says about the prompt (proof the labels came from the call).
@Suite("End to end: llm classifier", .serialized, .enabled(if: LiteLLMProxy.executable != nil))
struct LLMClassifierEndToEndTests {
    static let labels = #"{"tier": "expert", "task": "reasoning", "difficulty": 9}"#
    static let prompt = "What is the capital of France?"

    func runner(classifierModelURL: String? = nil) throws -> BinaryRunner {
        let runner = try BinaryRunner()
        let url = classifierModelURL ?? "http://127.0.0.1:\(LiteLLMProxy.shared.port)/v1"
        try runner.writeConfig("""
        [providers.lite]
        kind = "openai"
        base_url = "\(url)"
        api_key_env = "LITELLM_TEST_KEY"
        [models."mock-labeler"]
        provider = "lite"
        input_price = 1.0
        output_price = 2.0
        context_window = 128000
        quality = 0.5
        [models."mock-gpt"]
        provider = "lite"
        input_price = 5.0
        output_price = 10.0
        context_window = 128000
        quality = 0.95
        [routing]
        classifier = "llm"
        classifier_model = "mock-labeler"
        candidates = ["mock-labeler", "mock-gpt"]
        """)
        return runner
    }

    func run(_ runner: BinaryRunner, _ arguments: [String], stdin: String? = nil) throws -> BinaryRunner.Result {
        try runner.run(arguments, stdin: stdin, extraEnvironment: ["LITELLM_TEST_KEY": LiteLLMProxy.masterKey])
    }

    @Test func classifyUsesTheLabellingModelsAnswer() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        let result = try run(runner, ["classify", "--json", Self.prompt])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        #expect(object["classifier"] as? String == "llm")
        #expect(object["task"] as? String == "reasoning")
        let reasons = object["reasons"] as? [String] ?? []
        #expect(reasons.contains { $0.contains("labelled it expert/reasoning, difficulty 9 of 10") }, "\(reasons)")
        #expect(result.stderr.isEmpty, "no warning when the call works: \(result.stderr)")
        // The labeller names the kind; the score and tier are the local score head's for a
        // reasoning prompt of this shape (its difficulty opinion is kept in the reasons only).
        // The local classifier calls it a simple question, with a lower score and tier, so the
        // figures above can only have come from the call.
        let local = try run(runner, ["classify", "--json", "--classifier", "local", Self.prompt])
        let localObject = try #require(try BinaryRunner.json(local.stdout) as? [String: Any])
        #expect(localObject["tier"] as? String == "simple" && localObject["task"] as? String != "reasoning", "\(local.stdout)")
        let tiers = ["simple", "medium", "complex", "expert"]
        let tier = try #require(tiers.firstIndex(of: object["tier"] as? String ?? ""), "\(result.stdout)")
        #expect(tier > 0)
        #expect((object["score"] as? Double ?? 0) > (localObject["score"] as? Double ?? 1))
    }

    @Test func routeSendsTheLabelledExpertPromptToTheStrongModel() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        let result = try run(runner, ["route", "--json", "--strategy", "threshold", Self.prompt])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        #expect(object["classifier"] as? String == "llm")
        #expect(object["model"] as? String == "mock-gpt", "\(result.stdout)")
    }

    @Test func jsonlBatchLabelsEveryLine() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        let input = "{\"id\": 1, \"prompt\": \"hi\"}\nnot json\n{\"id\": 3, \"prompt\": \"Prove it\"}\n"
        let result = try run(runner, ["classify", "--jsonl"], stdin: input)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(result.status == 1, "one bad line")
        #expect(lines[0].contains(#""task":"reasoning""#) && lines[0].contains(#""classifier":"llm""#), "\(lines[0])")
        #expect(lines[1].contains(#""error""#))
        #expect(lines[2].contains(#""id":3"#) && lines[2].contains(#""classifier":"llm""#))
    }

    @Test func unreachableLabellerFallsBackToLocalWithAWarning() throws {
        let runner = try runner(classifierModelURL: "http://127.0.0.1:\(FaultServer.closedPort())/v1")
        defer { runner.cleanup() }
        let result = try runner.run(["classify", "--json", Self.prompt],
                                    extraEnvironment: ["LITELLM_TEST_KEY": "sk-test", "LLMROUTE_RETRY_BASE_MS": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        #expect(object["classifier"] as? String == "local")
        #expect(object["tier"] as? String == "simple")
        #expect(result.stderr.contains("llm classifier (mock-labeler) failed"), "\(result.stderr)")
        #expect(result.stderr.contains("using the local classifier"))
    }

    /// The labelling call is paid for: it goes to the usage ledger with the tokens LiteLLM
    /// reported, priced at mock-labeler's $1/$2 per million tokens.
    @Test func labellingCallsAreInTheLedger() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        for _ in 0..<2 { _ = try run(runner, ["route", "--json", Self.prompt]) }
        let result = try runner.run(["cost", "report", "--json", "--since", "1h"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        let groups = try #require(object["groups"] as? [[String: Any]])
        let labeler = try #require(groups.first { $0["key"] as? String == "mock-labeler" }, "\(result.stdout)")
        #expect(labeler["requests"] as? Int == 2)
        let input = labeler["input_tokens"] as? Int ?? 0, output = labeler["output_tokens"] as? Int ?? 0
        // LiteLLM's mock responses report small fixed token counts; what matters is that they were kept.
        #expect(input > 0 && output > 0)
        #expect(abs((labeler["cost_usd"] as? Double ?? 0) - (Double(input) * 1e-6 + Double(output) * 2e-6)) < 1e-12)
    }

    /// `ask --jsonl`: each line is labelled inside the batch, then routed on its labels (the
    /// labels say expert, so the threshold strategy sends every line to the strong mock-gpt).
    @Test func askBatchLabelsEachLineThenRoutesIt() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        let input = "{\"id\": \"a\", \"prompt\": \"hi\"}\n{\"id\": \"b\"}\n{\"id\": \"c\", \"prompt\": \"What is 2+2?\"}\n"
        let result = try run(runner, ["ask", "--jsonl", "--strategy", "threshold"], stdin: input)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.stdout)\n\(result.stderr)")
        #expect(result.status == 4, "one bad line fails the batch")
        for index in [0, 2] {
            let object = try #require(try BinaryRunner.json(lines[index]) as? [String: Any])
            #expect(object["model"] as? String == "mock-gpt", "\(lines[index])")
            #expect(object["text"] as? String == LiteLLMTests.answer)
        }
        #expect(lines[1].contains("\"error\""))
        #expect(!result.stderr.contains("local classifier"), "no fallback: \(result.stderr)")
        let report = try runner.run(["cost", "report", "--json", "--since", "1h"])
        let groups = try #require((try BinaryRunner.json(report.stdout) as? [String: Any])?["groups"] as? [[String: Any]])
        #expect(groups.first { $0["key"] as? String == "mock-labeler" }?["requests"] as? Int == 2, "\(report.stdout)")
        #expect(groups.first { $0["key"] as? String == "mock-gpt" }?["requests"] as? Int == 2)
    }

    /// `eval` with the llm classifier: a labelling call per prompt. The mock gives every prompt
    /// the same labels and the prompts are the same text, hence one score for all, so routing by
    /// it is exactly random: APGR 0.5.
    @Test func evalScoresEachPromptWithALabellingCall() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        let input = """
        {"prompt": "Prove it", "weak": 0, "strong": 1}
        {"prompt": "Prove it", "weak": 1, "strong": 1}
        {"prompt": "Prove it", "weak": 0, "strong": 0.5}
        """
        let result = try run(runner, ["eval", "--json", "-"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        #expect(object["classifier"] as? String == "llm" && object["classifier_fallbacks"] as? Int == 0, "\(result.stdout)")
        #expect(abs((object["apgr"] as? Double ?? 0) - 0.5) < 1e-12)
        #expect(!result.stderr.contains("local classifier"), "no fallback: \(result.stderr)")
    }

    @Test func unknownClassifierModelIsAUsageError() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        let result = try run(runner, ["classify", "--classifier-model", "mock-labeller", Self.prompt])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown classifier model \"mock-labeller\""))
        #expect(result.stderr.contains("mock-labeler"), "suggests the nearest name: \(result.stderr)")
    }
}
