import Foundation
import Testing

/// `ask` against a real LiteLLM proxy (PyPI litellm[proxy], installed into .venv-litellm by
/// `make test`), its models answering with mock_response: no network, nothing leaves 127.0.0.1.
/// Skipped when the venv is absent (a plain `swift test`); `make test` always provides it.
@Suite("End to end: LiteLLM proxy", .serialized, .enabled(if: LiteLLMProxy.executable != nil))
struct LiteLLMTests {
    static let answer = "Hello from LiteLLM's mock response."

    func runner() throws -> BinaryRunner {
        let runner = try BinaryRunner()
        let port = LiteLLMProxy.shared.port
        try runner.writeConfig("""
        [providers.lite]
        kind = "openai"
        base_url = "http://127.0.0.1:\(port)/v1"
        api_key_env = "LITELLM_TEST_KEY"
        [providers.lite-anthropic]
        kind = "anthropic"
        base_url = "http://127.0.0.1:\(port)"
        api_key_env = "LITELLM_TEST_KEY"
        [models."mock-gpt"]
        provider = "lite"
        input_price = 1.0
        output_price = 2.0
        context_window = 128000
        quality = 0.9
        [models."mock-claude"]
        provider = "lite-anthropic"
        input_price = 1.0
        output_price = 2.0
        context_window = 200000
        quality = 0.9
        [routing]
        candidates = ["mock-gpt", "mock-claude"]
        """)
        return runner
    }

    func ask(_ runner: BinaryRunner, _ arguments: [String]) throws -> [String: Any] {
        let result = try runner.run(["ask", "--json"] + arguments + ["Say hello"],
                                    extraEnvironment: ["LITELLM_TEST_KEY": LiteLLMProxy.masterKey])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
    }

    @Test func openAIStreaming() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        let object = try ask(runner, ["-m", "mock-gpt"])
        #expect(object["text"] as? String == Self.answer)
        #expect(object["model"] as? String == "mock-gpt")
        #expect(((object["usage"] as? [String: Any])?["output_tokens"] as? Int ?? 0) > 0, "usage from the final chunk")
    }

    @Test func openAINonStreaming() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        let object = try ask(runner, ["-m", "mock-gpt", "--no-stream"])
        #expect(object["text"] as? String == Self.answer)
    }

    @Test func anthropicMessagesEndpoint() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        let object = try ask(runner, ["-m", "mock-claude"])
        #expect(object["text"] as? String == Self.answer)
        #expect(object["provider"] as? String == "lite-anthropic")
    }

    /// LiteLLM without a database answers an unknown key with 400 "No connected db", not 401:
    /// a request error, not retried, every model tried once, exit 4.
    @Test func wrongKeyFailsEveryModelOnceAndExitsFour() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        let result = try runner.run(["ask", "--json", "-m", "mock-gpt", "hi"], extraEnvironment: ["LITELLM_TEST_KEY": "sk-wrong"])
        #expect(result.status == 4)
        #expect(try BinaryRunner.outcomes(result.stdout).count == 2, "\(result.stdout)")
    }
}

/// One LiteLLM proxy for the run, on a free loopback port; killed when the test process ends
/// (its parent-death watchdog), or after its lifetime.
final class LiteLLMProxy: @unchecked Sendable {
    static let masterKey = "sk-llmroute-test-master"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["LLMROUTE_LITELLM"]
            ?? root.appendingPathComponent(".venv-litellm/bin/litellm").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    static let shared: LiteLLMProxy = {
        do { return try LiteLLMProxy() } catch { fatalError("cannot start LiteLLM: \(error)") }
    }()

    let port: Int
    let process: Process

    private init() throws {
        port = FaultServer.closedPort()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("llmroute-litellm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("config.yaml")
        try """
        model_list:
          - model_name: mock-gpt
            litellm_params:
              model: openai/gpt-4o-mini
              api_key: not-used
              mock_response: "\(LiteLLMTests.answer)"
          - model_name: mock-claude
            litellm_params:
              model: anthropic/claude-3-5-haiku-20241022
              api_key: not-used
              mock_response: "\(LiteLLMTests.answer)"
          - model_name: cached-gpt
            litellm_params:
              model: openai/gpt-4o-mini
              api_key: not-used
              api_base: http://127.0.0.1:\(FaultServer.shared.port)/oaicache/litellm/v1
          - model_name: xai-gpt
            litellm_params:
              model: openai/grok-like
              api_key: not-used
              api_base: http://127.0.0.1:\(FaultServer.shared.port)/xai/litellm/v1
          - model_name: cached-claude
            litellm_params:
              model: anthropic/claude-3-5-haiku-20241022
              api_key: not-used
              api_base: http://127.0.0.1:\(FaultServer.shared.port)/anthcache/litellm
          - model_name: mock-labeler
            litellm_params:
              model: openai/gpt-4o-mini
              api_key: not-used
              mock_response: '\(LLMClassifierEndToEndTests.labels)'
        general_settings:
          master_key: \(Self.masterKey)
        """.write(to: config, atomically: true, encoding: .utf8)
        let watchdog = Self.root.appendingPathComponent("Tests/EndToEndTests/Servers/run_bounded.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", watchdog, "600", Self.executable!, "--config", config.path,
                             "--host", "127.0.0.1", "--port", "\(port)"]
        var environment = ProcessInfo.processInfo.environment
        environment["LITELLM_MASTER_KEY"] = Self.masterKey
        environment["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
        environment["LITELLM_LOG"] = "ERROR"
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        process.environment = environment
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("litellm.log").path, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: directory.appendingPathComponent("litellm.log").path)
        try process.run()
        // Ready when the liveness endpoint answers (imports take several seconds).
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if Self.alive(port: port) { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.5)
        }
        let log = (try? String(contentsOf: directory.appendingPathComponent("litellm.log"), encoding: .utf8)) ?? ""
        throw NSError(domain: "LiteLLM", code: 1, userInfo: [NSLocalizedDescriptionKey: "did not start:\n" + String(log.suffix(2000))])
    }

    static func alive(port: Int) -> Bool {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:\(port)/health/liveliness', timeout=1)"]
        check.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        check.standardError = FileHandle(forWritingAtPath: "/dev/null")
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }
}
