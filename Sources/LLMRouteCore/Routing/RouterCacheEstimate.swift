/// The prompt cache in a conversation's estimates: which input tokens a model is expected to
/// read from its cache or write to it, and what routing says about it.
extension Router {
    /// Reads: the prefix the conversation last sent, when `model` is the one it went to, the
    /// cache is still within its lifetime, and the prefix reaches the model's minimum cacheable
    /// length. Writes: on Anthropic, a marked prompt long enough to be cached is written (at
    /// the write price) except what was read; other providers cache by themselves at no premium.
    func cacheTokens(_ model: ModelInfo, input: Int, request: RouteRequest) -> (read: Int, write: Int) {
        var read = 0
        if let warm = request.warmCache, warm.isWarm(on: model, now: request.now ?? Clock.wallSeconds()) {
            let prefix = prefixTokens(warm.prefix, system: request.system, model: model)
            if prefix >= model.cacheMinTokens { read = min(prefix, input) }
        }
        let marked = request.cachePrefix && model.api == .anthropic && input >= model.cacheMinTokens
        return (read, marked ? input - read : 0)
    }

    /// Tokens of the system prompt and `messages` with their chat framing, without a reply.
    func prefixTokens(_ messages: [ChatMessage], system: String?, model: ModelInfo) -> Int {
        guard !messages.isEmpty else { return 0 }
        var count = messages.count * Self.tokensPerMessage
        for message in messages { count += tokens.count(message.content, for: model).tokens }
        if let system, !system.isEmpty { count += tokens.count(system, for: model).tokens + Self.tokensPerMessage }
        return count
    }

    /// Why the conversation stays on its warm model, or leaves it.
    func cacheReasons(_ primary: Candidate, candidates: [Candidate], request: RouteRequest) -> [String] {
        guard let warm = request.warmCache else { return [] }
        let age = Int(((request.now ?? Clock.wallSeconds()) - warm.sentAt).rounded())
        if primary.model.id == warm.model {
            guard primary.cacheReadTokens > 0 else {
                return age >= Int(WarmCache.lifetime)
                    ? ["\(warm.model)'s prompt cache has expired (last sent \(age) s ago; it lasts \(Int(WarmCache.lifetime)) s)"]
                    : ["the conversation so far is below \(warm.model)'s minimum cacheable length (\(primary.model.cacheMinTokens) tokens): no cache discount"]
            }
            return ["keeps \(warm.model): its prompt cache is warm (~\(primary.cacheReadTokens) tokens of the conversation at the cache-read price, sent \(age) s ago)"]
        }
        if let stay = candidates.first(where: { $0.model.id == warm.model }), stay.cacheReadTokens > 0,
           primary.estimatedCost < stay.estimatedCost {
            return ["leaves \(warm.model)'s warm prompt cache: \(primary.model.id) is cheaper (\(Money.format(primary.estimatedCost)) "
                    + "vs \(Money.format(stay.estimatedCost)) with the cache discount)"]
        }
        return []
    }
}
