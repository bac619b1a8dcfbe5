import LLMRouteCore

/// Chat Completions `messages` as the engine's turns. Every key of a message is either mapped
/// (and so can be sent in both protocols) or refused with a 400 naming it.
struct ChatMessageDecoder {
    var system: [String] = []
    var turns: [ChatMessage] = []
    /// Parameters only an OpenAI-protocol upstream can carry (an image's `detail`).
    var openAIOnly: [String] = []

    /// System and developer messages become the system prompt (joined, in order); user,
    /// assistant and tool messages the turns. The last must be a user or tool message.
    static func decode(_ value: JSONValue?) throws(GatewayError) -> ChatMessageDecoder {
        guard case .array(let items)? = value, !items.isEmpty else {
            throw .invalid("'messages' must be a non-empty array", param: "messages")
        }
        var decoder = ChatMessageDecoder()
        for (index, item) in items.enumerated() { try decoder.add(item, param: "messages[\(index)]") }
        guard let last = decoder.turns.last?.role, last == .user || last == .tool else {
            throw .invalid("the last message must be a user or tool message", param: "messages")
        }
        return decoder
    }

    static let keys: [String: Set<String>] = [
        "system": ["role", "content", "name"], "developer": ["role", "content", "name"],
        "user": ["role", "content", "name"], "assistant": ["role", "content", "name", "tool_calls"],
        "tool": ["role", "content", "tool_call_id"],
    ]

    mutating func add(_ item: JSONValue, param: String) throws(GatewayError) {
        guard case .object(let pairs) = item else { throw .invalid("\(param) must be an object", param: param) }
        guard let role = item["role"]?.stringValue else { throw .invalid("\(param).role is required", param: param) }
        guard let allowed = Self.keys[role] else {
            throw .invalid("\(param): role '\(role)' is not supported by llmroute serve", param: param)
        }
        for (key, _) in pairs where !allowed.contains(key) {
            throw .invalid("\(param).\(key) is not supported by llmroute serve for a \(role) message", param: param)
        }
        let calls = try Self.toolCalls(item["tool_calls"], param: param)
        let nullAllowed = role == "assistant" && !calls.isEmpty
        let (text, parts) = try content(item["content"], param: param, images: role == "user", nullAllowed: nullAllowed)
        var message = ChatMessage(role: .user, content: text)
        message.parts = parts
        switch role {
        case "system", "developer":
            system.append(text)
            return
        case "assistant":
            message.role = .assistant
            message.toolCalls = calls
        case "tool":
            guard let id = item["tool_call_id"]?.stringValue, !id.isEmpty else {
                throw .invalid("\(param).tool_call_id is required for a tool message", param: param)
            }
            message.role = .tool
            message.toolCallID = id
        default:
            break
        }
        turns.append(message)
    }

    /// A message's text, and its parts when it has images (nil for text alone, which every
    /// protocol takes as a plain string).
    mutating func content(_ value: JSONValue?, param: String, images: Bool, nullAllowed: Bool) throws(GatewayError) -> (String, [ContentPart]?) {
        switch value {
        case .string(let text)?: return (text, nil)
        case .null? where nullAllowed, nil where nullAllowed: return ("", nil)
        case .array(let items)?:
            var text = ""
            var parts: [ContentPart] = []
            for (index, item) in items.enumerated() {
                let partParam = "\(param).content[\(index)]"
                switch item["type"]?.stringValue {
                case "text":
                    guard let piece = item["text"]?.stringValue else { throw .invalid("\(partParam).text must be a string", param: param) }
                    text += piece
                    parts.append(.text(piece))
                case "image_url" where images:
                    parts.append(try image(item, param: partParam))
                default:
                    let accepted = images ? "text and image_url parts" : "text parts"
                    throw .invalid("\(partParam): only \(accepted) are supported here by llmroute serve", param: param)
                }
            }
            return (text, parts.contains { if case .image = $0 { true } else { false } } ? parts : nil)
        default:
            throw .invalid("\(param).content must be a string or an array of content parts", param: param)
        }
    }

    /// `{"type": "image_url", "image_url": {"url", "detail"?}}`: a base64 `data:image/…` URL or http(s).
    mutating func image(_ item: JSONValue, param: String) throws(GatewayError) -> ContentPart {
        guard case .object(let pairs)? = item["image_url"], let url = item["image_url"]?["url"]?.stringValue else {
            throw .invalid("\(param).image_url must be an object with a url", param: param)
        }
        for (key, _) in pairs where key != "url" && key != "detail" {
            throw .invalid("\(param).image_url.\(key) is not supported by llmroute serve", param: param)
        }
        let detail = item["image_url"]?["detail"]?.stringValue
        if let detail, !["auto", "low", "high"].contains(detail) {
            throw .invalid("\(param).image_url.detail must be auto, low or high", param: param)
        }
        // "auto" is every protocol's default; low and high only OpenAI's protocol can ask for.
        if let detail, detail != "auto" { openAIOnly.append("\(param).image_url.detail") }
        let part = ContentPart.image(url: url, detail: detail)
        if url.hasPrefix("data:") {
            guard let (mediaType, data) = part.dataURL, mediaType.hasPrefix("image/"), !data.isEmpty else {
                throw .invalid("\(param).image_url.url: a data URL must be data:image/<type>;base64,<data>", param: param)
            }
        } else if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            throw .invalid("\(param).image_url.url must be an http(s) URL or a base64 data URL", param: param)
        }
        return part
    }

    /// An assistant message's `tool_calls`: `{"id", "type": "function", "function": {"name", "arguments"}}` each.
    static func toolCalls(_ value: JSONValue?, param: String) throws(GatewayError) -> [ToolCall] {
        guard let value, value != .null else { return [] }
        guard case .array(let items) = value else { throw .invalid("\(param).tool_calls must be an array", param: param) }
        var calls: [ToolCall] = []
        for (index, item) in items.enumerated() {
            let callParam = "\(param).tool_calls[\(index)]"
            guard let id = item["id"]?.stringValue, item["type"]?.stringValue == "function",
                  let name = item["function"]?["name"]?.stringValue,
                  let arguments = item["function"]?["arguments"]?.stringValue else {
                throw .invalid("\(callParam) must be {\"id\", \"type\": \"function\", \"function\": {\"name\", \"arguments\"}}", param: param)
            }
            // Anthropic takes a call's input as an object, so the text must be one.
            if !arguments.isEmpty {
                guard let parsed = try? JSONParser.parse(arguments), case .object = parsed else {
                    throw .invalid("\(callParam).function.arguments must be a JSON object in a string", param: param)
                }
            }
            calls.append(ToolCall(id: id, name: name, arguments: arguments))
        }
        return calls
    }
}
