/// The last conversation, for `ask -c`: its system prompt and turns, in
/// $XDG_STATE_HOME/llmroute/conversation.json (mode 0600: prompts can be private).
public struct ConversationStore: Sendable {
    public var path: String

    public struct Conversation: Sendable, Equatable {
        public var system: String?
        public var messages: [ChatMessage]
        /// Ties the conversation's turns together in the usage ledger.
        public var id: String?
        /// The model that answered the last turn and when (wall-clock seconds): its prompt
        /// cache may still hold the conversation (see `WarmCache`).
        public var lastModel: String?
        public var lastSentAt: Double?

        public init(system: String?, messages: [ChatMessage], id: String? = nil) {
            self.system = system
            self.messages = messages
            self.id = id
        }
    }

    public init(stateDirectory: String) { path = stateDirectory + "/conversation.json" }

    /// The stored conversation, or an empty one when there is none or it cannot be read.
    public func load() -> Conversation {
        guard let bytes = try? FileIO.read(path), let json = try? JSONParser.parse(bytes),
              case .array(let items)? = json["messages"] else { return Conversation(system: nil, messages: []) }
        let messages = items.compactMap { item -> ChatMessage? in
            guard let role = item["role"]?.stringValue.flatMap(ChatMessage.Role.init(rawValue:)),
                  let content = item["content"]?.stringValue else { return nil }
            return ChatMessage(role: role, content: content)
        }
        var conversation = Conversation(system: json["system"]?.stringValue, messages: messages, id: json["id"]?.stringValue)
        conversation.lastModel = json["last_model"]?.stringValue
        conversation.lastSentAt = json["last_sent_at"]?.doubleValue
        return conversation
    }

    /// What the last turn sent, if it can still be in `lastModel`'s cache: everything but the
    /// answer it got (output, which only the next turn writes).
    public static func warmCache(_ conversation: Conversation) -> WarmCache? {
        guard let model = conversation.lastModel, let sentAt = conversation.lastSentAt,
              conversation.messages.last?.role == .assistant else { return nil }
        return WarmCache(model: model, sentAt: sentAt, prefix: Array(conversation.messages.dropLast()))
    }

    public func save(_ conversation: Conversation) throws(FileIO.Failure) {
        let messages = conversation.messages.map {
            JSONValue.object([("role", .string($0.role.rawValue)), ("content", .string($0.content))])
        }
        let json = JSONValue.object([
            ("id", conversation.id.map(JSONValue.string) ?? .null),
            ("system", conversation.system.map(JSONValue.string) ?? .null),
            ("messages", .array(messages)),
            ("last_model", conversation.lastModel.map(JSONValue.string) ?? .null),
            ("last_sent_at", conversation.lastSentAt.map(JSONValue.number) ?? .null),
        ])
        try FileIO.makeDirectories(FileIO.parentOf(path), mode: 0o700)
        try FileIO.write(Array((json.pretty() + "\n").utf8), to: path, mode: 0o600)
    }
}
