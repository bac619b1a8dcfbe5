/// Tool calls and images in Chat Completions: turns written back in OpenAI's own shape (so what
/// `llmroute serve` received goes upstream as sent), and `tool_calls` read from answers.
enum OpenAIToolEncoding {
    /// One turn as a Chat Completions message.
    static func message(_ message: ChatMessage) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("role", .string(message.role.rawValue))]
        if let parts = message.parts {
            pairs.append(("content", .array(parts.map(part))))
        } else if message.role == .assistant && !message.toolCalls.isEmpty && message.content.isEmpty {
            pairs.append(("content", .null))
        } else {
            pairs.append(("content", .string(message.content)))
        }
        if !message.toolCalls.isEmpty {
            pairs.append(("tool_calls", .array(message.toolCalls.map(\.openAIJSON))))
        }
        if let id = message.toolCallID { pairs.append(("tool_call_id", .string(id))) }
        return .object(pairs)
    }

    static func part(_ part: ContentPart) -> JSONValue {
        switch part {
        case .text(let text):
            return .object([("type", .string("text")), ("text", .string(text))])
        case .image(let url, let detail):
            var image: [(String, JSONValue)] = [("url", .string(url))]
            if let detail { image.append(("detail", .string(detail))) }
            return .object([("type", .string("image_url")), ("image_url", .object(image))])
        }
    }

    /// The request's `tools`, `tool_choice` and `parallel_tool_calls` fields.
    static func fields(_ options: ToolOptions?) -> [(String, JSONValue)] {
        guard let options else { return [] }
        var fields: [(String, JSONValue)] = [("tools", .array(options.tools))]
        if let choice = options.choice { fields.append(("tool_choice", choice)) }
        if let parallel = options.parallel { fields.append(("parallel_tool_calls", .bool(parallel))) }
        return fields
    }

    /// `tool_calls` of a stream delta or a whole message, as events. In a stream the first piece
    /// of each call carries its id and name; argument text is passed on untouched, piece by piece.
    static func toolCalls(of message: JSONValue) -> [ChatEvent] {
        guard case .array(let calls)? = message["tool_calls"] else { return [] }
        var events: [ChatEvent] = []
        for (position, call) in calls.enumerated() {
            let function = call["function"]
            let delta = ToolCallDelta(index: call["index"]?.intValue ?? position, id: call["id"]?.stringValue,
                                      name: function?["name"]?.stringValue,
                                      arguments: function?["arguments"]?.stringValue ?? "")
            if delta.id != nil || delta.name != nil || !delta.arguments.isEmpty { events.append(.toolCall(delta)) }
        }
        return events
    }
}

extension ToolCall {
    /// The call as a Chat Completions `tool_calls` entry.
    public var openAIJSON: JSONValue {
        .object([("id", .string(id)), ("type", .string("function")),
                 ("function", .object([("name", .string(name)), ("arguments", .string(arguments))]))])
    }
}
