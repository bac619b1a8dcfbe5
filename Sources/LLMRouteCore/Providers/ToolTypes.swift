/// One part of a message's content beyond plain text: what `llmroute serve` accepts in
/// Chat Completions `content` arrays and maps onto each protocol.
public enum ContentPart: Sendable, Equatable {
    case text(String)
    /// An image by URL: `data:<media type>;base64,<data>` or http(s). `detail` is OpenAI's
    /// resolution hint (only OpenAI-protocol upstreams can carry it).
    case image(url: String, detail: String?)

    /// The media type and base64 data of a `data:` URL (nil for any other URL).
    public var dataURL: (mediaType: String, data: String)? {
        guard case .image(let url, _) = self, url.hasPrefix("data:"),
              let comma = url.firstIndex(of: ",") else { return nil }
        let header = url[url.index(url.startIndex, offsetBy: 5)..<comma]
        guard header.hasSuffix(";base64") else { return nil }
        return (String(header.dropLast(7)), String(url[url.index(after: comma)...]))
    }
}

/// A call the model asked for (an assistant turn's `tool_calls`, or an answer's).
/// `arguments` is the JSON text exactly as the model produced it.
public struct ToolCall: Sendable, Equatable {
    public var id: String
    public var name: String
    public var arguments: String

    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// A piece of a streamed tool call, in OpenAI's shape: the first piece of call `index`
/// carries its id and name, later pieces only argument text, which is concatenated as is.
public struct ToolCallDelta: Sendable, Equatable {
    /// 0-based position of the call among this answer's tool calls.
    public var index: Int
    public var id: String?
    public var name: String?
    public var arguments: String

    public init(index: Int, id: String? = nil, name: String? = nil, arguments: String) {
        self.index = index
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// The tools a request offers and how the model may use them, kept in OpenAI's JSON (already
/// validated by whoever built them): OpenAI-protocol upstreams get them as sent, the
/// Anthropic encoder maps them.
public struct ToolOptions: Sendable, Equatable {
    /// `tools`: `{"type": "function", "function": {name, description?, parameters?, strict?}}` each.
    public var tools: [JSONValue]
    /// `tool_choice`: "none", "auto", "required" or `{"type": "function", "function": {"name": …}}`.
    public var choice: JSONValue?
    /// `parallel_tool_calls`.
    public var parallel: Bool?

    public init(tools: [JSONValue], choice: JSONValue? = nil, parallel: Bool? = nil) {
        self.tools = tools
        self.choice = choice
        self.parallel = parallel
    }
}

extension [ToolCall] {
    /// Folds one streamed piece into the calls so far.
    public mutating func apply(_ delta: ToolCallDelta) {
        while count <= delta.index { append(ToolCall(id: "", name: "", arguments: "")) }
        if let id = delta.id { self[delta.index].id = id }
        if let name = delta.name { self[delta.index].name = name }
        self[delta.index].arguments += delta.arguments
    }
}
