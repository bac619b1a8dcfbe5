/// Fits a conversation into a model's context window by dropping its oldest turns, for the REPL:
/// each turn is routed on its own, so a follow-up may go to a model with a smaller window than
/// the one that answered before.
public enum ContextTrimmer {
    public struct Result: Sendable, Equatable {
        /// What to send: the newest messages that fit, starting with a user message.
        public var messages: [ChatMessage]
        /// How many of the oldest messages were left out.
        public var dropped: Int
        /// Estimated prompt tokens of what is sent (messages, system prompt and chat framing).
        public var inputTokens: Int
        /// False when even the newest message alone is too large: it is sent anyway, and the
        /// provider's context-length error moves the call to a model with a larger window.
        public var fits: Bool
    }

    /// Keeps the newest messages whose tokens, with the system prompt and `reservedOutput`
    /// tokens for the answer, fit `window`. The last message (the new prompt) is always kept,
    /// and the kept part never starts with an assistant message (providers want a user turn first).
    /// `count` gives a text's tokens on the target model.
    public static func fit(system: String?, messages: [ChatMessage], window: Int, reservedOutput: Int,
                           count: (String) -> Int) -> Result {
        let sizes = messages.map { count($0.content) + Router.tokensPerMessage }
        var fixed = Router.tokensPerReply + max(0, reservedOutput)
        if let system, !system.isEmpty { fixed += count(system) + Router.tokensPerMessage }
        var total = fixed + sizes.reduce(0, +)
        var start = 0
        let last = messages.count - 1
        // Drop from the oldest; then skip a leading assistant reply whose question is gone.
        while start < last && (total > window || messages[start].role != .user) {
            total -= sizes[start]
            start += 1
        }
        return Result(messages: Array(messages[start...]), dropped: start, inputTokens: total - max(0, reservedOutput),
                      fits: total <= window)
    }
}
