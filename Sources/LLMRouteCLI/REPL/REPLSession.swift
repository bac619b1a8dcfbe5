import LLMRouteCore

/// One question and the answer that was kept.
struct Exchange: Equatable {
    var prompt: String
    var answer: String
    /// The model that answered.
    var model: String
}

/// What the last turn did, for `/route`.
struct TurnReport {
    var prompt: String
    var decision: RoutingDecision?
    /// Oldest messages left out so the conversation fit the model's window.
    var droppedMessages: Int
    var attempts: [Attempt]
    /// "ok", "failed", "interrupted", "refused", "over_max_cost" or "routing_error".
    var outcome: String
    var message: String?
}

/// Session totals, for `/cost`.
struct UsageTotals: Equatable {
    var turns = 0
    var inputTokens = 0
    var outputTokens = 0
    /// Of the input, read from the prompt cache; and what the cache saved against full price.
    var cacheReadTokens = 0
    var cacheSaved = 0.0
    var spent = 0.0
    /// What the same token counts would have cost on the strongest model.
    var strongestCost = 0.0
}

/// What the REPL remembers between turns: the conversation, the mode and the running totals.
final class REPLSession {
    /// Identifies the session in the ledger.
    let id: String
    var system: String?
    /// nil: each turn is routed (auto); otherwise every turn goes to this model.
    var pinnedModel: String?
    var strategy: StrategyKind
    private(set) var exchanges: [Exchange] = []
    var totals = UsageTotals()
    var lastTurn: TurnReport?
    /// What the last answered turn sent, and to which model: its prompt cache may still be warm.
    var warmCache: WarmCache?
    /// Turns asked so far, kept or not (numbering for the ledger).
    private(set) var turnCount = 0
    /// Turns whose every provider failed (a scripted session exits 4 when there was one).
    var failedTurns = 0

    init(id: String = REPLSession.makeID(), system: String?, pinnedModel: String?, strategy: StrategyKind) {
        self.id = id
        self.system = system
        self.pinnedModel = pinnedModel
        self.strategy = strategy
    }

    /// The earlier turns as chat messages, oldest first.
    var context: [ChatMessage] {
        exchanges.flatMap { [ChatMessage(role: .user, content: $0.prompt), ChatMessage(role: .assistant, content: $0.answer)] }
    }

    /// The prompt's mode label: "auto" or the pinned model.
    var mode: String { pinnedModel ?? "auto" }

    func beginTurn() -> Int {
        turnCount += 1
        return turnCount
    }

    func keep(_ exchange: Exchange) { exchanges.append(exchange) }

    func clear() {
        exchanges.removeAll()
        lastTurn = nil
        warmCache = nil
    }

    /// For /retry: the last question, taking its kept answer (if any) out of the conversation.
    func takeLastPrompt() -> String? {
        guard let last = lastTurn else { return nil }
        if last.outcome == "ok", exchanges.last?.prompt == last.prompt { exchanges.removeLast() }
        return last.prompt
    }

    /// 16 hex digits from the system's random source.
    static func makeID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
