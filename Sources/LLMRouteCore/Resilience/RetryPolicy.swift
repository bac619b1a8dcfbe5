/// How often and how long to wait before asking the same provider again.
public struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt, per model in the chain (`--retries`).
    public var retries: Int
    /// Base of the exponential backoff, in seconds.
    public var baseDelay: Double
    /// Cap of one computed backoff.
    public var maxDelay: Double
    /// Cap of a server-requested wait (Retry-After): longer than this moves on to the next model.
    public var maxRetryAfter: Double

    public init(retries: Int = 2, baseDelay: Double = 0.5, maxDelay: Double = 20, maxRetryAfter: Double = 60) {
        self.retries = retries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// `LLMROUTE_RETRY_BASE_MS` shrinks the backoff (the test suite sets it so retries take
    /// milliseconds); Retry-After headers are still honoured as sent.
    public static func from(environment: Environment, retries: Int?) -> RetryPolicy {
        var policy = RetryPolicy()
        if let retries { policy.retries = max(0, retries) }
        if let ms = environment.nonEmpty("LLMROUTE_RETRY_BASE_MS").flatMap(Double.init), ms >= 0 {
            policy.baseDelay = ms / 1000
            policy.maxDelay = max(ms / 1000, min(policy.maxDelay, ms * 8 / 1000))
        }
        return policy
    }

    /// The wait before retry number `attempt` (0 = the first retry): exponential backoff with
    /// full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"), or the server's
    /// Retry-After when it gave one. nil: the server asks for longer than we are willing to wait.
    public func delay(attempt: Int, retryAfter: Double?, random: Double) -> Double? {
        if let retryAfter {
            return retryAfter <= maxRetryAfter ? retryAfter : nil
        }
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(attempt, 30)))
        return ceiling * min(max(random, 0), 1)
    }
}
