/// `[serve]`: the gateway's defaults; `serve`'s flags override each one.
public struct ServeConfig: Sendable, Equatable {
    public var host: String?
    public var port: Int?
    /// The environment variable holding the key clients must present (never the key itself,
    /// so the config file holds no secret).
    public var apiKeyEnv: String?
    public var maxBodyMB: Double?

    public init() {}
}
