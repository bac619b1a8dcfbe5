/// One row of the usage ledger: a single try at one model (`attempt`), or a whole request with
/// its final outcome (`request`). Spend and reports count `request` rows only, so nothing is
/// counted twice; `attempt` rows show what happened on the way (retries, fallbacks, errors).
public struct UsageRecord: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case attempt, request
    }

    public var kind: Kind
    /// Ties a request row to its attempt rows.
    public var requestID: String
    /// Unix seconds (wall clock) when the row was written.
    public var time: Double
    /// ask, batch or repl.
    public var command: String
    /// The same for every turn of one conversation (ask -c, a REPL session).
    public var conversationID: String?
    public var strategy: String?
    public var tier: String?
    public var task: String?
    /// The classifier's strong-model score, 0-1.
    public var score: Double?
    /// What routing picked.
    public var chosenModel: String?
    public var chosenProvider: String?
    /// What answered (request rows), or what this attempt called (attempt rows).
    public var finalModel: String?
    public var finalProvider: String?
    /// Models tried after the chosen one.
    public var fallbacks: Int
    public var attempts: Int
    /// Every input token (cached or not) and every output token (reasoning included).
    public var inputTokens: Int
    public var outputTokens: Int
    /// The billing buckets inside them (0 on rows written before schema v4).
    public var cacheReadTokens = 0
    public var cacheWrite5mTokens = 0
    public var cacheWrite1hTokens = 0
    public var reasoningTokens = 0
    /// What the prompt cache saved on this call, priced when recorded.
    public var cacheSavedUSD = 0.0
    /// True when the API reported no usage and the token counts are llmroute's estimate.
    public var tokensEstimated: Bool
    public var costUSD: Double
    /// The highest-quality candidate of the decision, and what these tokens would have cost on it.
    public var strongestModel: String?
    public var strongestCostUSD: Double?
    public var timeToFirstTokenMs: Double?
    public var latencyMs: Double?
    /// ok, failed, partial, refused (by the model), interrupted; attempts: ok or the error kind.
    public var outcome: String
    /// The provider error kind when the outcome is not ok.
    public var errorKind: String?
    /// SHA-256 of the prompt and answer; the text itself only with log_text / --log-text.
    public var promptHash: String?
    public var promptText: String?
    public var answerHash: String?
    public var answerText: String?
    /// Who made the call (`[ledger] user`, else the login name); nil on rows written before v5.
    public var user: String?
    /// The row's own id, unique across machines: the request id and the row's place in its
    /// request. A shared ledger inserts a row at most once by it (outbox retries, `ledger copy`).
    public var uid: String?

    public var usage: TokenUsage {
        get {
            TokenUsage(inputTokens: inputTokens, outputTokens: outputTokens, cacheReadTokens: cacheReadTokens,
                       cacheWrite5mTokens: cacheWrite5mTokens, cacheWrite1hTokens: cacheWrite1hTokens,
                       reasoningTokens: reasoningTokens)
        }
        set {
            inputTokens = newValue.inputTokens
            outputTokens = newValue.outputTokens
            cacheReadTokens = newValue.cacheReadTokens
            cacheWrite5mTokens = newValue.cacheWrite5mTokens
            cacheWrite1hTokens = newValue.cacheWrite1hTokens
            reasoningTokens = newValue.reasoningTokens
        }
    }

    public init(kind: Kind, requestID: String, time: Double, command: String, outcome: String) {
        self.kind = kind
        self.requestID = requestID
        self.time = time
        self.command = command
        self.fallbacks = 0
        self.attempts = 0
        self.inputTokens = 0
        self.outputTokens = 0
        self.tokensEstimated = false
        self.costUSD = 0
        self.outcome = outcome
    }
}
