import Hummingbird
import NIOCore

/// Hummingbird's basic request context plus the request's connection, so a handler can close a
/// connection whose client stopped sending (hummingbird's idle timeout restarts with every body
/// piece, so a body trickled a byte at a time would otherwise hold the connection forever).
struct GatewayContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
