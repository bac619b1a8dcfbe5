/// How `llmroute serve` listens and whom it answers, resolved from flags and `[serve]`.
public struct ServeSettings: Sendable {
    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8080
    public static let defaultBodyLimit = 32 * 1024 * 1024
    public static let defaultGracePeriod = 30.0
    /// Seconds a connection may sit without a request in progress.
    public static let idleTimeout = 60
    public static let defaultReadTimeout = 60.0

    public var host: String
    /// 0: the system picks a free port (printed on stderr once listening).
    public var port: Int
    /// The key clients must send as `Authorization: Bearer`; nil: no client key (loopback only).
    /// Held only in memory: never logged, forwarded or stored.
    public var clientKey: String?
    public var bodyLimit: Int
    /// Seconds in-flight requests get to finish after SIGTERM/SIGINT.
    public var gracePeriod: Double
    /// Seconds a client has to send a request's whole body once its headers are in; a slower
    /// one is disconnected. `LLMROUTE_SERVE_READ_TIMEOUT_MS` sets it (the tests shorten it).
    public var readTimeout: Double

    public init(host: String = defaultHost, port: Int = defaultPort, clientKey: String? = nil,
                bodyLimit: Int = defaultBodyLimit, gracePeriod: Double = defaultGracePeriod,
                readTimeout: Double = defaultReadTimeout) {
        self.readTimeout = readTimeout
        self.host = host
        self.port = port
        self.clientKey = clientKey
        self.bodyLimit = bodyLimit
        self.gracePeriod = gracePeriod
    }

    /// Loopback addresses: only this machine can connect, so no client key is needed.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// Compares a presented key with the expected one in time that depends only on their
    /// lengths, not on where they first differ (a timing side channel would leak the key).
    public static func keysMatch(_ presented: String, _ expected: String) -> Bool {
        let a = Array(presented.utf8)
        let b = Array(expected.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
