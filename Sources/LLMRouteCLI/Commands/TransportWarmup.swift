import Dispatch
import LLMRouteCore

/// Builds the HTTP transport on another thread while `ask` reads its config and routes. Its
/// first creation starts the event-loop threads, and the first use of the networking types
/// resolves their runtime metadata: about as long as the config and routing take, so doing
/// both at once shortens the time to the first answer byte. The transport is kept until the
/// process exits (see `HTTPTransport.keepUntilExit`), so a command that stops early (a config
/// error, --dry-run) never has to wait for it.
final class TransportWarmup: @unchecked Sendable {
    private let group = DispatchGroup()
    private var transport: HTTPTransport?

    init(environment: Environment, timeouts: HTTPTimeouts) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let made = HTTPTransport(environment: environment, timeouts: timeouts)
            made.keepUntilExit()
            transport = made  // published to `wait` by the group
            group.leave()
        }
    }

    func wait() -> HTTPTransport {
        group.wait()
        return transport!
    }
}
