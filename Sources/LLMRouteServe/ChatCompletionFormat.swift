import LLMRouteCore

/// The engine's events and results in OpenAI's Chat Completions wire format: `chat.completion`
/// objects for whole answers, `chat.completion.chunk` SSE events for streams.
struct ChatCompletionFormat: Sendable {
    let id: String
    let created: Int
    let includeUsage: Bool

    init(includeUsage: Bool, now: Double = Clock.wallSeconds()) {
        id = "chatcmpl-" + UsageRecorder.newID()
        created = Int(now)
        self.includeUsage = includeUsage
    }

    /// One SSE event carrying `json`.
    static func event(_ json: JSONValue) -> String { "data: " + json.serialized() + "\n\n" }

    static let done = "data: [DONE]\n\n"

    /// The stream's events for one engine event ("" for usage: the final usage chunk is built
    /// from the result, once the cost is known).
    func chunk(_ event: ChatEvent, model: ModelInfo) -> String {
        switch event {
        case .text(let text): Self.event(chunk(model: model, delta: [("content", .string(text))]))
        case .reasoning(let text): Self.event(chunk(model: model, delta: [("reasoning_content", .string(text))]))
        case .stop(let reason): Self.event(chunk(model: model, delta: [], finish: Self.finishReason(reason)))
        case .usage: ""
        case .toolCall(let delta): Self.event(chunk(model: model, delta: [("tool_calls", .array([Self.toolCall(delta)]))]))
        }
    }

    /// The first chunk, as OpenAI sends it: the role, empty content.
    func roleChunk(model: ModelInfo) -> String {
        Self.event(chunk(model: model, delta: [("role", .string("assistant")), ("content", .string(""))]))
    }

    /// The end of a stream: the usage chunk (with `cost_usd`) when asked for, then [DONE].
    func end(_ result: ChatResult) -> String {
        guard includeUsage else { return Self.done }
        let usage = JSONValue.object(header(model: result.model.id, object: "chat.completion.chunk") + [
            ("choices", .array([])), ("usage", Self.usage(result)),
        ])
        return Self.event(usage) + Self.done
    }

    /// A whole `chat.completion`.
    func whole(_ result: ChatResult) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("role", .string("assistant"))]
        // OpenAI's content is null when the answer is only tool calls.
        pairs.append(("content", result.text.isEmpty && !result.toolCalls.isEmpty ? .null : .string(result.text)))
        if !result.toolCalls.isEmpty {
            pairs.append(("tool_calls", .array(result.toolCalls.map(\.openAIJSON))))
        }
        let message = JSONValue.object(pairs)
        let choice = JSONValue.object([
            ("index", .integer(0)), ("message", message),
            ("finish_reason", result.stopReason.map { .string(Self.finishReason($0)) } ?? .null),
        ])
        return .object(header(model: result.model.id, object: "chat.completion") + [
            ("choices", .array([choice])), ("usage", Self.usage(result)),
        ])
    }

    private func header(model: String, object: String) -> [(String, JSONValue)] {
        [("id", .string(id)), ("object", .string(object)), ("created", .integer(created)), ("model", .string(model))]
    }

    private func chunk(model: ModelInfo, delta: [(String, JSONValue)], finish: String? = nil) -> JSONValue {
        let choice = JSONValue.object([
            ("index", .integer(0)), ("delta", .object(delta)), ("finish_reason", finish.map(JSONValue.string) ?? .null),
        ])
        return .object(header(model: model.id, object: "chat.completion.chunk") + [("choices", .array([choice]))])
    }

    /// A streamed piece of a tool call as OpenAI sends it: the first carries id, type and name;
    /// every piece its index and argument text, passed on as it arrived.
    static func toolCall(_ delta: ToolCallDelta) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("index", .integer(delta.index))]
        if let id = delta.id { pairs += [("id", .string(id)), ("type", .string("function"))] }
        var function: [(String, JSONValue)] = []
        if let name = delta.name { function.append(("name", .string(name))) }
        function.append(("arguments", .string(delta.arguments)))
        pairs.append(("function", .object(function)))
        return .object(pairs)
    }

    /// OpenAI's usage object from any protocol's buckets, plus what the call cost.
    static func usage(_ result: ChatResult) -> JSONValue {
        let usage = result.usage
        return .object([
            ("prompt_tokens", .integer(usage.inputTokens)),
            ("completion_tokens", .integer(usage.outputTokens)),
            ("total_tokens", .integer(usage.inputTokens + usage.outputTokens)),
            ("prompt_tokens_details", .object([("cached_tokens", .integer(usage.cacheReadTokens))])),
            ("completion_tokens_details", .object([("reasoning_tokens", .integer(usage.reasoningTokens))])),
            ("cost_usd", .number(result.model.cost(usage))),
        ])
    }

    /// Anthropic's stop reasons in OpenAI's words; OpenAI's pass through.
    static func finishReason(_ reason: String) -> String {
        switch reason {
        case "end_turn", "stop_sequence": "stop"
        case "max_tokens": "length"
        case "refusal": "content_filter"
        case "tool_use": "tool_calls"
        default: reason
        }
    }
}
