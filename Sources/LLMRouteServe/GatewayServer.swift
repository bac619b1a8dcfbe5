import HTTPTypes
import Hummingbird
import LLMRouteCore
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `llmroute serve`: an OpenAI-compatible HTTP front for the engine. Hummingbird serves
/// HTTP/1.1 on NIO; a ServiceGroup turns SIGTERM/SIGINT into a graceful shutdown (stop
/// accepting, let in-flight requests and streams finish within the grace period; each records
/// its ledger row before its handler returns, so the ledger is complete when `run` returns).
public struct GatewayServer: Sendable {
    public let settings: ServeSettings
    public let engine: GatewayEngine
    /// Called once listening, with the bound port (the chosen one for port 0).
    public let onListening: @Sendable (String, Int) -> Void

    public init(settings: ServeSettings, engine: GatewayEngine, onListening: @escaping @Sendable (String, Int) -> Void) {
        self.settings = settings
        self.engine = engine
        self.onListening = onListening
    }

    /// Serves until SIGTERM or SIGINT, then drains and returns.
    public func run() async throws {
        var logger = Logger(label: "llmroute.serve")
        // Request logging stays off: headers carry the client's key.
        logger.logLevel = .error
        let router = Router(context: GatewayContext.self)
        let handlers = GatewayHandlers(settings: settings, engine: engine)
        router.get("/health") { _, _ in GatewayHandlers.json(.object([("status", .string("ok"))])) }
        router.get("/v1/models") { request, _ in handlers.authorized(request) ?? handlers.models() }
        router.get("/metrics") { request, _ in handlers.authorized(request) ?? handlers.metrics() }
        router.post("/v1/chat/completions") { request, context in
            if let refused = handlers.authorized(request) { return refused }
            return await handlers.chatCompletions(request, channel: context.channel)
        }
        let host = settings.host
        let announce = onListening
        let app = Application(
            router: router,
            // Connections with no request in progress (idle keep-alives, clients that never
            // send one) are closed after this, so they cannot pile up.
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(ServeSettings.idleTimeout)))),
            configuration: .init(address: .hostname(host, port: settings.port), serverName: nil),
            onServerRunning: { channel in announce(host, channel.localAddress?.port ?? 0) },
            logger: logger)
        var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = .milliseconds(Int64(settings.gracePeriod * 1000))
        configuration.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: configuration).run()
    }
}
