import Testing
@testable import LLMRouteCore

@Suite("Context trimming for the REPL")
struct ContextTrimmerTests {
    /// One token per word keeps the arithmetic visible.
    static func words(_ text: String) -> Int { text.split(separator: " ").count }

    static func conversation(_ turns: Int, wordsPerMessage: Int = 10) -> [ChatMessage] {
        let text = Array(repeating: "w", count: wordsPerMessage).joined(separator: " ")
        var messages: [ChatMessage] = []
        for index in 0..<turns {
            messages.append(ChatMessage(role: .user, content: "q\(index) " + text))
            messages.append(ChatMessage(role: .assistant, content: "a\(index) " + text))
        }
        return messages + [ChatMessage(role: .user, content: "new " + text)]
    }

    @Test func everythingFitsNothingDropped() {
        let messages = Self.conversation(3)
        let result = ContextTrimmer.fit(system: "be brief", messages: messages, window: 10_000, reservedOutput: 100, count: Self.words)
        #expect(result.dropped == 0)
        #expect(result.messages == messages)
        #expect(result.fits)
        // 7 messages of 11 words + 4 framing each, the system prompt (2 + 4), reply priming.
        #expect(result.inputTokens == 7 * 15 + 6 + Router.tokensPerReply)
    }

    @Test func dropsOldestWholeTurnsUntilItFits() {
        let messages = Self.conversation(3)
        // Room for the new prompt and the newest turn only: 3 messages of 15, priming 3, 20 reserved.
        let window = 3 * 15 + Router.tokensPerReply + 20
        let result = ContextTrimmer.fit(system: nil, messages: messages, window: window, reservedOutput: 20, count: Self.words)
        #expect(result.dropped == 4)
        #expect(result.messages.map(\.content.first) == ["q", "a", "n"])
        #expect(result.messages.first?.content.hasPrefix("q2") == true)
        #expect(result.fits)
    }

    @Test func neverStartsWithAnAssistantReply() {
        let messages = Self.conversation(2)
        // Room for 2 messages: dropping only q0, a0, q1 would leave a1 first; a1 goes too.
        let window = 2 * 15 + Router.tokensPerReply
        let result = ContextTrimmer.fit(system: nil, messages: messages, window: window, reservedOutput: 0, count: Self.words)
        #expect(result.messages.count == 1)
        #expect(result.messages.first?.role == .user)
        #expect(result.messages.first?.content.hasPrefix("new") == true)
        #expect(result.dropped == 4)
    }

    @Test func theNewPromptIsKeptEvenWhenItAloneIsTooLarge() {
        let messages = Self.conversation(1, wordsPerMessage: 500)
        let result = ContextTrimmer.fit(system: nil, messages: messages, window: 100, reservedOutput: 10, count: Self.words)
        #expect(result.messages.count == 1)
        #expect(result.dropped == 2)
        #expect(!result.fits)
    }

    @Test func theSystemPromptAndReservedOutputCount() {
        let messages = Self.conversation(1)
        let all = 3 * 15 + Router.tokensPerReply
        #expect(ContextTrimmer.fit(system: nil, messages: messages, window: all, reservedOutput: 0, count: Self.words).dropped == 0)
        #expect(ContextTrimmer.fit(system: "x", messages: messages, window: all, reservedOutput: 0, count: Self.words).dropped == 2)
        #expect(ContextTrimmer.fit(system: nil, messages: messages, window: all, reservedOutput: 1, count: Self.words).dropped == 2)
    }

    @Test func routingCountsTheEarlierTurns() throws {
        let router = SketchCatalog.router()
        let short = RouteRequest(prompt: "What is 2+2?")
        var long = short
        long.context = Self.conversation(20, wordsPerMessage: 50)
        let model = SketchCatalog.catalog.model(named: "gpt-4o-mini")!
        let bare = router.inputTokens(prompt: short.prompt, system: nil, model: model).tokens
        let withContext = router.inputTokens(prompt: long.prompt, system: nil, model: model, context: long.context).tokens
        let contextTokens = long.context.reduce(0) { $0 + router.tokens.count($1.content, for: model).tokens + Router.tokensPerMessage }
        #expect(withContext == bare + contextTokens)
        let longEstimate = try router.route(long).inputTokens.tokens
        let shortEstimate = try router.route(short).inputTokens.tokens
        #expect(longEstimate > shortEstimate)
    }
}
