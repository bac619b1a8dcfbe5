/// Why a call to a provider failed, classified once where the failure is seen (status code,
/// socket error, stream content) so that retry and fallback decisions never match strings.
public struct ProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// 429.
        case rateLimited = "rate_limited"
        /// 503, 529 (Anthropic's overloaded_error), an `error` event saying overloaded.
        case overloaded
        /// 500, 502, 504 and other 5xx.
        case server = "server_error"
        /// 408, connect/read timeouts, a stalled stream.
        case timeout
        /// Connection refused, reset or cut.
        case connection
        /// 401, 403: a bad or missing key. Next fallback, with a warning.
        case auth
        /// 404: the model (or endpoint) does not exist there. Next fallback, with a warning.
        case notFound = "not_found"
        /// 400 or 413 saying the prompt is longer than the context window: a larger model.
        case contextLength = "context_length"
        /// 400, 422: the request itself is wrong; another provider may accept it.
        case badRequest = "bad_request"
        /// The response could not be understood: bad JSON, bad SSE, an unexpected shape.
        case malformed = "malformed_response"
        /// 200 with no answer at all.
        case empty = "empty_response"
    }

    public var kind: Kind
    public var status: Int?
    public var message: String
    /// Seconds to wait before retrying, from Retry-After or a rate-limit reset header.
    public var retryAfter: Double?

    public init(_ kind: Kind, status: Int? = nil, message: String, retryAfter: Double? = nil) {
        self.kind = kind
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    /// Worth asking the same provider again after a pause.
    public var isRetryable: Bool {
        switch kind {
        case .rateLimited, .overloaded, .server, .timeout, .connection, .malformed, .empty: true
        case .auth, .notFound, .contextLength, .badRequest: false
        }
    }

    /// Counts against the provider's health (the circuit breaker): the provider, not the request, is at fault.
    public var isProviderFault: Bool {
        switch kind {
        case .overloaded, .server, .timeout, .connection: true
        default: false
        }
    }

    public var description: String {
        var text = kind.rawValue
        if let status { text += " (HTTP \(status))" }
        if !message.isEmpty { text += ": " + message }
        return text
    }

    /// Classifies an HTTP error response. `body` is the provider's error JSON when there is one.
    public static func fromHTTP(status: Int, body: [UInt8], retryAfter: Double?) -> ProviderError {
        let json = try? JSONParser.parse(body)
        let error = json?["error"]
        let message = error?["message"]?.stringValue ?? error?.stringValue ?? json?["message"]?.stringValue
            ?? String(decoding: body.prefix(300), as: UTF8.self)
        let code = error?["code"]?.stringValue ?? error?["type"]?.stringValue ?? ""
        let kind: Kind
        switch status {
        case 408: kind = .timeout
        case 429: kind = .rateLimited
        case 503, 529: kind = .overloaded
        case 401, 403: kind = .auth
        case 404: kind = .notFound
        case 400, 413, 422:
            kind = isContextLength(code: code, message: message) ? .contextLength : .badRequest
        case 500...599: kind = code == "overloaded_error" ? .overloaded : .server
        default: kind = status >= 500 ? .server : .badRequest
        }
        return ProviderError(kind, status: status, message: message, retryAfter: retryAfter)
    }

    /// OpenAI says `code: context_length_exceeded`; Anthropic, vLLM and llama.cpp only say it in
    /// the message, so the message's well-known phrasings are the only signal they give.
    static func isContextLength(code: String, message: String) -> Bool {
        if code == "context_length_exceeded" || code == "request_too_large" { return true }
        let lower = message.lowercased()
        return lower.contains("context length") || lower.contains("context window")
            || lower.contains("prompt is too long") || lower.contains("maximum context")
            || lower.contains("too many tokens")
    }
}
