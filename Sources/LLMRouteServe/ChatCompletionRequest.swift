import LLMRouteCore

/// A Chat Completions request body as the engine needs it. Every field is either mapped onto
/// the engine's `ChatRequest` (and so passed on in each upstream protocol) or refused with a
/// 400 naming it: a silently dropped field would change the answer without the client knowing.
public struct ChatCompletionRequest: Sendable {
    /// "auto" (or "llmroute/auto"): routed; anything else must name a catalog or config model.
    public var model: String
    public var system: String?
    /// User, assistant and tool turns, oldest first; the last is the user's prompt or a tool's result.
    public var messages: [ChatMessage]
    public var stream: Bool
    public var includeUsage: Bool
    public var maxTokens: Int?
    public var temperature: Double?
    public var stop: [String]
    public var tools: ToolOptions? = nil
    /// Parameters only OpenAI-protocol upstreams can carry (an image's `detail`): Anthropic
    /// models cannot answer this request as sent.
    public var openAIOnly: [String] = []

    public var routed: Bool { model == "auto" || model == "llmroute/auto" }

    /// What a model must be able to do to answer: tools need function calling, images vision.
    public var requiredCapabilities: Set<Capability> {
        var needed: Set<Capability> = []
        if tools != nil || messages.contains(where: { $0.role == .tool || !$0.toolCalls.isEmpty }) { needed.insert(.tools) }
        if messages.contains(where: \.hasImages) { needed.insert(.vision) }
        return needed
    }

    /// Fields accepted and used (or, for `user` and `n: 1`, harmless to ignore: they change nothing in the answer).
    static let known: Set<String> = [
        "model", "messages", "stream", "stream_options", "max_tokens", "max_completion_tokens",
        "temperature", "stop", "user", "n", "tools", "tool_choice", "parallel_tool_calls",
    ]

    /// Decodes a request body; a 400 in OpenAI's shape for anything malformed or unmappable.
    public static func decode(_ bytes: [UInt8]) throws(GatewayError) -> ChatCompletionRequest {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch {
            throw .invalid("the request body is not valid JSON: \(error.description)")
        }
        guard case .object(let pairs) = json else { throw .invalid("the request body must be a JSON object") }
        for (key, _) in pairs where !known.contains(key) {
            throw .invalid("'\(key)' is not supported by llmroute serve; remove it from the request", param: key)
        }
        guard let model = json["model"]?.stringValue, !model.isEmpty else {
            throw .invalid("'model' is required: a model name, or \"auto\" to route", param: "model")
        }
        if let n = json["n"], n != .null, n.intValue != 1 {
            throw .invalid("only n = 1 is supported", param: "n")
        }
        let messages = try ChatMessageDecoder.decode(json["messages"])
        var request = ChatCompletionRequest(
            model: model, system: messages.system.isEmpty ? nil : messages.system.joined(separator: "\n\n"),
            messages: messages.turns, stream: false, includeUsage: false, maxTokens: nil, temperature: nil, stop: [])
        request.openAIOnly = messages.openAIOnly
        request.tools = try ToolOptionsDecoder.decode(tools: json["tools"], choice: json["tool_choice"], parallel: json["parallel_tool_calls"])
        request.stream = try bool(json["stream"], "stream") ?? false
        if let options = json["stream_options"], options != .null {
            guard case .object(let optionPairs) = options else { throw .invalid("'stream_options' must be an object", param: "stream_options") }
            for (key, _) in optionPairs where key != "include_usage" {
                throw .invalid("stream_options.\(key) is not supported", param: "stream_options")
            }
            request.includeUsage = try bool(options["include_usage"], "stream_options") ?? false
        }
        let maxTokens = try positive(json["max_tokens"], "max_tokens")
        request.maxTokens = try positive(json["max_completion_tokens"], "max_completion_tokens") ?? maxTokens
        if let value = json["temperature"], value != .null {
            guard let temperature = value.doubleValue, (0...2).contains(temperature) else {
                throw .invalid("'temperature' must be a number from 0 to 2", param: "temperature")
            }
            request.temperature = temperature
        }
        switch json["stop"] {
        case nil, .null?: break
        case .string(let text)?: request.stop = [text]
        case .array(let items)?:
            for item in items {
                guard let text = item.stringValue else { throw .invalid("'stop' must be a string or an array of strings", param: "stop") }
                request.stop.append(text)
            }
        default: throw .invalid("'stop' must be a string or an array of strings", param: "stop")
        }
        return request
    }

    static func bool(_ value: JSONValue?, _ name: String) throws(GatewayError) -> Bool? {
        switch value {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        default: throw .invalid("'\(name)' must be true or false", param: name)
        }
    }

    static func positive(_ value: JSONValue?, _ name: String) throws(GatewayError) -> Int? {
        guard let value, value != .null else { return nil }
        guard let number = value.intValue, number > 0 else { throw .invalid("'\(name)' must be a positive integer", param: name) }
        return number
    }
}
