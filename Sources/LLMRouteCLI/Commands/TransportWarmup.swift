import Dispatch
import LLMRouteCore

/// Builds the HTTP transport on another thread while `ask` reads its config and routes. Its
/// first creation starts the event-loop thread, and the first use of the networking types
/// resolves their runtime metadata: about as long as the config and routing take, so doing
/// both at once shortens the time to the first answer byte. The transport is kept until the
/// process exits (see `HTTPTransport.keepUntilExit`), so a command that stops early (a config
/// error, --dry-run) never has to wait for it.
///
/// The thread starts on an idle core (DetachedThread): a dispatch worker, as before, began
/// 0.5 to 0.9 ms after the request for it while this thread kept the only busy core, so the
/// transport was ready only after routing and `ask` waited for it.
final class TransportWarmup: @unchecked Sendable {
    private let group = DispatchGroup()
    private var transport: HTTPTransport?

    init(environment: Environment, timeouts: HTTPTimeouts) {
        group.enter()
        let started = DetachedThread.start { [self] in
            let made = HTTPTransport(environment: environment, timeouts: timeouts)
            made.keepUntilExit()
            transport = made  // published to `wait` by the group
            group.leave()
        }
        if !started {  // no thread to be had: build it here
            transport = HTTPTransport(environment: environment, timeouts: timeouts)
            group.leave()
        }
    }

    func wait() -> HTTPTransport {
        group.wait()
        return transport!
    }
}
