/// The last conversation, for `ask -c`: its system prompt and turns, in
/// $XDG_STATE_HOME/llmroute/conversation.json (mode 0600: prompts can be private).
public struct ConversationStore: Sendable {
    public var path: String

    public struct Conversation: Sendable, Equatable {
        public var system: String?
        public var messages: [ChatMessage]
        /// Ties the conversation's turns together in the usage ledger.
        public var id: String?

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
        return Conversation(system: json["system"]?.stringValue, messages: messages, id: json["id"]?.stringValue)
    }

    public func save(_ conversation: Conversation) throws(FileIO.Failure) {
        let messages = conversation.messages.map {
            JSONValue.object([("role", .string($0.role.rawValue)), ("content", .string($0.content))])
        }
        let json = JSONValue.object([
            ("id", conversation.id.map(JSONValue.string) ?? .null),
            ("system", conversation.system.map(JSONValue.string) ?? .null),
            ("messages", .array(messages)),
        ])
        try FileIO.makeDirectories(FileIO.parentOf(path), mode: 0o700)
        try FileIO.write(Array((json.pretty() + "\n").utf8), to: path, mode: 0o600)
    }
}
