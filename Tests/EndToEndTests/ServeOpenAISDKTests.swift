import Foundation
import LLMRouteCore
import Testing

/// The official openai Python SDK (PyPI, installed into .venv-openai by `make test`) against
/// `llmroute serve` in front of the fault server: whole and streamed answers exactly as the
/// upstream sent them, errors as the SDK's exception classes, and 100 streams at once.
@Suite("End to end: serve with the openai SDK", .serialized, .enabled(if: OpenAISDK.python != nil))
struct ServeOpenAISDKTests {
    func client(_ gateway: GatewayProcess, _ arguments: [String], key: String = "unused") throws -> [String: Any] {
        try OpenAISDK.run(gateway, arguments, key: key)
    }

    @Test func wholeAndStreamedOverBothProtocols() throws {
        try GatewayProcess.with { runner, gateway in
            for model in ["primary", "backup"] {
                let whole = try client(gateway, ["whole", model])
                #expect(whole["text"] as? String == ServeEndToEndTests.answer)
                #expect(whole["model"] as? String == model && whole["finish_reason"] as? String == "stop")
                let headers = try #require(whole["headers"] as? [String: String])
                #expect(headers["x-llmroute-model"] == model && Double(headers["x-llmroute-cost-usd"] ?? "") != nil)
                let streamed = try client(gateway, ["stream", model])
                #expect(streamed["pieces"] as? [String] == ["Hello", " from", " the", " fault", " server."])
                #expect(streamed["models"] as? [String] == [model] && streamed["finish_reason"] as? String == "stop")
                let usage = try #require(streamed["usage"] as? [String: Any])
                #expect(usage["completion_tokens"] as? Int == 5 && (usage["cost_usd"] as? Double ?? 0) > 0)
            }
            let auto = try client(gateway, ["stream", "auto"])
            #expect((auto["pieces"] as? [String])?.joined() == ServeEndToEndTests.answer)
            let missing = try client(gateway, ["error", "no-such-model"])
            #expect(missing["status"] as? Int == 404 && missing["class"] as? String == "NotFoundError")
            #expect(gateway.stop() == 0)
            let rows = try ServeEndToEndTests.requests(runner)
            #expect(rows.count == 5 && rows.allSatisfy { $0.command == "serve" && $0.outcome == "ok" })
        }
    }

    @Test func hundredConcurrentStreamsAllExact() throws {
        try GatewayProcess.with { runner, gateway in
            try expectConcurrentStreams(100, model: "auto", runner, gateway)
        }
    }

    /// `count` SDK streams at once, all exact, then one ok `serve` row each (from `model`
    /// unless it is "auto").
    func expectConcurrentStreams(_ count: Int, model: String, _ runner: BinaryRunner, _ gateway: GatewayProcess) throws {
        let result = try client(gateway, ["concurrent", String(count), model])
        #expect((result["errors"] as? [Any])?.isEmpty == true, "\(result["errors"] ?? "")")
        let answers = try #require(result["answers"] as? [Any])
        #expect(answers.count == count && answers.allSatisfy { $0 as? String == ServeEndToEndTests.answer })
        #expect(gateway.stop() == 0)
        let rows = try ServeEndToEndTests.requests(runner)
        #expect(rows.count == count && rows.allSatisfy {
            $0.command == "serve" && $0.outcome == "ok" && (model == "auto" || $0.finalModel == model)
        })
    }
}

extension ServeOpenAISDKTests {
    /// The upstream answers only once 20 requests are in flight at once, so the gateway must
    /// hold 20 upstream streams together. AsyncHTTPClient's default pool (8 connections per
    /// host) queued the rest behind them: 50 slow streams got 8 answers at a time.
    @Test func twentyStreamsInFlightAtOnceUpstream() throws {
        try GatewayProcess.with(primary: "gather", arguments: ["--retries", "0"]) { runner, gateway in
            try expectConcurrentStreams(20, model: "primary", runner, gateway)
        }
    }
}

enum OpenAISDK {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The venv's python with the openai package (`make openai-venv`); LLMROUTE_OPENAI_PYTHON overrides.
    static var python: String? {
        let path = ProcessInfo.processInfo.environment["LLMROUTE_OPENAI_PYTHON"]
            ?? root.appendingPathComponent(".venv-openai/bin/python").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Servers/openai_client.py against the gateway: the JSON object it prints.
    static func run(_ gateway: GatewayProcess, _ arguments: [String], key: String = "unused") throws -> [String: Any] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Servers/openai_client.py").path
        let output = try GatewayProcess.capture(python!, [script, gateway.baseURL] + arguments,
                                                environment: ["OPENAI_API_KEY": key, "PATH": "/usr/bin:/bin", "NO_PROXY": "127.0.0.1"])
        return try #require(try BinaryRunner.json(output) as? [String: Any], "\(output)\n\(gateway.stderr)")
    }
}
