/// Prompt tokens of a chat request, counted the way OpenAI's cookbook "How to count tokens with
/// tiktoken" (`num_tokens_from_messages`) does for current chat models: every message costs
/// 3 tokens of framing plus its role and content (and its name, plus 1, when there is one), and
/// every reply is primed with 3 more (`<|start|>assistant<|message|>`).
///
/// For OpenAI models this reproduces what the API reports as prompt tokens for plain text
/// messages (not tools, images or response formats). For other providers the framing is not
/// public: the same overhead is applied and the result is an estimate like the text count.
public struct ChatTokenCounter: Sendable {
    public static let tokensPerMessage = 3
    public static let tokensPerName = 1
    public static let tokensPerReplyPriming = 3

    public struct Message: Sendable, Equatable {
        public var role: String
        public var content: String
        public var name: String?

        public init(role: String, content: String, name: String? = nil) {
            self.role = role
            self.content = content
            self.name = name
        }
    }

    public init() {}

    public func count(messages: [Message], model: ModelInfo) -> TokenCount {
        count(messages: messages, choice: TokenizerChoice.forModel(model))
    }

    public func count(messages: [(role: String, content: String)], model: ModelInfo) -> TokenCount {
        count(messages: messages.map { Message(role: $0.role, content: $0.content) }, model: model)
    }

    public func count(messages: [Message], modelID: String, provider: String = "") -> TokenCount {
        count(messages: messages, choice: TokenizerChoice.forModel(id: modelID, provider: provider))
    }

    public func count(messages: [Message], choice: TokenizerChoice) -> TokenCount {
        let tokenizer = BPETokenizer.shared(choice.encoding)
        var total = Self.tokensPerReplyPriming
        for message in messages {
            total += Self.tokensPerMessage + tokenizer.count(message.role) + tokenizer.count(message.content)
            if let name = message.name { total += tokenizer.count(name) + Self.tokensPerName }
        }
        return TokenCount(tokens: choice.tokens(fromEncodingCount: total), exact: choice.exact, method: choice.method)
    }
}
