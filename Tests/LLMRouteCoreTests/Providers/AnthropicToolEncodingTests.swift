@testable import LLMRouteCore
import Testing

/// Tools, tool turns and images mapped from Chat Completions' shape to Anthropic Messages and
/// back: requests, streamed tool_use blocks, whole responses.
@Suite("Anthropic tool and image mapping")
struct AnthropicToolEncodingTests {
    let provider = AnthropicProvider(info: ProviderInfo(name: "anthropic", api: .anthropic, baseURL: "http://127.0.0.1:1", apiKeyEnv: nil))
    let model = ModelInfo(id: "claude", provider: "anthropic", api: .anthropic, inputCostPerToken: 0, outputCostPerToken: 0,
                          contextWindow: 1000, maxOutputTokens: 1000, quality: 1, qualitySource: "")

    func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    func body(_ request: ChatRequest) -> JSONValue {
        provider.prepare(request, model: model, baseURL: "http://127.0.0.1:1", apiKey: nil).body
    }

    @Test func toolsAndToolChoice() throws {
        let weather = try json(#"{"type":"function","function":{"name":"get_weather","description":"Weather now","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"strict":true}}"#)
        let bare = try json(#"{"type":"function","function":{"name":"now"}}"#)
        var request = ChatRequest(messages: [ChatMessage(role: .user, content: "q")])
        request.tools = ToolOptions(tools: [weather, bare], choice: .string("required"))
        let sent = body(request)
        #expect(sent["tools"] == (try json("""
            [{"name":"get_weather","description":"Weather now","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"strict":true},
             {"name":"now","input_schema":{"type":"object","properties":{}}}]
            """)))
        #expect(sent["tool_choice"] == (try json(#"{"type":"any"}"#)))
        let choices: [(JSONValue?, Bool?, String?)] = [
            (.string("auto"), nil, #"{"type":"auto"}"#), (.string("none"), nil, #"{"type":"none"}"#),
            (try json(#"{"type":"function","function":{"name":"now"}}"#), nil, #"{"type":"tool","name":"now"}"#),
            (nil, false, #"{"type":"auto","disable_parallel_tool_use":true}"#),
            (.string("required"), false, #"{"type":"any","disable_parallel_tool_use":true}"#),
            (nil, nil, nil),
        ]
        for (choice, parallel, expected) in choices {
            request.tools = ToolOptions(tools: [bare], choice: choice, parallel: parallel)
            #expect(body(request)["tool_choice"] == (try expected.map(json)), "\(String(describing: choice)) \(String(describing: parallel))")
        }
    }

    @Test func toolTurnsBecomeToolUseAndToolResultBlocks() throws {
        var call = ChatMessage(role: .assistant, content: "Checking.")
        call.toolCalls = [ToolCall(id: "call_1", name: "get_weather", arguments: #"{"city":"Paris"}"#),
                          ToolCall(id: "call_2", name: "now", arguments: "")]
        var first = ChatMessage(role: .tool, content: "18C")
        first.toolCallID = "call_1"
        var second = ChatMessage(role: .tool, content: "noon")
        second.toolCallID = "call_2"
        let request = ChatRequest(messages: [ChatMessage(role: .user, content: "Weather?"), call, first, second,
                                             ChatMessage(role: .user, content: "And?")])
        #expect(body(request)["messages"] == (try json("""
            [{"role":"user","content":"Weather?"},
             {"role":"assistant","content":[{"type":"text","text":"Checking."},
                {"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}},
                {"type":"tool_use","id":"call_2","name":"now","input":{}}]},
             {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"18C"},
                {"type":"tool_result","tool_use_id":"call_2","content":"noon"},{"type":"text","text":"And?"}]}]
            """)))
    }

    @Test func imagesBecomeImageBlocks() throws {
        var user = ChatMessage(role: .user, content: "What is this?")
        user.parts = [.text("What is this?"), .image(url: "data:image/png;base64,iVBORw0KGgo=", detail: nil),
                      .image(url: "https://example.com/cat.jpg", detail: "auto")]
        #expect(body(ChatRequest(messages: [user]))["messages"] == (try json("""
            [{"role":"user","content":[{"type":"text","text":"What is this?"},
              {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
              {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}}]}]
            """)))
    }

    /// A stream shaped as Anthropic documents it: text, then a tool_use block whose input arrives
    /// in input_json_delta pieces (the first one empty), then a call without arguments.
    @Test func streamedToolUseBecomesToolCallDeltas() throws {
        var decoder = provider.makeDecoder()
        let events: [(String, String)] = [
            ("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me check."}}"#),
            ("content_block_stop", #"{"type":"content_block_stop","index":0}"#),
            ("content_block_start", #"{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01","name":"get_weather","input":{}}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\": \"Pa"}}"#),
            ("content_block_delta", #"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"ris\"}"}}"#),
            ("content_block_stop", #"{"type":"content_block_stop","index":1}"#),
            ("content_block_start", #"{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_02","name":"now","input":{}}}"#),
            ("content_block_stop", #"{"type":"content_block_stop","index":2}"#),
            ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":40}}"#),
        ]
        var out: [ChatEvent] = []
        for (type, data) in events { out += try decoder.decode(SSEEvent(type: type, data: data)) }
        let calls = out.compactMap { if case .toolCall(let delta) = $0 { delta } else { nil } }
        #expect(calls == [
            ToolCallDelta(index: 0, id: "toolu_01", name: "get_weather", arguments: ""),
            ToolCallDelta(index: 0, arguments: #"{"city": "Pa"#), ToolCallDelta(index: 0, arguments: #"ris"}"#),
            ToolCallDelta(index: 1, id: "toolu_02", name: "now", arguments: ""), ToolCallDelta(index: 1, arguments: "{}"),
        ])
        #expect(out.first == .text("Let me check.") && out.last == .stop("tool_use"))
        var assembled: [ToolCall] = []
        for delta in calls { assembled.apply(delta) }
        #expect(assembled == [ToolCall(id: "toolu_01", name: "get_weather", arguments: #"{"city": "Paris"}"#),
                              ToolCall(id: "toolu_02", name: "now", arguments: "{}")])
    }

    @Test func wholeToolUseResponse() throws {
        let response = try json("""
            {"content":[{"type":"text","text":"Sure."},{"type":"tool_use","id":"toolu_9","name":"get_weather","input":{"city":"Oslo"}}],
             "stop_reason":"tool_use","usage":{"input_tokens":5,"output_tokens":7}}
            """)
        let events = try provider.decodeWhole(response)
        #expect(events.contains(.toolCall(ToolCallDelta(index: 0, id: "toolu_9", name: "get_weather", arguments: #"{"city":"Oslo"}"#))))
        #expect(events.last == .stop("tool_use"))
    }
}
