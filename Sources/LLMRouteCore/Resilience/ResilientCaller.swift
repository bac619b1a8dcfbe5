/// One try at one model, for `--json`'s attempts list and the failure report.
public struct Attempt: Sendable, Equatable {
    public var provider: String
    public var model: String
    /// "ok", a `ProviderError.Kind` raw value, "circuit_open", "no_api_key" or "interrupted".
    public var outcome: String
    public var message: String?
    /// Seconds the attempt took (nil when nothing was sent: no key, open circuit).
    public var latency: Double?
    /// The deployment's own base URL, when load balancing called the model there.
    public var endpoint: String?

    public init(provider: String, model: String, outcome: String, message: String? = nil, latency: Double? = nil, endpoint: String? = nil) {
        self.provider = provider
        self.model = model
        self.outcome = outcome
        self.message = message
        self.latency = latency
        self.endpoint = endpoint
    }

    init(_ model: ModelInfo, outcome: String, message: String? = nil, latency: Double? = nil) {
        self.init(provider: model.provider, model: model.id, outcome: outcome, message: message, latency: latency, endpoint: model.endpoint)
    }
}

/// Every model in the chain failed, or a stream failed after its text reached the user.
public struct CallFailure: Error, Sendable {
    public var attempts: [Attempt]
    /// Set when answer text had already been shown: the model that produced it and what failed.
    public var partialFrom: ModelInfo?
    public var lastError: ProviderError?
}

/// The fallback chain with retries: the design sketch's ResilientRouter, with typed errors.
/// Per model: retry retryable failures with backoff (Retry-After honoured); auth and model
/// errors move to the next model with a warning; a context-length error skips to a model with a
/// larger window; providers whose circuit breaker is open are skipped while another remains.
public final class ResilientCaller: @unchecked Sendable {
    public let catalog: Catalog
    public let environment: Environment
    public let transport: HTTPTransport
    public let policy: RetryPolicy
    public let breaker: CircuitBreaker?
    public let limiter: ProviderBackoff
    /// After answer text was shown, re-ask the next model (true) or stop (false).
    public let restartAfterPartial: Bool
    public let warn: @Sendable (String) -> Void
    /// Request adjustments already warned about: a batch warns once, not once per line.
    private let warned = Locked<Set<String>>([])

    public init(catalog: Catalog, environment: Environment, transport: HTTPTransport, policy: RetryPolicy,
                breaker: CircuitBreaker?, limiter: ProviderBackoff = ProviderBackoff(),
                restartAfterPartial: Bool = false, warn: @escaping @Sendable (String) -> Void) {
        self.catalog = catalog
        self.environment = environment
        self.transport = transport
        self.policy = policy
        self.breaker = breaker
        self.limiter = limiter
        self.restartAfterPartial = restartAfterPartial
        self.warn = warn
    }

    /// The request prepared for a model, for `--dry-run` and for sending.
    public func prepare(_ request: ChatRequest, model: ModelInfo) -> (provider: any ChatProvider, prepared: PreparedRequest)? {
        guard let info = catalog.provider(named: model.provider) else { return nil }
        let provider = ProviderFactory.make(info)
        let baseURL = model.endpoint ?? catalog.baseURL(for: info, environment: environment)
        let prepared = provider.prepare(request, model: model, baseURL: baseURL,
                                        apiKey: catalog.apiKey(for: info, environment: environment))
        return (provider, prepared)
    }

    /// The chain as it will be called: each load-balanced model replaced by its deployments,
    /// drawn by weight among the healthy ones (see `LoadBalancer`).
    public func targets(for chain: [ModelInfo]) -> [ModelInfo] {
        targets(for: chain, openProviders: breaker?.openProviders() ?? [])
    }

    private func targets(for chain: [ModelInfo], openProviders: Set<String>) -> [ModelInfo] {
        // Seeded once from the system's source rather than passing SystemRandomNumberGenerator
        // itself: it has no stored properties, and ThreadSanitizer's instrumentation of an inout
        // access to a value of a generic type that is empty at run time passes an unspecified
        // address to its runtime, which crashed on it (LoadBalancingTests under TSan; swiftlang/
        // swift#35579 fixed this only for types known to be empty at compile time).
        var system = SystemRandomNumberGenerator()
        var random = SplitMix64(seed: system.next())
        var seen = Set<String>()
        return chain.flatMap { model in
            catalog.targets(for: model, isHealthy: { !openProviders.contains($0) }, using: &random)
        }.filter { seen.insert($0.id + " " + $0.healthKey).inserted }
    }

