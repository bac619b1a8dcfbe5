@testable import LLMRouteCore
import Testing

/// Tools, tool turns and images in Chat Completions: sent upstream in the shape they came in,
/// and streamed `tool_calls` pieces decoded without touching their argument text.
@Suite("OpenAI tool and image encoding")
struct OpenAIToolEncodingTests {
    let provider = OpenAIProvider(info: ProviderInfo(name: "openai", api: .openai, baseURL: "http://127.0.0.1:1/v1", apiKeyEnv: nil))
    let model = ModelInfo(id: "gpt-4o-mini", provider: "openai", api: .openai, inputCostPerToken: 0, outputCostPerToken: 0,
                          contextWindow: 1000, maxOutputTokens: 1000, quality: 1, qualitySource: "")

    func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    @Test func toolsTurnsAndImagesGoUpstreamAsSent() throws {
        let tools = try json(#"[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{}},"strict":true}}]"#)
        guard case .array(let list) = tools else { Issue.record("not an array"); return }
        var user = ChatMessage(role: .user, content: "What is this?")
        user.parts = [.text("What is this?"), .image(url: "https://example.com/a.png", detail: "low")]
        var call = ChatMessage(role: .assistant, content: "")
        call.toolCalls = [ToolCall(id: "call_1", name: "get_weather", arguments: #"{"city":"Paris"}"#)]
        var result = ChatMessage(role: .tool, content: "18C")
        result.toolCallID = "call_1"
        var request = ChatRequest(messages: [user, call, result])
        request.tools = ToolOptions(tools: list, choice: .string("auto"), parallel: false)
        let body = provider.prepare(request, model: model, baseURL: "http://127.0.0.1:1/v1", apiKey: nil).body
        #expect(body["messages"] == (try json("""
            [{"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"https://example.com/a.png","detail":"low"}}]},
             {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
             {"role":"tool","content":"18C","tool_call_id":"call_1"}]
            """)))
        #expect(body["tools"] == tools)
        #expect(body["tool_choice"] == .string("auto") && body["parallel_tool_calls"] == .bool(false))
        let plain = provider.prepare(ChatRequest(messages: [ChatMessage(role: .user, content: "q")]), model: model,
                                     baseURL: "http://127.0.0.1:1/v1", apiKey: nil).body
        let plainMessages = try json(#"[{"role":"user","content":"q"}]"#)
        #expect(plain["tools"] == nil && plain["messages"] == plainMessages)
    }

    /// Chunks shaped as OpenAI streams a tool call: id and name first with empty arguments,
    /// then argument pieces (one splitting an escape sequence), then finish_reason tool_calls.
    @Test func streamedToolCallPiecesPassUntouched() throws {
        var decoder = provider.makeDecoder()
        let chunks = [
            #"{"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":""}}],"refusal":null},"finish_reason":null}]}"#,
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"ci"}}]},"finish_reason":null}]}"#,
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ty\": \"S\\u00e3o \\"}}]},"finish_reason":null}]}"#,
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Paulo\\\"\"}"}}]},"finish_reason":null}]}"#,
            #"{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}"#,
        ]
        var events: [ChatEvent] = []
        for chunk in chunks { events += try decoder.decode(SSEEvent(data: chunk)) }
        var calls: [ToolCall] = []
        for case .toolCall(let delta) in events { calls.apply(delta) }
        #expect(calls == [ToolCall(id: "call_abc", name: "get_weather", arguments: #"{"city": "S\u00e3o \"Paulo\""}"#)])
        #expect(events.last == .stop("tool_calls"))
        #expect(events.first == .toolCall(ToolCallDelta(index: 0, id: "call_abc", name: "get_weather", arguments: "")))
    }

    @Test func wholeToolCallAnswer() throws {
        let body = try json("""
            {"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
              {"id":"call_1","type":"function","function":{"name":"a","arguments":"{}"}},
              {"id":"call_2","type":"function","function":{"name":"b","arguments":"{\\"x\\":1}"}}]},"finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}
            """)
        let events = try provider.decodeWhole(body)
        #expect(Array(events.prefix(2)) == [.toolCall(ToolCallDelta(index: 0, id: "call_1", name: "a", arguments: "{}")),
                                            .toolCall(ToolCallDelta(index: 1, id: "call_2", name: "b", arguments: #"{"x":1}"#))])
        #expect(events.contains(.stop("tool_calls")))
    }
}
