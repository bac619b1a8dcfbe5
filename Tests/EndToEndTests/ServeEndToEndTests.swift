import Foundation
import LLMRouteCore
import Testing

/// `llmroute serve` through the built binary, in front of the fault server (127.0.0.1 only):
/// curl, errors in OpenAI's shape, auth, the ledger, budgets and graceful shutdown.
@Suite("End to end: serve", .serialized)
struct ServeEndToEndTests {
    static let answer = "Hello from the fault server."

    static func request(model: String = "auto", stream: Bool = false, extra: String = "") -> String {
        """
        {"model": "\(model)", "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hello"}], \
        "stream": \(stream)\(stream ? ", \"stream_options\": {\"include_usage\": true}" : "")\(extra)}
        """
    }

    static func requests(_ runner: BinaryRunner) throws -> [UsageRecord] {
        let path = runner.home.appendingPathComponent("data/llmroute/usage.sqlite").path
        return try SQLiteUsageLedger(path: path).records(kind: .request, from: nil, until: nil)
    }

    /// The `data:` payloads of an SSE body, decoded ([DONE] as the string "[DONE]").
    static func events(_ body: String) throws -> [Any] {
        try body.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { event in
            let data = String(try #require(event.split(separator: "\n").first { $0.hasPrefix("data: ") }).dropFirst(6))
            return data == "[DONE]" ? data : try BinaryRunner.json(data)
        }
    }

    static func header(_ name: String, in headers: String) -> String? {
        headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix(name + ":") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    @Test func wholeAnswerThroughCurl() throws {
        try GatewayProcess.with { runner, gateway in
            let (status, headers, body) = try gateway.curl("/v1/chat/completions", body: Self.request(model: "primary"))
            #expect(status == 200, "\(body)")
            let object = try #require(try BinaryRunner.json(body) as? [String: Any])
            let choice = try #require((object["choices"] as? [[String: Any]])?.first)
            #expect((choice["message"] as? [String: Any])?["content"] as? String == Self.answer)
            #expect(choice["finish_reason"] as? String == "stop")
            #expect(object["model"] as? String == "primary")
            #expect(object["object"] as? String == "chat.completion")
            let usage = try #require(object["usage"] as? [String: Any])
            #expect(usage["prompt_tokens"] as? Int == 11 && usage["completion_tokens"] as? Int == 5)
            let cost = try #require(Double(Self.header("x-llmroute-cost-usd", in: headers) ?? ""))
            #expect(abs(cost - (11 * 1e-6 + 5 * 2e-6)) < 1e-12)
            #expect(Self.header("x-llmroute-model", in: headers) == "primary")
            #expect(Self.header("x-llmroute-tier", in: headers) != nil && Self.header("x-llmroute-task", in: headers) != nil)
            #expect(gateway.stop() == 0)
            let rows = try Self.requests(runner)
            #expect(rows.count == 1 && rows.first?.command == "serve" && rows.first?.finalModel == "primary")
        }
    }

    @Test func streamThroughCurlOverBothProtocols() throws {
        try GatewayProcess.with { runner, gateway in
            for model in ["primary", "backup"] {
                let (status, headers, body) = try gateway.curl("/v1/chat/completions", body: Self.request(model: model, stream: true), streaming: true)
                #expect(status == 200, "\(body)")
                #expect(Self.header("content-type", in: headers) == "text/event-stream")
                #expect(Self.header("x-llmroute-model", in: headers) == model)
                let events = try Self.events(body)
                #expect(events.last as? String == "[DONE]")
                let chunks = events.compactMap { $0 as? [String: Any] }
                let deltas = chunks.compactMap { (($0["choices"] as? [[String: Any]])?.first?["delta"] as? [String: Any])?["content"] as? String }
                // Piece by piece what the upstream sent (after the role chunk's empty content).
                #expect(deltas == ["", "Hello", " from", " the", " fault", " server."])
                #expect(chunks.allSatisfy { $0["object"] as? String == "chat.completion.chunk" && $0["model"] as? String == model })
                let finish = chunks.compactMap { ($0["choices"] as? [[String: Any]])?.first?["finish_reason"] as? String }
                #expect(finish == ["stop"])
                let usage = try #require(chunks.last?["usage"] as? [String: Any])
                #expect((chunks.last?["choices"] as? [Any])?.isEmpty == true)
                #expect(usage["completion_tokens"] as? Int == 5)
                #expect(abs((usage["cost_usd"] as? Double ?? 0) - (11 * 1e-6 + 5 * 2e-6)) < 1e-12)
            }
            #expect(gateway.stop() == 0)
            #expect(try Self.requests(runner).map(\.command) == ["serve", "serve"])
        }
    }

    @Test func autoRoutesAndSaysWhere() throws {
        try GatewayProcess.with { runner, gateway in
            for model in ["auto", "llmroute/auto"] {
                let (status, headers, body) = try gateway.curl("/v1/chat/completions", body: Self.request(model: model))
                #expect(status == 200, "\(body)")
                let routed = try #require(Self.header("x-llmroute-model", in: headers))
                #expect(["primary", "backup"].contains(routed))
                #expect((try BinaryRunner.json(body) as? [String: Any])?["model"] as? String == routed)
            }
            // A routing hint in a header: an unknown strategy is a 400 naming the header.
            let (status, _, body) = try gateway.curl("/v1/chat/completions", body: Self.request(), headers: ["x-llmroute-strategy: nonsense"])
            #expect(status == 400 && body.contains("x-llmroute-strategy"), "\(body)")
        }
    }

    @Test func errorsInOpenAIShape() throws {
        try GatewayProcess.with(config: "[serve]\nmax_body_mb = 0.01") { runner, gateway in
            func error(_ body: String) throws -> (Int, [String: Any]) {
                let (status, _, text) = try gateway.curl("/v1/chat/completions", body: body)
                let object = try #require(try BinaryRunner.json(text) as? [String: Any], "\(text)")
                let error = try #require(object["error"] as? [String: Any], "\(text)")
                #expect(error.keys.sorted() == ["code", "message", "param", "type"])
                return (status, error)
            }
            let (malformed, malformedError) = try error("{\"model\": \"auto\", ")
            #expect(malformed == 400 && malformedError["type"] as? String == "invalid_request_error")
            let (unknown, unknownError) = try error(Self.request(model: "no-such-model"))
            #expect(unknown == 404 && unknownError["code"] as? String == "model_not_found")
            #expect((unknownError["message"] as? String)?.contains("no-such-model") == true)
            let (tools, toolsError) = try error(Self.request(extra: ", \"top_p\": 0.5"))
            #expect(tools == 400 && toolsError["param"] as? String == "top_p")
            let (large, _) = try error(Self.request(extra: ", \"user\": \"\(String(repeating: "x", count: 20_000))\""))
            #expect(large == 413)
            let (health, _, healthBody) = try gateway.curl("/health")
            #expect(health == 200 && healthBody.contains("ok"))
            let (models, _, modelsBody) = try gateway.curl("/v1/models")
            let ids = ((try BinaryRunner.json(modelsBody) as? [String: Any])?["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(models == 200 && ids.first == "auto" && ids.contains("primary") && ids.contains("backup"))
            // Refused requests never reach an upstream, so nothing is recorded for them.
            #expect(gateway.stop() == 0)
            #expect(try Self.requests(runner).isEmpty)
        }
    }

    @Test func clientKeyRequiredWhenConfiguredAndExposedBindRefused() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: "ok")
        let exposed = try runner.run(["serve", "--host", "0.0.0.0", "--port", "0"])
        #expect(exposed.status == 2 && exposed.stderr.contains("without a client key"), "\(exposed.stderr)")
        let unset = try runner.run(["serve", "--port", "0", "--api-key-env", "LLMROUTE_TEST_CLIENT_KEY"])
        #expect(unset.status == 2 && unset.stderr.contains("LLMROUTE_TEST_CLIENT_KEY"), "\(unset.stderr)")

        let key = "sk-client-" + UUID().uuidString
        let gateway = try GatewayProcess(runner, ["--api-key-env", "LLMROUTE_TEST_CLIENT_KEY"],
                                         environment: ["LLMROUTE_TEST_CLIENT_KEY": key])
        defer { gateway.stop() }
        let (none, _, noneBody) = try gateway.curl("/v1/chat/completions", body: Self.request(model: "primary"))
        #expect(none == 401 && noneBody.contains("invalid_api_key"))
        let (wrong, _, _) = try gateway.curl("/v1/chat/completions", body: Self.request(model: "primary"),
                                             headers: ["Authorization: Bearer \(key.dropLast())x"])
        #expect(wrong == 401)
        let (models, _, _) = try gateway.curl("/v1/models")
        #expect(models == 401)
        let (right, _, body) = try gateway.curl("/v1/chat/completions", body: Self.request(model: "primary"),
                                                headers: ["Authorization: Bearer \(key)"])
        #expect(right == 200 && body.contains(Self.answer))
        #expect(gateway.stop() == 0)
        #expect(!gateway.stderr.contains(key), "the client key is never printed")
        let rows = try Self.requests(runner)
        #expect(rows.count == 1)
        let ledgerBytes = try Data(contentsOf: runner.home.appendingPathComponent("data/llmroute/usage.sqlite"))
        #expect(ledgerBytes.range(of: Data(key.utf8)) == nil, "the client key is never stored")
    }

    @Test func budgetRefusesWith429NamingIt() throws {
        try GatewayProcess.with(config: "[budget]\ndaily = 0") { runner, gateway in
            let (status, _, body) = try gateway.curl("/v1/chat/completions", body: Self.request(model: "primary"))
            #expect(status == 429, "\(body)")
            let error = try #require((try BinaryRunner.json(body) as? [String: Any])?["error"] as? [String: Any])
            #expect(error["type"] as? String == "insufficient_quota" && error["code"] as? String == "insufficient_quota")
            #expect((error["message"] as? String)?.contains("daily budget") == true, "\(error)")
        }
    }

    /// SIGTERM mid-stream: the stream still ends whole, the server exits 0, the row is written.
    @Test func gracefulShutdownLetsAStreamFinish() throws {
        try GatewayProcess.with(primary: "paced") { runner, gateway in
            let output = Locked<(status: Int, headers: String, body: String)?>(nil)
            let client = Thread {
                let result = try? gateway.curl("/v1/chat/completions", body: Self.request(model: "primary", stream: true), streaming: true)
                output.withLock { $0 = result }
            }
            client.start()
            Thread.sleep(forTimeInterval: 1.0)  // the paced answer takes over 2 s
            #expect(gateway.stop(grace: 30) == 0)
            let deadline = Date().addingTimeInterval(30)
            while output.withLock({ $0 == nil }) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            let result = try #require(output.withLock { $0 })
            #expect(result.status == 200)
            let deltas = try Self.events(result.body).compactMap { (($0 as? [String: Any])?["choices"] as? [[String: Any]])?.first?["delta"] as? [String: Any] }
                .compactMap { $0["content"] as? String }
            #expect(deltas.count == 2001 && deltas.last == " tok1999", "every token arrived")
            #expect(result.body.hasSuffix("data: [DONE]\n\n"))
            let rows = try Self.requests(runner)
            #expect(rows.count == 1 && rows.first?.outcome == "ok")
        }
    }

    /// A client that hangs up mid-stream cancels the upstream call (the 20 s answer does not
    /// run on), and the ledger records the request as interrupted with what had been used.
    @Test func clientDisconnectCancelsTheUpstreamCall() throws {
        try GatewayProcess.with(primary: "slow") { runner, gateway in
            let started = Date()
            var arguments = ["-sS", "-N", "--max-time", "1", "-o", "/dev/null", "-H", "content-type: application/json"]
            arguments += ["--data-binary", Self.request(model: "primary", stream: true), "\(gateway.baseURL)/chat/completions"]
            _ = try GatewayProcess.capture("/usr/bin/curl", arguments)
            var rows: [UsageRecord] = []
            while rows.isEmpty && Date().timeIntervalSince(started) < 10 {
                Thread.sleep(forTimeInterval: 0.1)
                rows = (try? Self.requests(runner)) ?? []
            }
            #expect(Date().timeIntervalSince(started) < 10, "recorded long before the answer's 20 s")
            let row = try #require(rows.first)
            #expect(rows.count == 1 && row.outcome == "interrupted" && row.command == "serve")
            #expect(row.outputTokens > 0 && row.tokensEstimated, "the text that arrived is counted")
            #expect(row.finalModel == "primary")
            #expect(gateway.stop(grace: 5) == 0)
        }
    }

    /// `llmroute ask` pointed at the gateway: one llmroute speaking to another over OpenAI's protocol.
    @Test func askThroughTheGateway() throws {
        try GatewayProcess.with { runner, gateway in
            let client = try BinaryRunner()
            defer { client.cleanup() }
            try client.writeConfig("""
            [providers.gateway]
            kind = "openai"
            base_url = "\(gateway.baseURL)"
            [models."auto"]
            provider = "gateway"
            input_price = 1.0
            output_price = 2.0
            context_window = 16000
            [routing]
            candidates = ["auto"]
            """)
            for flags in [[], ["--no-stream"]] {
                let result = try client.run(["ask", "-m", "auto"] + flags + ["Say hello"])
                #expect(result.status == 0 && result.stdout == Self.answer + "\n", "\(result.stderr)")
            }
            #expect(gateway.stop() == 0)
            #expect(try Self.requests(runner).count == 2)
        }
    }

    /// GET /metrics: Prometheus text with requests, failures, tokens, cost and latency by model.
    @Test func metricsInPrometheusFormat() throws {
        try GatewayProcess.with { _, gateway in
            for _ in 0..<2 { _ = try gateway.curl("/v1/chat/completions", body: Self.request(model: "primary")) }
            let (status, headers, body) = try gateway.curl("/metrics")
            #expect(status == 200 && Self.header("content-type", in: headers)?.hasPrefix("text/plain") == true)
            let lines = Set(body.split(separator: "\n").map(String.init))
            #expect(lines.contains(#"llmroute_serve_requests_total{model="primary",outcome="ok"} 2"#), "\(body)")
            #expect(lines.contains(#"llmroute_serve_tokens_total{model="primary",kind="output"} 10"#), "\(body)")
            #expect(lines.contains(#"llmroute_serve_request_duration_seconds_count{model="primary"} 2"#), "\(body)")
            #expect(body.contains("llmroute_serve_cost_usd_total{model=\"primary\"} 4.2e-05")
                    || body.contains("llmroute_serve_cost_usd_total{model=\"primary\"} 0.000042"), "\(body)")
            #expect(!body.contains("llmroute_serve_failures_total{model=\"primary\"}"))
        }
    }
}
