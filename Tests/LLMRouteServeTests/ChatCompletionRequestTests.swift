import LLMRouteCore
@testable import LLMRouteServe
import Testing

/// The gateway's request decoder: what is mapped onto the engine's request, and what is refused.
@Suite("serve: Chat Completions request decoding")
struct ChatCompletionRequestTests {
    func decode(_ text: String) throws(GatewayError) -> ChatCompletionRequest {
        try ChatCompletionRequest.decode(Array(text.utf8))
    }

    func refusal(_ text: String) -> GatewayError? {
        do { _ = try decode(text); return nil } catch { return error }
    }

    @Test func mapsEveryAcceptedField() throws {
        let request = try decode("""
        {"model": "llmroute/auto", "stream": true, "stream_options": {"include_usage": true}, "max_completion_tokens": 64,
         "max_tokens": 10, "temperature": 0.2, "stop": ["END", "##"], "n": 1, "user": "u1",
         "messages": [{"role": "system", "content": "Be brief."}, {"role": "developer", "content": "No lists."},
                      {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"},
                      {"role": "user", "content": [{"type": "text", "text": "Say "}, {"type": "text", "text": "more"}]}]}
        """)
        #expect(request.routed && request.stream && request.includeUsage)
        #expect(request.maxTokens == 64, "max_completion_tokens wins over the deprecated max_tokens")
        #expect(request.temperature == 0.2 && request.stop == ["END", "##"])
        #expect(request.system == "Be brief.\n\nNo lists.")
        #expect(request.messages == [ChatMessage(role: .user, content: "Hi"), ChatMessage(role: .assistant, content: "Hello"),
                                     ChatMessage(role: .user, content: "Say more")])
        let plain = try decode(#"{"model": "gpt-4o-mini", "stop": "X", "max_tokens": 5, "messages": [{"role": "user", "content": "q"}]}"#)
        #expect(!plain.routed && !plain.stream && plain.stop == ["X"] && plain.maxTokens == 5)
    }

    @Test func refusesWhatCannotBeMapped() {
        let user = #"[{"role": "user", "content": "q"}]"#
        #expect(refusal("{\"model\": \"auto\", ")?.status == 400)
        #expect(refusal("[1, 2]")?.message.contains("JSON object") == true)
        #expect(refusal(#"{"messages": \#(user)}"#)?.param == "model")
        #expect(refusal(#"{"model": "auto", "messages": []}"#)?.param == "messages")
        #expect(refusal(#"{"model": "auto", "top_p": 0.1, "messages": \#(user)}"#)?.param == "top_p")
        #expect(refusal(#"{"model": "auto", "tools": [], "messages": \#(user)}"#)?.param == "tools")
        #expect(refusal(#"{"model": "auto", "n": 2, "messages": \#(user)}"#)?.param == "n")
        #expect(refusal(#"{"model": "auto", "temperature": 3, "messages": \#(user)}"#)?.param == "temperature")
        #expect(refusal(#"{"model": "auto", "max_tokens": 0, "messages": \#(user)}"#)?.param == "max_tokens")
        #expect(refusal(#"{"model": "auto", "stop": [1], "messages": \#(user)}"#)?.param == "stop")
        #expect(refusal(#"{"model": "auto", "stream_options": {"x": 1}, "messages": \#(user)}"#)?.param == "stream_options")
        #expect(refusal(#"{"model": "auto", "messages": [{"role": "tool", "content": "r"}]}"#)?.message.contains("tool") == true)
        #expect(refusal(#"{"model": "auto", "messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {}}]}]}"#)?
            .message.contains("only text and image_url parts") == true)
        #expect(refusal(#"{"model": "auto", "messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]}"#)?
            .message.contains("last message") == true)
    }

    @Test func errorBodyHasOpenAIsShape() {
        let error = GatewayError(status: 404, message: "no", param: "model", code: "model_not_found")
        #expect(error.body.serialized() == #"{"error":{"message":"no","type":"invalid_request_error","param":"model","code":"model_not_found"}}"#)
        #expect(GatewayError.invalid("bad").body.serialized().contains(#""param":null,"code":null"#))
    }

    @Test func clientKeysCompareWholly() {
        #expect(ServeSettings.keysMatch("sk-abc", "sk-abc"))
        #expect(!ServeSettings.keysMatch("sk-abd", "sk-abc"))
        #expect(!ServeSettings.keysMatch("sk-ab", "sk-abc"))
        #expect(!ServeSettings.keysMatch("sk-abcd", "sk-abc"))
        #expect(!ServeSettings.keysMatch("", "sk-abc"))
        #expect(ServeSettings.isLoopback("127.0.0.1") && ServeSettings.isLoopback("::1") && ServeSettings.isLoopback("localhost"))
        #expect(!ServeSettings.isLoopback("0.0.0.0") && !ServeSettings.isLoopback("192.168.1.2"))
    }

    @Test func finishReasonsInOpenAIsWords() {
        #expect(ChatCompletionFormat.finishReason("end_turn") == "stop")
        #expect(ChatCompletionFormat.finishReason("max_tokens") == "length")
        #expect(ChatCompletionFormat.finishReason("length") == "length")
        #expect(ChatCompletionFormat.finishReason("refusal") == "content_filter")
    }
}
