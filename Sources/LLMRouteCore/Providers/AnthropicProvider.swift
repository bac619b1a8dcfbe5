/// Anthropic Messages: POST {base}/v1/messages with x-api-key and anthropic-version.
public struct AnthropicProvider: ChatProvider {
    public static let apiVersion = "2023-06-01"
    /// Messages requires max_tokens; when the caller gives none, this (capped by the model) is sent.
    public static let defaultMaxTokens = 4096

    public let info: ProviderInfo

    public init(info: ProviderInfo) { self.info = info }

    public func prepare(_ request: ChatRequest, model: ModelInfo, baseURL: String, apiKey: String?) -> PreparedRequest {
        let maxTokens = request.maxTokens ?? min(Self.defaultMaxTokens, max(1, model.maxOutputTokens))
        var body: [(String, JSONValue)] = [("model", .string(model.id)), ("max_tokens", .integer(maxTokens))]
        // The system prompt is a top-level field in Messages, never a message.
        let turns = request.messages.filter { $0.role != .system }
        let marked = request.cachePrefix ? Self.cacheBreakpoints(turns) : []
        if let system = request.system, !system.isEmpty {
            body.append(("system", request.cachePrefix ? .array([Self.cachedText(system)]) : .string(system)))
        }
        body.append(("messages", .array(AnthropicToolEncoding.messages(turns, marked: marked))))
        if let temperature = request.temperature { body.append(("temperature", .number(temperature))) }
        if !request.stop.isEmpty { body.append(("stop_sequences", .array(request.stop.map(JSONValue.string)))) }
        body += AnthropicToolEncoding.fields(request.tools)
        if request.stream { body.append(("stream", .bool(true))) }
        var headers = [("content-type", "application/json"), ("anthropic-version", Self.apiVersion)]
        headers.append(("accept", request.stream ? "text/event-stream" : "application/json"))
        var secret: Set<String> = []
        if let apiKey {
            headers.append(("x-api-key", apiKey))
            secret.insert("x-api-key")
        }
        return PreparedRequest(url: URLText.join(baseURL, "/v1/messages"), headers: headers,
                               body: .object(body), secretHeaders: secret)
    }

    public func makeDecoder() -> AnthropicStreamDecoder { AnthropicStreamDecoder() }

    /// Which turns carry a `cache_control` breakpoint (besides the system prompt): the last
    /// message, so this turn's whole prompt is written to the cache for the next one, and the
    /// user turn before it, the end of what the previous turn wrote (the last stable turn), so
    /// this turn reads that back. With the system prompt that is 3 of the 4 breakpoints allowed.
    static func cacheBreakpoints(_ turns: [ChatMessage]) -> Set<Int> {
        guard let last = turns.indices.last else { return [] }
        var marked: Set<Int> = [last]
        if let stable = turns[..<last].lastIndex(where: { $0.role == .user }) { marked.insert(stable) }
        return marked
    }

    /// A text block marked as a cache breakpoint (default lifetime: 5 minutes).
    static func cachedText(_ text: String) -> JSONValue {
        .object([("type", .string("text")), ("text", .string(text)),
                 ("cache_control", .object([("type", .string("ephemeral"))]))])
    }

    /// An unstreamed Messages response (LiteLLM's /v1/messages answers this way even when asked to stream).
    public func decodeWhole(_ body: JSONValue) throws(ProviderError) -> [ChatEvent] {
        if body["type"]?.stringValue == "error", let error = body["error"] { throw AnthropicStreamDecoder.streamError(error) }
        guard case .array(let blocks)? = body["content"] else {
            throw ProviderError(.malformed, message: "response has no content")
        }
        var events: [ChatEvent] = []
        var tools = 0
        for block in blocks {
            switch block["type"]?.stringValue {
            case "text": if let t = block["text"]?.stringValue, !t.isEmpty { events.append(.text(t)) }
            case "thinking": if let t = block["thinking"]?.stringValue, !t.isEmpty { events.append(.reasoning(t)) }
            case "tool_use":
                events.append(.toolCall(ToolCallDelta(index: tools, id: block["id"]?.stringValue, name: block["name"]?.stringValue,
                                                      arguments: (block["input"] ?? .object([])).serialized())))
                tools += 1
            default: break
            }
        }
        if let reported = body["usage"] {
            var usage = AnthropicUsage()
            usage.merge(reported)
            events.append(.usage(usage.usage))
        }
        if let reason = body["stop_reason"]?.stringValue { events.append(.stop(reason)) }
        return events
    }
}

