import LLMRouteCore

/// Builds the HTTP transport on another thread while `ask` reads its config and routes. Its
/// first creation starts the event-loop thread, and the first use of the networking types
/// resolves their runtime metadata: about as long as the config and routing take, so doing
/// both at once shortens the time to the first answer byte. The transport is kept until the
/// process exits (see `HTTPTransport.keepUntilExit`), so a command that stops early (a config
/// error, --dry-run) never has to wait for it.
///
/// The job's thread starts on an idle core (BackgroundJob, DetachedThread): a dispatch worker,
/// as before, began 0.5 to 0.9 ms after the request for it while this thread kept the only
/// busy core, so the transport was ready only after routing and `ask` waited for it.
struct TransportWarmup {
    private let job: BackgroundJob<HTTPTransport>

    init(environment: Environment, timeouts: HTTPTimeouts) {
        job = BackgroundJob {
            let made = HTTPTransport(environment: environment, timeouts: timeouts)
            made.keepUntilExit()
            return made
        }
    }

    /// The transport, once built; call it once.
    func wait() -> HTTPTransport { job.wait() }
}
