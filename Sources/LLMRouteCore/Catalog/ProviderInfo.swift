/// How to reach a provider: protocol, default base URL and where its key comes from.
public struct ProviderInfo: Sendable, Equatable, Codable {
    /// Key used by models and config (e.g. `openai`, `anthropic`, `groq`, `ollama`).
    public var name: String
    public var api: APIProtocol
    /// Base URL as the official SDKs take it: OpenAI-style bases include `/v1`,
    /// Anthropic's does not (the client appends `/v1/messages`).
    public var baseURL: String
    /// Environment variable holding the API key; nil for keyless local servers.
    public var apiKeyEnv: String?
    /// Environment variable that overrides the base URL (e.g. `OPENAI_BASE_URL`).
    public var baseURLEnv: String?

    public init(name: String, api: APIProtocol, baseURL: String, apiKeyEnv: String?, baseURLEnv: String? = nil) {
        self.name = name
        self.api = api
        self.baseURL = baseURL
        self.apiKeyEnv = apiKeyEnv
        self.baseURLEnv = baseURLEnv
    }

    /// A provider with no key variable (a local server) is always usable.
    public var isKeyless: Bool { apiKeyEnv == nil }
}
