/// OpenAI Chat Completions, as spoken by OpenAI and every compatible server (OpenRouter, Groq,
/// Together, DeepSeek, Mistral, vLLM, llama.cpp, Ollama's /v1, LiteLLM): POST {base}/chat/completions.
public struct OpenAIProvider: ChatProvider {
    public let info: ProviderInfo

    public init(info: ProviderInfo) { self.info = info }

    public func prepare(_ request: ChatRequest, model: ModelInfo, baseURL: String, apiKey: String?) -> PreparedRequest {
        var messages: [JSONValue] = []
        if let system = request.system, !system.isEmpty {
            messages.append(.object([("role", .string("system")), ("content", .string(system))]))
        }
        for message in request.messages { messages.append(OpenAIToolEncoding.message(message)) }
        var body: [(String, JSONValue)] = [("model", .string(model.id)), ("messages", .array(messages))]
        var notes: [String] = []
        if OpenAIReasoningModels.matches(model) {
            if let maxTokens = request.maxTokens { body.append(("max_completion_tokens", .integer(maxTokens))) }
            if let temperature = request.temperature {
                if temperature == 1 {
                    body.append(("temperature", .number(temperature)))
                } else {
                    notes.append("\(model.id) accepts only the default temperature (1); --temperature \(temperature) is not sent")
                }
            }
        } else {
            // `max_tokens` for everything else: every compatible server accepts it, while
            // Ollama and llama.cpp ignore `max_completion_tokens`.
            if let maxTokens = request.maxTokens { body.append(("max_tokens", .integer(maxTokens))) }
            if let temperature = request.temperature { body.append(("temperature", .number(temperature))) }
        }
        if !request.stop.isEmpty { body.append(("stop", .array(request.stop.map(JSONValue.string)))) }
        body += OpenAIToolEncoding.fields(request.tools)
        if request.stream {
            body.append(("stream", .bool(true)))
            // Without it the stream carries no usage, and cost could only be estimated.
            body.append(("stream_options", .object([("include_usage", .bool(true))])))
        }
        var headers = [("content-type", "application/json")]
        headers.append(("accept", request.stream ? "text/event-stream" : "application/json"))
        var secret: Set<String> = []
        if let apiKey {
            headers.append(("authorization", "Bearer " + apiKey))
            secret.insert("authorization")
        }
        return PreparedRequest(url: URLText.join(baseURL, "/chat/completions"), headers: headers,
                               body: .object(body), secretHeaders: secret, notes: notes)
    }

    public func makeDecoder() -> OpenAIStreamDecoder { OpenAIStreamDecoder() }

    public func decodeWhole(_ body: JSONValue) throws(ProviderError) -> [ChatEvent] {
        if let error = body["error"] { throw OpenAIStreamDecoder.streamError(error) }
        guard let choices = body["choices"], case .array(let list) = choices else {
            throw ProviderError(.malformed, message: "response has no choices")
        }
        var events: [ChatEvent] = []
        if let message = list.first?["message"] {
            events += OpenAIStreamDecoder.parts(of: message)
        }
        if let reason = list.first?["finish_reason"]?.stringValue { events.append(.stop(reason)) }
        if let usage = body["usage"] { events.append(OpenAIStreamDecoder.usage(usage)) }
        return events
    }
}

/// Chat Completions chunks: `choices[0].delta` carries content (a string, or an array of parts
/// of which only text parts are the answer) and reasoning (`reasoning_content` from DeepSeek and
/// vLLM, `reasoning` from OpenRouter and Ollama); the last chunk has `choices: []` and the usage.
public struct OpenAIStreamDecoder: ChatStreamDecoder {
    public init() {}

    public mutating func decode(_ event: SSEEvent) throws(ProviderError) -> [ChatEvent] {
        if event.data == "[DONE]" { return [] }
        let json: JSONValue
        do {
            json = try JSONParser.parse(event.data)
        } catch {
            throw ProviderError(.malformed, message: "bad JSON in stream: \(error.description)")
        }
        if let error = json["error"] { throw Self.streamError(error) }
        var events: [ChatEvent] = []
        if case .array(let choices)? = json["choices"], let choice = choices.first {
            if let delta = choice["delta"] { events += Self.parts(of: delta) }
            if let reason = choice["finish_reason"]?.stringValue { events.append(.stop(reason)) }
        }
        if let usage = json["usage"], usage != .null { events.append(Self.usage(usage)) }
        return events
    }

    static func parts(of message: JSONValue) -> [ChatEvent] {
        var events: [ChatEvent] = []
        for key in ["reasoning_content", "reasoning"] {
            if let text = message[key]?.stringValue, !text.isEmpty { events.append(.reasoning(text)) }
        }
        switch message["content"] {
        case .string(let text)? where !text.isEmpty:
            events.append(.text(text))
        case .array(let parts)?:
            for part in parts where part["type"]?.stringValue == "text" {
                if let text = part["text"]?.stringValue, !text.isEmpty { events.append(.text(text)) }
            }
        default:
            break  // null or absent: a role-only or usage-only chunk
        }
        return events + OpenAIToolEncoding.toolCalls(of: message)
    }

    static func usage(_ usage: JSONValue) -> ChatEvent { .usage(OpenAIUsage.decode(usage)) }

    /// An error object inside a 200 stream (OpenRouter, LiteLLM and vLLM send these mid-stream).
    static func streamError(_ error: JSONValue) -> ProviderError {
        let message = error["message"]?.stringValue ?? error.stringValue ?? "error in stream"
        let code = error["code"]
        let status: Int? = code?.intValue ?? code?.stringValue.flatMap { Int($0) }
        let codeText = code?.stringValue ?? error["type"]?.stringValue ?? ""
        if let status, status >= 400 {
            return ProviderError.fromHTTP(status: status, body: Array(JSONValue.object([("error", error)]).serialized().utf8), retryAfter: nil)
        }
        if ProviderError.isContextLength(code: codeText, message: message) {
            return ProviderError(.contextLength, message: message)
        }
        return ProviderError(codeText.contains("overloaded") ? .overloaded : .server, message: message)
    }
}
