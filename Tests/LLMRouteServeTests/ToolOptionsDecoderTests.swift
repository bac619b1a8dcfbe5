import LLMRouteCore
@testable import LLMRouteServe
import Testing

/// `tools`, `tool_choice` and `parallel_tool_calls`: kept as sent when both protocols can carry them.
@Suite("serve: tool options decoding")
struct ToolOptionsDecoderTests {
    let user = #"[{"role": "user", "content": "q"}]"#
    let tool = #"{"type": "function", "function": {"name": "get_weather", "description": "d", "parameters": {"type": "object"}, "strict": false}}"#

    func decode(_ extra: String) throws(GatewayError) -> ChatCompletionRequest {
        try ChatCompletionRequest.decode(Array(#"{"model": "auto", \#(extra), "messages": \#(user)}"#.utf8))
    }

    func refusal(_ extra: String) -> GatewayError? {
        do { _ = try decode(extra); return nil } catch { return error }
    }

    @Test func keepsToolsAsSent() throws {
        let request = try decode(#""tools": [\#(tool)], "tool_choice": {"type": "function", "function": {"name": "get_weather"}}, "parallel_tool_calls": false"#)
        let options = try #require(request.tools)
        #expect(options.tools == [try JSONParser.parse(tool)])
        #expect(options.choice == (try JSONParser.parse(#"{"type": "function", "function": {"name": "get_weather"}}"#)))
        #expect(options.parallel == false)
        #expect(request.requiredCapabilities == [.tools])
        for choice in ["none", "auto", "required"] {
            #expect(try decode(#""tools": [\#(tool)], "tool_choice": "\#(choice)""#).tools?.choice == .string(choice))
        }
    }

    @Test func refusesToolsThatCannotBeMapped() {
        #expect(refusal(#""tools": []"#)?.param == "tools")
        #expect(refusal(#""tools": [{"type": "web_search"}]"#)?.param == "tools[0]")
        #expect(refusal(#""tools": [{"type": "function", "function": {"description": "no name"}}]"#)?.message.contains("name") == true)
        #expect(refusal(#""tools": [{"type": "function", "function": {"name": "f", "examples": []}}]"#)?.message.contains("examples") == true)
        #expect(refusal(#""tools": [{"type": "function", "function": {"name": "f", "parameters": "x"}}]"#)?.message.contains("JSON Schema") == true)
        #expect(refusal(#""tools": [{"type": "function", "function": {"name": "f", "strict": "yes"}}]"#) != nil)
        #expect(refusal(#""tool_choice": "auto""#)?.param == "tool_choice", "a choice without tools")
        #expect(refusal(#""tools": [\#(tool)], "tool_choice": "any""#)?.param == "tool_choice")
        #expect(refusal(#""tools": [\#(tool)], "parallel_tool_calls": 1"#)?.param == "parallel_tool_calls")
    }
}
