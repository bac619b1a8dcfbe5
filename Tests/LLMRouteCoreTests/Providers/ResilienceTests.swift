import Testing
@testable import LLMRouteCore

@Suite("Retry, errors, circuit breaker")
struct ResilienceTests {
    func head(_ headers: [(String, String)]) -> HTTPResponseHead { HTTPResponseHead(status: 429, contentType: "", headers: headers) }

    @Test func retryAfterForms() {
        let now = RetryAfter.httpDate("Wed, 21 Oct 2015 07:28:00 GMT")!
        #expect(now == 1_445_412_480)
        #expect(RetryAfter.seconds(from: head([("Retry-After", "7")]), now: now) == 7)
        #expect(RetryAfter.seconds(from: head([("retry-after", "Wed, 21 Oct 2015 07:28:30 GMT")]), now: now) == 30)
        #expect(RetryAfter.seconds(from: head([("retry-after-ms", "250"), ("retry-after", "9")]), now: now) == 0.25)
        #expect(RetryAfter.seconds(from: head([("x-ratelimit-reset-requests", "1m30s"), ("x-ratelimit-reset-tokens", "250ms")]), now: now) == 90)
        #expect(RetryAfter.seconds(from: head([("anthropic-ratelimit-requests-reset", "2015-10-21T07:28:12Z")]), now: now) == 12)
        #expect(RetryAfter.seconds(from: head([]), now: now) == nil)
        #expect(RetryAfter.duration("6m0s") == 360)
        #expect(RetryAfter.duration("soon") == nil)
    }

    @Test func backoffIsExponentialWithFullJitterAndHonoursRetryAfter() {
        let policy = RetryPolicy(retries: 3, baseDelay: 0.5, maxDelay: 4, maxRetryAfter: 60)
        #expect(policy.delay(attempt: 0, retryAfter: nil, random: 1) == 0.5)
        #expect(policy.delay(attempt: 2, retryAfter: nil, random: 1) == 2)
        #expect(policy.delay(attempt: 5, retryAfter: nil, random: 1) == 4)
        #expect(policy.delay(attempt: 2, retryAfter: nil, random: 0.25) == 0.5)
        #expect(policy.delay(attempt: 0, retryAfter: 3, random: 0) == 3)
        #expect(policy.delay(attempt: 0, retryAfter: 120, random: 0) == nil)
        let test = RetryPolicy.from(environment: Environment(["LLMROUTE_RETRY_BASE_MS": "2"]), retries: 1)
        #expect(test.baseDelay == 0.002 && test.retries == 1)
    }

    @Test func statusCodesAreClassifiedByType() {
        func kind(_ status: Int, _ body: String = "{}") -> ProviderError.Kind {
            ProviderError.fromHTTP(status: status, body: Array(body.utf8), retryAfter: nil).kind
        }
        #expect(kind(429) == .rateLimited)
        #expect(kind(529) == .overloaded)
        #expect(kind(503) == .overloaded)
        #expect(kind(500) == .server && kind(502) == .server && kind(504) == .server)
        #expect(kind(408) == .timeout)
        #expect(kind(401) == .auth && kind(403) == .auth)
        #expect(kind(404) == .notFound)
        #expect(kind(422) == .badRequest)
        #expect(kind(400, #"{"error":{"code":"context_length_exceeded","message":"x"}}"#) == .contextLength)
        #expect(kind(400, #"{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210000 tokens > 200000 maximum"}}"#) == .contextLength)
        #expect(kind(400, #"{"error":{"message":"bad temperature"}}"#) == .badRequest)
        #expect(ProviderError(.rateLimited, message: "").isRetryable)
        #expect(!ProviderError(.auth, message: "").isRetryable)
        #expect(!ProviderError(.contextLength, message: "").isRetryable)
    }

    @Test func circuitBreakerOpensAfterThresholdAndSurvivesProcesses() throws {
        let directory = "/tmp/llmroute-breaker-\(UInt64.random(in: 0...UInt64.max))"
        let breaker = CircuitBreaker(stateDirectory: directory, threshold: 2, coolDown: 30)
        #expect(!breaker.isOpen("p"))
        breaker.recordFailure("p", now: 100)
        #expect(!breaker.isOpen("p", now: 100))
        breaker.recordFailure("p", now: 100)
        // Another instance (another process) reads the same state.
        let other = CircuitBreaker(stateDirectory: directory, threshold: 2, coolDown: 30)
        #expect(other.isOpen("p", now: 101))
        #expect(!other.isOpen("p", now: 131), "half-open after the cool-down")
        other.recordSuccess("p")
        #expect(breaker.read()["p"] == nil)
    }

    @Test func openProvidersListsOnlyThoseStillCoolingDown() throws {
        let directory = "/tmp/llmroute-breaker-\(UInt64.random(in: 0...UInt64.max))"
        let breaker = CircuitBreaker(stateDirectory: directory, threshold: 2, coolDown: 30)
        #expect(breaker.openProviders().isEmpty, "no state file: nothing is open")
        for _ in 0..<2 { breaker.recordFailure("open", now: 100) }
        for _ in 0..<2 { breaker.recordFailure("cooled", now: 50) }
        breaker.recordFailure("failing-once", now: 100)
        #expect(breaker.openProviders(now: 110) == ["open"])
        #expect(breaker.openProviders(now: 130.5).isEmpty, "both cool-downs have passed")
    }

    @Test func proxySettingsHonourNoProxy() {
        let settings = ProxySettings(environment: Environment([
            "HTTPS_PROXY": "http://user:pw@proxy.local:3128", "NO_PROXY": "localhost,.internal.example, 127.0.0.1",
        ]))
        #expect(settings.proxy?.host == "proxy.local" && settings.proxy?.port == 3128 && settings.proxy?.user == "user")
        #expect(settings.applies(to: "https://api.openai.com/v1/chat/completions"))
        #expect(!settings.applies(to: "https://a.internal.example/v1"))
        #expect(!settings.applies(to: "http://127.0.0.1:8080/v1"))
        #expect(!settings.applies(to: "http://example.com/v1"), "no HTTP_PROXY: plain http goes direct")
    }
}
