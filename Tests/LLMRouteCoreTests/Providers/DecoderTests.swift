import Testing
@testable import LLMRouteCore

@Suite("Provider stream decoders")
struct DecoderTests {
    @Test func openAIChunksAsRealServersSendThem() throws {
        var decoder = OpenAIStreamDecoder()
        func events(_ data: String) throws(ProviderError) -> [ChatEvent] { try decoder.decode(SSEEvent(data: data)) }
        #expect(try events(#"{"choices":[{"index":0,"delta":{"role":"assistant","content":null},"finish_reason":null}]}"#) == [])
        #expect(try events(#"{"choices":[{"delta":{"reasoning_content":"think"}}],"new_field":{"a":1}}"#) == [.reasoning("think")])
        #expect(try events(#"{"choices":[{"delta":{"reasoning":"or","content":"Hi"}}]}"#) == [.reasoning("or"), .text("Hi")])
        #expect(try events(#"{"choices":[{"delta":{"content":[{"type":"text","text":"A"},{"type":"image_url"},{"type":"text","text":"B"}]}}]}"#)
                == [.text("A"), .text("B")])
        #expect(try events(#"{"choices":[{"delta":{},"finish_reason":"stop"}]}"#) == [.stop("stop")])
        #expect(try events(#"{"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":34}}"#) == [.usage(TokenUsage(inputTokens: 12, outputTokens: 34))])
        #expect(try events("[DONE]") == [])
        #expect(throws: ProviderError.self) { try events(#"{"choices": [{"delta": {"content": "x""#) }
        do {
            _ = try events(#"{"error":{"message":"Overloaded","code":529}}"#)
            Issue.record("expected an error")
        } catch { #expect(error.kind == .overloaded) }
    }

    @Test func anthropicEvents() throws {
        var decoder = AnthropicStreamDecoder()
        func events(_ type: String, _ data: String) throws(ProviderError) -> [ChatEvent] { try decoder.decode(SSEEvent(type: type, data: data)) }
        #expect(try events("message_start", #"{"type":"message_start","message":{"usage":{"input_tokens":25,"output_tokens":1}}}"#)
                == [.usage(TokenUsage(inputTokens: 25, outputTokens: 1))])
        #expect(try events("ping", #"{"type": "ping"}"#) == [])
        #expect(try events("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"hmm"}}"#) == [.reasoning("hmm")])
        #expect(try events("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQ"}}"#) == [])
        #expect(try events("content_block_delta", #"{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hello"}}"#) == [.text("Hello")])
        #expect(try events("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":15}}"#)
                == [.usage(TokenUsage(inputTokens: 25, outputTokens: 15)), .stop("end_turn")])
        #expect(try events("message_stop", #"{"type":"message_stop"}"#) == [])
        do {
            _ = try events("error", #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#)
            Issue.record("expected an error")
        } catch { #expect(error.kind == .overloaded) }
    }

    @Test func anthropicWholeResponseAndRequestShape() throws {
        let provider = AnthropicProvider(info: ProviderInfo(name: "anthropic", api: .anthropic, baseURL: "https://x/", apiKeyEnv: "K"))
        let body = try JSONParser.parse(#"{"content":[{"type":"thinking","thinking":"t"},{"type":"text","text":"Hi"}],"stop_reason":"refusal","usage":{"input_tokens":3,"output_tokens":4}}"#)
        #expect(try provider.decodeWhole(body) == [.reasoning("t"), .text("Hi"), .usage(TokenUsage(inputTokens: 3, outputTokens: 4)), .stop("refusal")])
        let model = ModelInfo(id: "claude", provider: "anthropic", api: .anthropic, inputCostPerToken: 0, outputCostPerToken: 0,
                              contextWindow: 1000, maxOutputTokens: 64000, quality: 1, qualitySource: "")
        let prepared = provider.prepare(ChatRequest(system: "be brief", messages: [ChatMessage(role: .user, content: "q")]),
                                        model: model, baseURL: "https://x/", apiKey: "sk-ant-secret-value-123")
        #expect(prepared.url == "https://x/v1/messages")
        #expect(prepared.body["system"]?.stringValue == "be brief")
        #expect(prepared.body["max_tokens"] == .integer(4096))
        #expect(!prepared.maskedHeaders.contains { $0.1.contains("secret") })
        #expect(prepared.headers.contains { $0 == ("anthropic-version", "2023-06-01") })
    }

    @Test func openAIRequestShape() {
        let provider = OpenAIProvider(info: ProviderInfo(name: "ollama", api: .openai, baseURL: "http://localhost:11434/v1", apiKeyEnv: nil))
        let model = ModelInfo(id: "llama3.2", provider: "ollama", api: .openai, inputCostPerToken: 0, outputCostPerToken: 0,
                              contextWindow: 1000, maxOutputTokens: 100, quality: 1, qualitySource: "")
        let prepared = provider.prepare(ChatRequest(system: "s", messages: [ChatMessage(role: .user, content: "q")], maxTokens: 5),
                                        model: model, baseURL: "http://localhost:11434/v1", apiKey: nil)
        #expect(prepared.url == "http://localhost:11434/v1/chat/completions")
        #expect(!prepared.headers.contains { $0.0 == "authorization" })
        #expect(prepared.body["stream_options"]?["include_usage"] == .bool(true))
        #expect(prepared.body["max_tokens"] == .integer(5))
    }
}