    /// Calls down the chain until one model answers. `onEvent` sees every decoded event and
    /// `afterChunk` runs after each network read's events (where output is worth flushing);
    /// `onRestart(failed, next)` runs before a re-ask that follows shown partial text.
    public func call(_ request: ChatRequest, chain: [ModelInfo], onEvent: (ModelInfo, ChatEvent) throws -> Void,
                     onRestart: (ModelInfo, ModelInfo) -> Void, afterChunk: () -> Void = {}) async throws -> (ChatResult, [Attempt]) {
        let openProviders = breaker?.openProviders() ?? []
        let chain = targets(for: chain, openProviders: openProviders)
        var attempts: [Attempt] = []
        var lastError: ProviderError?
        var minimumContext = 0
        var partialFrom: ModelInfo?
        let anyClosed = chain.contains { !openProviders.contains($0.healthKey) }
        for (index, model) in chain.enumerated() {
            if model.contextWindow <= minimumContext { continue }
            guard let info = catalog.provider(named: model.provider) else { continue }
            if !catalog.isUsable(info, environment: environment) {
                attempts.append(Attempt(model, outcome: "no_api_key", message: "\(info.apiKeyEnv ?? "key") is not set"))
                continue
            }
            // An open breaker is skipped while a healthy provider remains; when all are open, try anyway.
            if openProviders.contains(model.healthKey) && anyClosed {
                attempts.append(Attempt(model, outcome: "circuit_open", message: "failed recently; skipped until its cool-down ends"))
                continue
            }
            if let partial = partialFrom { onRestart(partial, model); partialFrom = nil }
            let (provider, prepared) = prepare(request, model: model)!
            for note in prepared.notes where warned.withLock({ $0.insert(note).inserted }) { warn(note) }
            var retry = 0
            while true {
                try await limiter.wait(for: model.healthKey)
                var shown = false
                let attemptStarted = Clock.monotonicSeconds()
                do {
                    let result = try await ChatCall.run(provider, prepared: prepared, model: model, transport: transport) { event in
                        // A tool call passed on is output too: a re-ask must not send it twice.
                        switch event {
                        case .text, .toolCall: shown = true
                        default: break
                        }
                        try onEvent(model, event)
                    } afterChunk: { afterChunk() }
                    attempts.append(Attempt(model, outcome: "ok", latency: Clock.monotonicSeconds() - attemptStarted))
                    breaker?.recordSuccess(model.healthKey)
                    return (result, attempts)
                } catch let raw as ProviderError {
                    // Servers and proxies echo requests in their errors; the key must not reach
                    // the terminal, --json, logs or state through that echo.
                    let error = raw.redacting(prepared.secretValues)
                    lastError = error
                    attempts.append(Attempt(model, outcome: error.kind.rawValue, message: error.description,
                                            latency: Clock.monotonicSeconds() - attemptStarted))
                    if error.isProviderFault { breaker?.recordFailure(model.healthKey) }
                    if error.kind == .rateLimited, let wait = error.retryAfter { limiter.pause(model.healthKey, seconds: wait) }
                    if shown {
                        // Never print an answer twice: stop, or re-ask the next model after a separator.
                        guard restartAfterPartial, index + 1 < chain.count else {
                            throw CallFailure(attempts: attempts, partialFrom: model, lastError: error)
                        }
                        partialFrom = model
                        break
                    }
                    if error.isRetryable, retry < policy.retries,
                       let delay = policy.delay(attempt: retry, retryAfter: error.retryAfter, random: Double.random(in: 0..<1)) {
                        retry += 1
                        try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
                        continue
                    }
                    switch error.kind {
                    case .auth, .notFound:
                        warn("\(model.provider)/\(model.id): \(error); trying the next fallback")
                    case .contextLength:
                        minimumContext = model.contextWindow
                        warn("\(model.id): prompt too long for its \(model.contextWindow)-token window; trying a larger model")
                    default:
                        break
                    }
                    break
                }
            }
        }
        if let partialFrom {
            throw CallFailure(attempts: attempts, partialFrom: partialFrom, lastError: lastError)
        }
        throw CallFailure(attempts: attempts, partialFrom: nil, lastError: lastError)
    }
}