/// Messages stream events: message_start (input and cache usage), content_block_start/delta/stop (text
/// is the answer; thinking is reasoning; tool_use blocks and their input_json_delta pieces are
/// tool calls; signatures are none of these),
/// message_delta (output usage, stop_reason), message_stop, ping, error.
public struct AnthropicStreamDecoder: ChatStreamDecoder {
    /// The usage so far: message_start's input side, then message_delta's cumulative counts.
    private var usage = AnthropicUsage()
    /// Tool calls so far, by content block index: the call's 0-based index among the answer's
    /// calls (OpenAI's numbering), and whether any argument text has arrived.
    private var toolBlocks: [Int: (call: Int, hasArguments: Bool)] = [:]

    public init() {}

    public mutating func decode(_ event: SSEEvent) throws(ProviderError) -> [ChatEvent] {
        if event.type == "ping" { return [] }
        let json: JSONValue
        do {
            json = try JSONParser.parse(event.data)
        } catch {
            throw ProviderError(.malformed, message: "bad JSON in stream: \(error.description)")
        }
        // The data's own type wins: some proxies drop the `event:` lines.
        switch json["type"]?.stringValue ?? event.type {
        case "message_start":
            if let body = json["message"]?["usage"] { return [merged(body)] }
        case "content_block_start":
            let block = json["content_block"]
            if block?["type"]?.stringValue == "text", let text = block?["text"]?.stringValue, !text.isEmpty {
                return [.text(text)]
            }
            if block?["type"]?.stringValue == "tool_use", let block { return toolStart(block, at: json["index"]?.intValue ?? 0) }
        case "content_block_delta":
            let delta = json["delta"]
            switch delta?["type"]?.stringValue {
            case "text_delta": if let t = delta?["text"]?.stringValue, !t.isEmpty { return [.text(t)] }
            case "thinking_delta": if let t = delta?["thinking"]?.stringValue, !t.isEmpty { return [.reasoning(t)] }
            case "input_json_delta":
                let index = json["index"]?.intValue ?? 0
                if let piece = delta?["partial_json"]?.stringValue, !piece.isEmpty, let call = toolBlocks[index]?.call {
                    toolBlocks[index]?.hasArguments = true
                    return [.toolCall(ToolCallDelta(index: call, arguments: piece))]
                }
            default: break  // signature_delta, citations: not answer text
            }
        case "content_block_stop":
            // A call without arguments streams no input_json_delta (its input is {}); clients
            // parse the arguments, and "" is not JSON.
            if let tool = toolBlocks[json["index"]?.intValue ?? 0], !tool.hasArguments {
                toolBlocks[json["index"]?.intValue ?? 0]?.hasArguments = true
                return [.toolCall(ToolCallDelta(index: tool.call, arguments: "{}"))]
            }
        case "message_delta":
            var events: [ChatEvent] = []
            if let body = json["usage"] { events.append(merged(body)) }
            if let reason = json["delta"]?["stop_reason"]?.stringValue { events.append(.stop(reason)) }
            return events
        case "error":
            throw Self.streamError(json["error"] ?? json)
        default:
            break  // message_stop and event types added later
        }
        return []
    }

    /// A tool_use block opens: its id and name. Messages streams `input: {}` here and the
    /// arguments as input_json_delta pieces; an input given whole here is passed on as its text.
    private mutating func toolStart(_ block: JSONValue, at index: Int) -> [ChatEvent] {
        let call = toolBlocks.count
        var arguments = ""
        if case .object(let pairs)? = block["input"], !pairs.isEmpty { arguments = block["input"]!.serialized() }
        toolBlocks[index] = (call, !arguments.isEmpty)
        return [.toolCall(ToolCallDelta(index: call, id: block["id"]?.stringValue ?? "", name: block["name"]?.stringValue ?? "",
                                        arguments: arguments))]
    }

    private mutating func merged(_ body: JSONValue) -> ChatEvent {
        usage.merge(body)
        return .usage(usage.usage)
    }

    static func streamError(_ error: JSONValue) -> ProviderError {
        let message = error["message"]?.stringValue ?? "error event"
        switch error["type"]?.stringValue {
        case "overloaded_error": return ProviderError(.overloaded, status: 529, message: message)
        case "rate_limit_error": return ProviderError(.rateLimited, status: 429, message: message)
        case "authentication_error", "permission_error": return ProviderError(.auth, message: message)
        case "not_found_error": return ProviderError(.notFound, message: message)
        case "invalid_request_error":
            return ProviderError(ProviderError.isContextLength(code: "", message: message) ? .contextLength : .badRequest, message: message)
        case "timeout_error": return ProviderError(.timeout, message: message)
        default: return ProviderError(.server, message: message)
        }
    }
}
