import Testing
@testable import LLMRouteCore

@Suite struct ChatTokenCounterTests {
    /// The example conversation from OpenAI's cookbook "How to count tokens with tiktoken",
    /// which reports 129 prompt tokens for gpt-3.5-turbo / gpt-4 and 124 for gpt-4o / gpt-4o-mini
    /// (the same numbers the API returned there, and what tiktoken gives with the cookbook code).
    static let cookbookMessages: [ChatTokenCounter.Message] = [
        .init(role: "system", content: "You are a helpful, pattern-following assistant that translates corporate jargon into plain English."),
        .init(role: "system", content: "New synergies will help drive top-line growth.", name: "example_user"),
        .init(role: "system", content: "Things working well together will increase revenue.", name: "example_assistant"),
        .init(role: "system", content: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.", name: "example_user"),
        .init(role: "system", content: "Let's talk later when we're less busy about how to do better.", name: "example_assistant"),
        .init(role: "user", content: "This late pivot means we don't have time to boil the ocean for the client deliverable."),
    ]

    @Test func cookbookExample() {
        let counter = ChatTokenCounter()
        #expect(counter.count(messages: Self.cookbookMessages, modelID: "gpt-3.5-turbo-0125")
                == TokenCount(tokens: 129, exact: true, method: "cl100k_base"))
        #expect(counter.count(messages: Self.cookbookMessages, modelID: "gpt-4-0613").tokens == 129)
        #expect(counter.count(messages: Self.cookbookMessages, modelID: "gpt-4o-mini").tokens == 124)
        #expect(counter.count(messages: Self.cookbookMessages, modelID: "gpt-4o-2024-08-06").tokens == 124)
    }

    @Test func overheadPerMessageAndReply() {
        let counter = ChatTokenCounter()
        let model = ModelInfo(id: "gpt-4o", provider: "openai", api: .openai, inputCostPerToken: 0,
                              outputCostPerToken: 0, contextWindow: 128_000, maxOutputTokens: 16_384,
                              quality: 1, qualitySource: "test")
        // "user" and "hi" are one token each in o200k_base: 3 + 1 + 1 per message, 3 for the reply.
        #expect(counter.count(messages: [(role: "user", content: "hi")], model: model).tokens == 8)
        #expect(counter.count(messages: [(role: "user", content: "hi"), (role: "user", content: "hi")], model: model).tokens == 13)
        #expect(counter.count(messages: [ChatTokenCounter.Message](), model: model).tokens == 3)
    }

    @Test func estimatesStayLabelled() {
        let result = ChatTokenCounter().count(messages: Self.cookbookMessages, modelID: "claude-sonnet-4", provider: "anthropic")
        #expect(!result.exact)
        #expect(result.tokens == Int((124 * 1.2).rounded(.up)))
        #expect(result.method == "o200k_base x 1.20 (estimate)")
    }
}
