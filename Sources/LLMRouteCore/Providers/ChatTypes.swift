/// One message of a conversation.
public struct ChatMessage: Sendable, Equatable {
    /// `tool`: a tool's result, answering the assistant's call `toolCallID`.
    public enum Role: String, Sendable { case system, user, assistant, tool }
    public var role: Role
    /// The text (all text parts joined, when there are parts).
    public var content: String
    /// Content with images (`llmroute serve`): text and image parts in order; nil for plain text.
    public var parts: [ContentPart]? = nil
    /// The calls an assistant turn asked for.
    public var toolCalls: [ToolCall] = []
    /// For a `tool` turn: the call it answers.
    public var toolCallID: String? = nil

    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }

    public var hasImages: Bool { imageCount > 0 }

    public var imageCount: Int {
        parts?.count { if case .image = $0 { true } else { false } } ?? 0
    }
}

/// What `ask` sends, independent of the wire protocol.
public struct ChatRequest: Sendable {
    public var system: String?
    /// User and assistant turns, oldest first (a continued conversation has several).
    public var messages: [ChatMessage]
    public var maxTokens: Int?
    public var temperature: Double?
    public var stream: Bool
    /// A conversation that will be continued (the REPL, `ask -c`): providers that cache only
    /// what is marked (Anthropic) mark its prefix, so the next turn reads it from the cache.
    public var cachePrefix: Bool
    /// Stop sequences (`llmroute serve` passes on a client's `stop`): `stop` in Chat
    /// Completions, `stop_sequences` in Messages. Empty: none sent.
    public var stop: [String] = []
    /// Tools offered to the model (`llmroute serve`); nil: none.
    public var tools: ToolOptions? = nil

    public init(system: String? = nil, messages: [ChatMessage], maxTokens: Int? = nil,
                temperature: Double? = nil, stream: Bool = true, cachePrefix: Bool = false) {
        self.system = system
        self.messages = messages
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.stream = stream
        self.cachePrefix = cachePrefix
    }
}

/// What a provider's stream yields, already decoded from its protocol.
public enum ChatEvent: Sendable, Equatable {
    /// Answer text: printed to stdout.
    case text(String)
    /// Reasoning/thinking text: never the answer; stderr with --show-reasoning.
    case reasoning(String)
    /// Usage so far, every bucket; a later report replaces an earlier one (decoders that
    /// receive usage in pieces, like Anthropic's, merge the pieces before reporting).
    case usage(TokenUsage)
    /// Why generation stopped, in the provider's words (stop, length, end_turn, refusal, …).
    case stop(String)
    /// A piece of a tool call the model makes (its arguments arrive in pieces when streamed).
    case toolCall(ToolCallDelta)
}

/// The outcome of one successful call.
public struct ChatResult: Sendable, Equatable {
    public var text: String
    public var reasoning: String
    public var usage: TokenUsage
    public var stopReason: String?
    public var model: ModelInfo
    /// Seconds from sending the request to the first answer byte (nil when there was none).
    public var timeToFirstToken: Double?
    /// False when the API reported no usage: `usage` is then zero, and the ledger estimates it.
    public var usageReported = false
    /// The tool calls the model made, assembled from their pieces.
    public var toolCalls: [ToolCall] = []

    /// Providers that stop for safety say so in their own words.
    public var refused: Bool { stopReason == "refusal" || stopReason == "content_filter" }

    public init(text: String, reasoning: String, usage: TokenUsage, stopReason: String?, model: ModelInfo, timeToFirstToken: Double?) {
        self.text = text
        self.reasoning = reasoning
        self.usage = usage
        self.stopReason = stopReason
        self.model = model
        self.timeToFirstToken = timeToFirstToken
    }
}
