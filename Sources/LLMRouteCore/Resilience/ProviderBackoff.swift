/// One shared pause per provider: when a provider rate-limits one request of a batch, the other
/// workers wait for the same Retry-After instead of each hammering it and being refused too.
public final class ProviderBackoff: Sendable {
    private let until = Locked<[String: Double]>([:])

    public init() {}

    public func pause(_ provider: String, seconds: Double) {
        let end = Clock.monotonicSeconds() + seconds
        until.withLock { $0[provider] = max($0[provider] ?? 0, end) }
    }

    public func wait(for provider: String) async throws {
        let end = until.withLock { $0[provider] } ?? 0
        let remaining = end - Clock.monotonicSeconds()
        if remaining > 0 { try await Task.sleep(nanoseconds: UInt64(remaining * 1_000_000_000)) }
    }
}
