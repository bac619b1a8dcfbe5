/// An HTTP request ready to send: where, with which headers, and the JSON body.
public struct PreparedRequest: Sendable {
    public var url: String
    public var headers: [(String, String)]
    public var body: JSONValue
    /// Header values that carry the key, so `--dry-run` can mask them.
    public var secretHeaders: Set<String>
    /// What was changed from the request to suit the model (a dropped temperature), to warn about.
    public var notes: [String]

    public init(url: String, headers: [(String, String)], body: JSONValue, secretHeaders: Set<String>, notes: [String] = []) {
        self.url = url
        self.headers = headers
        self.body = body
        self.secretHeaders = secretHeaders
        self.notes = notes
    }

    /// The secrets themselves (the key without its "Bearer " scheme), to scrub from anything a
    /// server sends back: an error body may echo the request, headers included.
    public var secretValues: [String] {
        headers.compactMap { name, value in
            guard secretHeaders.contains(name) else { return nil }
            return value.hasPrefix("Bearer ") ? String(value.dropFirst(7)) : value
        }
    }

    /// Headers with every secret masked, for printing.
    public var maskedHeaders: [(String, String)] {
        headers.map { name, value in
            secretHeaders.contains(name) ? (name, KeyMask.mask(value)) : (name, value)
        }
    }
}

/// Turns one protocol's stream (SSE events) or whole response into `ChatEvent`s.
public protocol ChatStreamDecoder {
    mutating func decode(_ event: SSEEvent) throws(ProviderError) -> [ChatEvent]
}

/// One wire protocol. One implementation per file; the HTTP and the resilience are shared.
public protocol ChatProvider: Sendable {
    associatedtype Decoder: ChatStreamDecoder
    var info: ProviderInfo { get }
    /// The request for this model; the key is nil for keyless servers (Ollama, llama.cpp).
    func prepare(_ request: ChatRequest, model: ModelInfo, baseURL: String, apiKey: String?) -> PreparedRequest
    func makeDecoder() -> Decoder
    /// A whole (unstreamed) response body as events.
    func decodeWhole(_ body: JSONValue) throws(ProviderError) -> [ChatEvent]
}

/// The provider implementation for a protocol.
public enum ProviderFactory {
    public static func make(_ info: ProviderInfo) -> any ChatProvider {
        switch info.api {
        case .openai: OpenAIProvider(info: info)
        case .anthropic: AnthropicProvider(info: info)
        }
    }
}

/// Shows a key's shape without the key: enough to tell which one is set.
public enum KeyMask {
    public static func mask(_ value: String) -> String {
        let prefix = value.hasPrefix("Bearer ") ? "Bearer " : ""
        let key = value.dropFirst(prefix.count)
        guard key.count > 12 else { return prefix + "****" }
        return prefix + key.prefix(4) + "****" + key.suffix(2)
    }
}

extension URLText {
    /// `base` + `path` with exactly one slash between them.
    static func join(_ base: String, _ path: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}

/// URL helpers that avoid Foundation.
public enum URLText {}
