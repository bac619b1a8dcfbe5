/// What a continued conversation (the REPL, `ask -c`) last sent, so the next turn's estimate can
/// count that prefix as a cache read: on the same model, within the cache's lifetime, and when
/// it is at least the model's minimum cacheable length.
public struct WarmCache: Sendable, Equatable {
    /// The model the prefix was sent to.
    public var model: String
    /// Unix seconds (wall clock) when it was sent.
    public var sentAt: Double
    /// The messages sent then (after the system prompt), which the provider may hold.
    public var prefix: [ChatMessage]

    /// 5 minutes: Anthropic's default `ephemeral` lifetime, and the least OpenAI keeps an idle
    /// prefix (5-10 minutes, per its prompt-caching guide); the shorter is the safe guess.
    public static let lifetime = 300.0

    public init(model: String, sentAt: Double, prefix: [ChatMessage]) {
        self.model = model
        self.sentAt = sentAt
        self.prefix = prefix
    }

    public func isWarm(on model: ModelInfo, now: Double) -> Bool {
        model.id == self.model && now >= sentAt && now - sentAt < Self.lifetime
    }
}
