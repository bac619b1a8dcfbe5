import LLMRouteCore

/// What one REPL turn did: the record the usage ledger (issue #7) stores for each turn.
struct TurnRecord: Sendable {
    var sessionID: String
    /// 1-based, in the order turns were asked (retries and failed turns count).
    var turn: Int
    /// The model that answered, or the routed model when none did.
    var model: String?
    var provider: String?
    var strategy: String
    /// True when the user pinned the model (/model NAME or -m).
    var pinned: Bool
    var inputTokens: Int
    var outputTokens: Int
    /// From the usage the API reported; 0 when nothing was answered.
    var costUSD: Double
    /// Seconds from routing to the end of the answer.
    var latency: Double
    var timeToFirstToken: Double?
    /// "ok", "failed", "interrupted", "refused", "over_max_cost" or "routing_error".
    var outcome: String
    var attempts: [Attempt]
    /// What the ledger needs to price and explain the turn.
    var prompt: String = ""
    var decision: RoutingDecision?
    var result: ChatResult?
}

/// The ledger seam: the REPL calls this at session start and after every turn
/// (`LedgerTurnRecorder` writes to the usage ledger; `REPLCommand.makeRecorder` picks it).
protocol TurnRecorder {
    func sessionStarted(id: String, mode: String, strategy: String)
    func turnFinished(_ record: TurnRecord)
}

/// Records nothing (--no-log, or the ledger could not be opened).
struct NoTurnRecorder: TurnRecorder {
    func sessionStarted(id: String, mode: String, strategy: String) {}
    func turnFinished(_ record: TurnRecord) {}
}

/// Writes the session and each turn to the usage ledger, like `ask` (command "repl"; the
/// conversation id is the session id). Turns that never reached a provider are not usage.
struct LedgerTurnRecorder: TurnRecorder {
    let recorder: UsageRecorder

    func sessionStarted(id: String, mode: String, strategy: String) {
        recorder.recordSession(id: id, mode: mode, strategy: strategy)
    }

    func turnFinished(_ record: TurnRecord) {
        guard !record.attempts.isEmpty || record.result != nil else { return }
        recorder.record(UsageRecorder.Request(
            decision: record.decision, prompt: record.prompt, conversationID: record.sessionID, result: record.result,
            attempts: record.attempts, outcome: record.outcome, latency: record.latency))
    }
}
