import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix

/// Connect and read (idle) timeouts, in seconds.
public struct HTTPTimeouts: Sendable {
    public var connect: Double
    /// No byte for this long, before the headers or mid-stream, fails the attempt as a timeout.
    public var read: Double

    public init(connect: Double = 10, read: Double = 60) {
        self.connect = connect
        self.read = read
    }
}

/// What came back: the status, the headers retry logic needs, and the body as it arrives.
public struct HTTPResponseHead: Sendable {
    public var status: Int
    public var contentType: String
    public var headers: [(String, String)]

    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name }?.1
    }
}

/// All HTTP goes through AsyncHTTPClient (TLS verification on, pooled keep-alive connections
/// shared by a whole batch). AHC does not read proxy variables, so HTTPS_PROXY/HTTP_PROXY/NO_PROXY
/// are applied here, with one client per proxy setting.
public final class HTTPTransport: Sendable {
    private let direct: HTTPClient
    private let proxied: HTTPClient?
    private let proxies: ProxySettings
    /// One event-loop thread of our own. NIO's shared group starts one per core, one after the
    /// other, before the first request can go out (about 0.2 ms each); one loop serves every
    /// connection of a batch, as curl's single thread does.
    private let group: MultiThreadedEventLoopGroup

    public init(environment: Environment, timeouts: HTTPTimeouts) {
        proxies = ProxySettings(environment: environment)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.group = group
        func client(_ proxy: HTTPClient.Configuration.Proxy?) -> HTTPClient {
            var configuration = HTTPClient.Configuration(
                timeout: .init(connect: .milliseconds(Int64(timeouts.connect * 1000)),
                               read: .milliseconds(Int64(timeouts.read * 1000))),
                proxy: proxy)
            configuration.httpVersion = .automatic
            // A refused connection must fail the attempt now: AHC would otherwise keep trying
            // until the connect timeout, and our retry layer already backs off and falls back.
            configuration.connectionPool.retryConnectionEstablishment = false
            // AHC's default of 8 connections per host queued every further request behind the
            // running streams: 50 clients of the gateway, or `ask --concurrency 50`, got 8
            // answers at a time. Connections open only for requests in flight, so this bounds
            // how many may be in flight, not how many are kept.
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = Self.connectionsPerHost
            return HTTPClient(eventLoopGroup: group, configuration: configuration)
        }
        direct = client(nil)
        proxied = proxies.proxy.map { proxy in
            var config = HTTPClient.Configuration.Proxy.server(host: proxy.host, port: proxy.port)
            if let user = proxy.user { config = .server(host: proxy.host, port: proxy.port, authorization: .basic(username: user, password: proxy.password ?? "")) }
            return client(config)
        }
    }

    /// Closes the pooled connections. Call from synchronous code (never an event loop) once
    /// every request is done; AHC requires it before the clients are released.
    public func shutdownSync() {
        try? direct.syncShutdown()
        try? proxied?.syncShutdown()
        try? group.syncShutdownGracefully()
    }

    /// For a process about to exit: keeps the clients alive until the end instead of shutting
    /// them down. A shutdown closes every pooled connection and waits for the event loops
    /// (a few milliseconds after the answer is already out); exit(3) ends them anyway, and
    /// AsyncHTTPClient only objects to a client released while still running.
    public func keepUntilExit() {
        Self.keptUntilExit.withLock { $0.append(self) }
    }

    /// Upstream HTTP/1.1 connections per host at once (HTTP/2 multiplexes on one).
    public static let connectionsPerHost = 1024

    private static let keptUntilExit = Locked<[HTTPTransport]>([])

    /// Sends the request and hands each body chunk to `onBytes` as it arrives, on the event-loop
    /// thread (StreamingResponseDelegate says why). Throws `ProviderError` for network failures
    /// and HTTP errors (with the error body read), `CancellationError` when the task is cancelled.
    public func send(_ request: PreparedRequest, onHead: (HTTPResponseHead) throws -> Void,
                     onBytes: (ByteBufferView) throws -> Void) async throws {
        let useProxy = proxies.applies(to: request.url)
        let client = useProxy ? (proxied ?? direct) : direct
        var headers = HTTPHeaders()
        for (name, value) in request.headers { headers.add(name: name, value: value) }
        try Task.checkCancellation()
        // Both closures are only called until the task's result is in, which is awaited here.
        try await withoutActuallyEscaping(onHead) { onHead in
            try await withoutActuallyEscaping(onBytes) { onBytes in
                let delegate = StreamingResponseDelegate(onHead: onHead, onBytes: onBytes)
                let http: HTTPClient.Request
                do {
                    http = try HTTPClient.Request(url: request.url, method: .POST, headers: headers,
                                                  body: .byteBuffer(ByteBuffer(string: request.body.serialized())))
                } catch {
                    delegate.dropCallbacks()
                    throw Self.providerError(error, thrownByCallback: nil)
                }
                // The read timeout (idle time) bounds each wait; this deadline only stops a runaway.
                let task = client.execute(request: http, delegate: delegate, deadline: .now() + .hours(1))
                var failure: (any Error)?
                do {
                    try await withTaskCancellationHandler {
                        try await task.futureResult.get()
                    } onCancel: {
                        task.cancel()
                    }
                } catch {
                    failure = error
                }
                // Normally the delegate's last call dropped them already. If not (AHC fails some
                // requests without calling it), on the event loop, so after any callback there.
                if !delegate.callbacksDropped {
                    do { try await task.eventLoop.submit { delegate.dropCallbacks() }.get() } catch {
                        delegate.dropCallbacks()  // the loop has shut down: no callback can be running
                    }
                }
                if let failure { throw Self.providerError(failure, thrownByCallback: delegate.callbackError) }
            }
        }
    }

