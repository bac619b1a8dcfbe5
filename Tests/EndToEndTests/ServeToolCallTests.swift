import Foundation
import LLMRouteCore
import Testing

/// Tool calls and images through `llmroute serve` with the official openai SDK, against fake
/// upstreams that stream in each protocol's documented shape (Servers/fault_server.py, scenario
/// `tools`): the call's argument text arrives exactly as the upstream sent it, over OpenAI's
/// protocol and mapped from Anthropic's; what reaches each upstream is checked as it received it.
@Suite("End to end: serve tool calls and images", .serialized, .enabled(if: OpenAISDK.python != nil))
struct ServeToolCallTests {
    /// fault_server.py's TOOL_ARGUMENTS: escapes and non-ASCII, streamed in pieces that split them.
    static let arguments = #"{"city": "S\u00e3o Paulo", "note": "say \"hi\" \\ bye", "days": [1, 2]}"#

    func client(_ gateway: GatewayProcess, _ arguments: [String]) throws -> [String: Any] {
        try OpenAISDK.run(gateway, arguments)
    }

    /// The last request body the fault server received for this test's config (its nonce).
    func upstreamBody(_ runner: BinaryRunner) throws -> [String: Any] {
        let config = try String(contentsOfFile: runner.configPath, encoding: .utf8)
        let port = FaultServer.shared.port
        let marker = try #require(config.range(of: "127.0.0.1:\(port)/"))
        let nonce = try #require(config[marker.upperBound...].split(separator: "/").dropFirst().first)
        let body = try GatewayProcess.capture("/usr/bin/curl", ["-sS", "http://127.0.0.1:\(port)/body/\(nonce)"])
        return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any], "\(body)")
    }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func toolCallsArriveIntactOverBothProtocols() throws {
        try GatewayProcess.with(primary: "tools", backup: "tools") { runner, gateway in
            for (model, id) in [("primary", "call_fault1"), ("backup", "toolu_fault1")] {
                let streamed = try client(gateway, ["tools", model, "stream"])
                let calls = try #require(streamed["calls"] as? [[String: Any]], "\(streamed)")
                #expect(calls.count == 1 && calls.first?["id"] as? String == id && calls.first?["name"] as? String == "get_weather")
                #expect(calls.first?["arguments"] as? String == Self.arguments, "\(model): the concatenated argument pieces")
                #expect((streamed["pieces"] as? Int ?? 0) >= 11, "\(model): the arguments arrived in pieces, as the upstream sent them")
                #expect(streamed["finish_reason"] as? String == "tool_calls")
                let sent = try upstreamBody(runner)
                let tools = try #require(sent["tools"] as? [[String: Any]])
                if model == "primary" {
                    #expect(sent["tool_choice"] as? String == "auto")
                    #expect((tools.first?["function"] as? [String: Any])?["name"] as? String == "get_weather", "OpenAI: as sent")
                } else {
                    #expect(sent["tool_choice"] as? NSDictionary == (try json(#"{"type": "auto"}"#)) as? NSDictionary)
                    #expect(tools.first as? NSDictionary == (try json("""
                        {"name": "get_weather", "description": "Weather for a city",
                         "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}
                        """)) as? NSDictionary, "Anthropic: input_schema")
                }
                let whole = try client(gateway, ["tools", model, "whole"])
                let call = try #require((whole["calls"] as? [[String: Any]])?.first, "\(whole)")
                #expect(call["id"] as? String == id && whole["finish_reason"] as? String == "tool_calls")
                let arguments = try #require(call["arguments"] as? String)
                #expect((try json(arguments)) as? NSDictionary == (try json(Self.arguments)) as? NSDictionary)
                if model == "primary" { #expect(arguments == Self.arguments) }
                if model == "backup" {
                    #expect(try upstreamBody(runner)["tool_choice"] as? NSDictionary == (try json(#"{"type": "any"}"#)) as? NSDictionary)
                }
            }
            #expect(gateway.stop() == 0)
            let rows = try ServeEndToEndTests.requests(runner)
            #expect(rows.count == 4 && rows.allSatisfy { $0.command == "serve" && $0.outcome == "ok" })
        }
    }

    @Test func imagesAndToolTurnsReachTheUpstreamMapped() throws {
        try GatewayProcess.with { runner, gateway in
            let openAI = try client(gateway, ["image", "primary"])
            #expect(openAI["text"] as? String == ServeEndToEndTests.answer)
            let asSent = try #require(openAI["sent"] as? NSArray)
            #expect(try upstreamBody(runner)["messages"] as? NSArray == asSent, "OpenAI protocol: the messages as the client sent them")
            let anthropic = try client(gateway, ["image", "backup"])
            #expect(anthropic["text"] as? String == ServeEndToEndTests.answer)
            let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
            let expected = try json("""
                [{"role": "user", "content": "Weather?"},
                 {"role": "assistant", "content": [{"type": "tool_use", "id": "call_1", "name": "get_weather", "input": {"city": "Paris"}}]},
                 {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "call_1", "content": "18C"},
                    {"type": "text", "text": "And what is in these?"},
                    {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "\(png)"}},
                    {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.jpg"}}]}]
                """)
            #expect(try upstreamBody(runner)["messages"] as? NSArray == expected as? NSArray, "Anthropic: tool_use, tool_result and image blocks")
        }
    }

    @Test func imageDetailOnlyOverOpenAIsProtocol() throws {
        try GatewayProcess.with { runner, gateway in
            func request(_ model: String) -> String {
                #"{"model": "\#(model)", "messages": [{"role": "user", "content": [{"type": "text", "text": "What?"}, "#
                    + #"{"type": "image_url", "image_url": {"url": "https://example.com/a.png", "detail": "high"}}]}]}"#
            }
            let refused = try gateway.curl("/v1/chat/completions", body: request("backup"))
            #expect(refused.status == 400 && refused.body.contains("image_url.detail") && refused.body.contains("Anthropic"), "\(refused.body)")
            let passed = try gateway.curl("/v1/chat/completions", body: request("primary"))
            #expect(passed.status == 200, "\(passed.body)")
            let parts = try #require((try upstreamBody(runner)["messages"] as? [[String: Any]])?.first?["content"] as? [[String: Any]])
            #expect((parts.last?["image_url"] as? [String: Any])?["detail"] as? String == "high")
        }
    }

    /// The one model with function calling: the dearest, with a 16,000-token window.
    static var toolModel: String {
        """
        [providers.fc]
        kind = "openai"
        base_url = "http://127.0.0.1:\(FaultServer.shared.port)/tools/\(UUID().uuidString)/v1"
        [models."flaky"]
        provider = "fc"
        input_price = 5.0
        output_price = 9.0
        context_window = 16000
        quality = 0.9
        capabilities = ["function_calling"]
        """
    }

    @Test func toolsAndImagesRouteOnlyToCapableModels() throws {
        try GatewayProcess.with(extraModels: Self.toolModel) { _, gateway in
            let tools = #", "tools": [{"type": "function", "function": {"name": "get_weather"}}]"#
            let routed = try gateway.curl("/v1/chat/completions", body: ServeEndToEndTests.request(extra: tools))
            #expect(routed.status == 200 && routed.headers.lowercased().contains("x-llmroute-model: flaky"), "\(routed)")
            #expect(routed.body.contains("get_weather") && routed.body.contains(#""finish_reason":"tool_calls""#))
            let plain = try gateway.curl("/v1/chat/completions", body: ServeEndToEndTests.request())
            #expect(plain.status == 200 && !plain.headers.lowercased().contains("x-llmroute-model: flaky"), "the dearest model only when needed")
            let image = #"{"model": "auto", "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}]}]}"#
            let refused = try gateway.curl("/v1/chat/completions", body: image)
            #expect(refused.status == 400 && refused.body.contains("vision"), "no model here has vision: \(refused.body)")
        }
    }

    @Test func toolDefinitionsCountAgainstTheContextWindow() throws {
        try GatewayProcess.with(extraModels: Self.toolModel) { _, gateway in
            // About 25,000 tokens of tool description: more than the only capable model's window.
            let description = String(repeating: "Returns the weather for a city. ", count: 3_200)
            let tools = #", "tools": [{"type": "function", "function": {"name": "get_weather", "description": "\#(description)"}}]"#
            let refused = try gateway.curl("/v1/chat/completions", body: ServeEndToEndTests.request(extra: tools))
            #expect(refused.status == 400 && refused.body.contains("context window"), "\(refused.status) \(refused.body.prefix(400))")
            let small = #", "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather"}}]"#
            #expect(try gateway.curl("/v1/chat/completions", body: ServeEndToEndTests.request(extra: small)).status == 200)
        }
    }
}
