import LLMRouteCore

/// What `ask` and `route` route with `-c`: the last conversation with the new prompt added,
/// routed on all of its text (every turn is sent again), marked for caching, with the warm
/// cache the last turn left; without `-c`, a new conversation of one prompt.
struct ConversationRouting {
    var conversation: ConversationStore.Conversation
    /// `-c` was given: the conversation goes on, so its prefix is marked for the cache.
    var continued: Bool
    /// The text routing classifies and counts: every turn.
    var routed: String
    var request: RouteRequest

    init(context: CommandContext, prompt: String, store: ConversationStore) throws {
        let args = context.arguments
        let continued = args.has(Flags.continueConversation)
        var conversation = continued ? store.load() : ConversationStore.Conversation(system: nil, messages: [])
        // A new system prompt changes the prefix: nothing of the old one is in any cache.
        let sameSystem = args.string(Flags.system).map { $0 == conversation.system } ?? true
        let warm = sameSystem ? ConversationStore.warmCache(conversation) : nil
        if let system = args.string(Flags.system) { conversation.system = system }
        if conversation.id == nil { conversation.id = UsageRecorder.newID() }
        conversation.messages.append(ChatMessage(role: .user, content: prompt))
        let routed = conversation.messages.map(\.content).joined(separator: "\n\n")
        var request = try context.routeRequest(prompt: routed)
        request.system = conversation.system
        request.cachePrefix = continued
        request.warmCache = warm
        (self.conversation, self.continued, self.routed, self.request) = (conversation, continued, routed, request)
    }
}
