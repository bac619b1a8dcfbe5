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
}

/// The ledger seam: the REPL calls this at session start and after every turn. The ledger
/// branch provides the real implementation; `REPLCommand.makeRecorder` is the one place to wire it.
protocol TurnRecorder {
    func sessionStarted(id: String, mode: String, strategy: String)
    func turnFinished(_ record: TurnRecord)
}

/// Records nothing (no ledger yet).
struct NoTurnRecorder: TurnRecorder {
    func sessionStarted(id: String, mode: String, strategy: String) {}
    func turnFinished(_ record: TurnRecord) {}
}