    /// What `send` throws for an error from AHC or from one of its callbacks.
    private static func providerError(_ error: any Error, thrownByCallback: (any Error)?) -> any Error {
        if let thrownByCallback { return thrownByCallback }
        if Task.isCancelled { return CancellationError() }
        switch error {
        case let error as ProviderError: return error
        case is CancellationError: return CancellationError()
        case let error as HTTPClientError:
            return error == .cancelled ? CancellationError() : classify(error)
        default: return ProviderError(.connection, message: "\(error)")
        }
    }

    static func classify(_ error: HTTPClientError) -> ProviderError {
        switch error {
        case .connectTimeout, .readTimeout, .deadlineExceeded, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
            return ProviderError(.timeout, message: "\(error)")
        default:
            return ProviderError(.connection, message: "\(error)")
        }
    }
}

/// HTTPS_PROXY / HTTP_PROXY / NO_PROXY as curl reads them (lower case wins over upper case).
struct ProxySettings: Sendable {
    struct Proxy: Sendable {
        var host: String
        var port: Int
        var user: String?
        var password: String?
    }

    var proxy: Proxy?
    var httpProxy: Bool
    var noProxy: [String]

    init(environment: Environment) {
        func value(_ name: String) -> String? { environment.nonEmpty(name.lowercased()) ?? environment.nonEmpty(name) }
        let https = value("HTTPS_PROXY")
        let http = value("HTTP_PROXY")
        proxy = (https ?? http).flatMap(Self.parse)
        httpProxy = http != nil
        noProxy = (value("NO_PROXY") ?? "").split(separator: ",").map {
            var entry = String($0).trimmingSpaces().lowercased()
            if entry.hasPrefix("*.") { entry.removeFirst() }
            return entry
        }.filter { !$0.isEmpty }
    }

    static func parse(_ text: String) -> Proxy? {
        guard let url = URLText.Parts(text.contains("://") ? text : "http://" + text) else { return nil }
        return Proxy(host: url.host, port: url.port ?? 80, user: url.user, password: url.password)
    }

    func applies(to urlText: String) -> Bool {
        guard proxy != nil, let url = URLText.Parts(urlText) else { return false }
        if url.scheme == "http" && !httpProxy { return false }
        let host = url.host.lowercased()
        for entry in noProxy {
            if entry == "*" { return false }
            let bare = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            let hostOnly = bare.split(separator: ":").first.map(String.init) ?? bare
            if host == hostOnly || host.hasSuffix("." + hostOnly) { return false }
        }
        return true
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}

extension URLText {
    /// scheme://[user[:password]@]host[:port][/path], enough for proxy and base URLs.
    struct Parts: Sendable {
        var scheme: String
        var host: String
        var port: Int?
        var user: String?
        var password: String?

        init?(_ text: String) {
            guard let range = text.firstRange(of: "://") else { return nil }
            scheme = String(text[..<range.lowerBound]).lowercased()
            var rest = text[range.upperBound...]
            if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
            if let at = rest.lastIndex(of: "@") {
                let info = rest[..<at]
                rest = rest[rest.index(after: at)...]
                let pieces = info.split(separator: ":", maxSplits: 1)
                user = pieces.first.map(String.init)
                password = pieces.count > 1 ? String(pieces[1]) : nil
            }
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                host = String(rest[rest.index(after: rest.startIndex)..<close])
                let after = rest[rest.index(after: close)...]
                port = after.hasPrefix(":") ? Int(after.dropFirst()) : nil
            } else if let colon = rest.lastIndex(of: ":") {
                host = String(rest[..<colon])
                port = Int(rest[rest.index(after: colon)...])
            } else {
                host = String(rest)
            }
            if host.isEmpty { return nil }
        }
    }
}
