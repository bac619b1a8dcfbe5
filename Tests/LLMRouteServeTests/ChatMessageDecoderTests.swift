import LLMRouteCore
@testable import LLMRouteServe
import Testing

/// Tool turns and images in a request's messages: what is mapped onto the engine's turns, which
/// capabilities that asks of the model, and what is refused.
@Suite("serve: tool and image messages")
struct ChatMessageDecoderTests {
    func decode(_ messages: String, extra: String = "") throws(GatewayError) -> ChatCompletionRequest {
        try ChatCompletionRequest.decode(Array(#"{"model": "auto", \#(extra) "messages": \#(messages)}"#.utf8))
    }

    func refusal(_ messages: String, extra: String = "") -> GatewayError? {
        do { _ = try decode(messages, extra: extra); return nil } catch { return error }
    }

    @Test func toolLoopTurns() throws {
        let request = try decode("""
            [{"role": "user", "content": "Weather in Paris?"},
             {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function",
               "function": {"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}}]},
             {"role": "tool", "tool_call_id": "call_1", "content": [{"type": "text", "text": "18C"}]}]
            """)
        var call = ChatMessage(role: .assistant, content: "")
        call.toolCalls = [ToolCall(id: "call_1", name: "get_weather", arguments: #"{"city": "Paris"}"#)]
        var result = ChatMessage(role: .tool, content: "18C")
        result.toolCallID = "call_1"
        #expect(request.messages == [ChatMessage(role: .user, content: "Weather in Paris?"), call, result])
        #expect(request.requiredCapabilities == [.tools], "a tool turn needs function calling even without tools offered")
        #expect(request.tools == nil)
    }

    @Test func imagePartsKeepTheirOrder() throws {
        let request = try decode("""
            [{"role": "user", "content": [{"type": "text", "text": "Compare "}, {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
              {"type": "text", "text": "with"}, {"type": "image_url", "image_url": {"url": "https://example.com/b.jpg", "detail": "high"}}]}]
            """)
        let user = try #require(request.messages.first)
        #expect(user.content == "Compare with")
        #expect(user.parts == [.text("Compare "), .image(url: "data:image/png;base64,iVBORw0KGgo=", detail: nil), .text("with"),
                               .image(url: "https://example.com/b.jpg", detail: "high")])
        #expect(user.parts?[1].dataURL?.mediaType == "image/png" && user.parts?[1].dataURL?.data == "iVBORw0KGgo=")
        #expect(request.requiredCapabilities == [.vision])
        #expect(request.openAIOnly == ["messages[0].content[3].image_url.detail"], "Anthropic has no detail: only OpenAI upstreams can take it")
        let textOnly = try decode(#"[{"role": "user", "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]}]"#)
        #expect(textOnly.messages.first?.parts == nil && textOnly.requiredCapabilities.isEmpty)
    }

    @Test func refusesWhatCannotBeMapped() {
        let user = #"{"role": "user", "content": "q"}"#
        func image(_ url: String) -> String { #"[{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "\#(url)"}}]}]"# }
        #expect(refusal(image("ftp://x/a.png"))?.message.contains("http(s) URL") == true)
        #expect(refusal(image("data:text/plain;base64,aGk="))?.message.contains("data:image/") == true)
        #expect(refusal(image("data:image/png,raw"))?.message.contains("base64") == true)
        #expect(refusal(#"[{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://x/a.png", "detail": "ultra"}}]}]"#) != nil)
        #expect(refusal(#"[{"role": "system", "content": [{"type": "image_url", "image_url": {"url": "https://x/a.png"}}]}]"#)?
            .message.contains("only text parts") == true, "images only in user turns")
        #expect(refusal(#"[\#(user), {"role": "assistant", "content": null, "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "[1]"}}]}, {"role": "tool", "tool_call_id": "c", "content": "r"}]"#)?
            .message.contains("JSON object") == true)
        #expect(refusal(#"[\#(user), {"role": "assistant", "content": null}, \#(user)]"#)?.param == "messages[1]", "null content needs tool calls")
        #expect(refusal(#"[{"role": "tool", "content": "r"}]"#)?.message.contains("tool_call_id") == true)
        #expect(refusal(#"[{"role": "user", "content": "q", "tool_call_id": "c"}]"#)?.message.contains("tool_call_id") == true)
        #expect(refusal(#"[\#(user), {"role": "assistant", "content": "a", "audio": {}}, \#(user)]"#)?.message.contains("audio") == true)
    }
}
