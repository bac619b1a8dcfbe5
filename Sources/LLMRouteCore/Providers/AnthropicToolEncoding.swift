/// Chat Completions' tools, tool turns and images in Anthropic Messages' words: tools get an
/// `input_schema`, an assistant's `tool_calls` become `tool_use` blocks, tool results become
/// `tool_result` blocks of a user turn, and image URLs become `image` blocks.
enum AnthropicToolEncoding {
    /// The turns as Messages `messages`. Consecutive tool results (parallel calls) and a user turn
    /// right after them share one user message: Messages wants every result of an assistant
    /// turn's calls in the next user message, first.
    static func messages(_ turns: [ChatMessage], marked: Set<Int>) -> [JSONValue] {
        var messages: [(role: String, blocks: [JSONValue]?, text: String)] = []
        for (index, turn) in turns.enumerated() {
            let role = turn.role == .assistant ? "assistant" : "user"
            var blocks = Self.blocks(turn)
            if marked.contains(index) {
                // The cache breakpoint goes on the turn's last block.
                if var all = blocks, case .object(var pairs)? = all.last {
                    pairs.append(("cache_control", .object([("type", .string("ephemeral"))])))
                    all[all.count - 1] = .object(pairs)
                    blocks = all
                } else {
                    blocks = [AnthropicProvider.cachedText(turn.content)]
                }
            }
            let continuesResults = role == "user" && messages.last?.blocks?.first?["type"]?.stringValue == "tool_result"
            if continuesResults, let previous = messages.last?.blocks {
                let added = blocks ?? [block(.text(turn.content))]
                messages[messages.count - 1].blocks = previous + added
            } else {
                messages.append((role, blocks, turn.content))
            }
        }
        return messages.map { message in
            .object([("role", .string(message.role)), ("content", message.blocks.map(JSONValue.array) ?? .string(message.text))])
        }
    }

    /// A turn's content blocks, or nil when it is plain text (sent as a string, as before).
    static func blocks(_ turn: ChatMessage) -> [JSONValue]? {
        if turn.role == .tool {
            let content: JSONValue = turn.parts.map { .array($0.map(block)) } ?? .string(turn.content)
            return [.object([("type", .string("tool_result")), ("tool_use_id", .string(turn.toolCallID ?? "")),
                             ("content", content)])]
        }
        guard turn.parts != nil || !turn.toolCalls.isEmpty else { return nil }
        var blocks = turn.parts?.map(block) ?? (turn.content.isEmpty ? [] : [block(.text(turn.content))])
        for call in turn.toolCalls {
            blocks.append(.object([("type", .string("tool_use")), ("id", .string(call.id)), ("name", .string(call.name)),
                                   ("input", input(call.arguments))]))
        }
        return blocks
    }

    /// A call's arguments as the object Messages wants. Models send "" for a call without
    /// arguments; `llmroute serve` refuses arguments that are not a JSON object before this.
    static func input(_ arguments: String) -> JSONValue {
        guard let parsed = try? JSONParser.parse(arguments), case .object = parsed else { return .object([]) }
        return parsed
    }

    static func block(_ part: ContentPart) -> JSONValue {
        switch part {
        case .text(let text):
            return .object([("type", .string("text")), ("text", .string(text))])
        case .image(let url, _):
            let source: JSONValue = if let (mediaType, data) = part.dataURL {
                .object([("type", .string("base64")), ("media_type", .string(mediaType)), ("data", .string(data))])
            } else {
                .object([("type", .string("url")), ("url", .string(url))])
            }
            return .object([("type", .string("image")), ("source", source)])
        }
    }

    /// The request's `tools` and `tool_choice` fields.
    static func fields(_ options: ToolOptions?) -> [(String, JSONValue)] {
        guard let options else { return [] }
        let tools = options.tools.map { tool -> JSONValue in
            let function = tool["function"]
            var pairs: [(String, JSONValue)] = [("name", function?["name"] ?? .string(""))]
            if let description = function?["description"], description != .null { pairs.append(("description", description)) }
            let schema = function?["parameters"].flatMap { $0 == .null ? nil : $0 }
            pairs.append(("input_schema", schema ?? .object([("type", .string("object")), ("properties", .object([]))])))
            if let strict = function?["strict"], strict != .null { pairs.append(("strict", strict)) }
            return .object(pairs)
        }
        var fields: [(String, JSONValue)] = [("tools", .array(tools))]
        var choice: [(String, JSONValue)]? = switch options.choice {
        case .string("none")?: [("type", .string("none"))]
        case .string("required")?: [("type", .string("any"))]
        case .object?: [("type", .string("tool")), ("name", options.choice?["function"]?["name"] ?? .string(""))]
        case .string("auto")?: [("type", .string("auto"))]
        default: nil
        }
        if options.parallel == false, choice?.first?.1 != .string("none") {
            choice = (choice ?? [("type", .string("auto"))]) + [("disable_parallel_tool_use", .bool(true))]
        }
        if let choice { fields.append(("tool_choice", .object(choice))) }
        return fields
    }
}
