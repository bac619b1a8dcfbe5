/// What ask, batch and the REPL call once per request: turns the routing decision, the
/// attempts and the result into ledger rows and appends them in one transaction. It never
/// throws: a ledger that cannot be written costs a warning on stderr (once per process), never
/// the answer, which callers print before recording.
public final class UsageRecorder: Sendable {
    /// nil: record nothing (`--no-log`, or the ledger could not be opened).
    public let ledger: (any UsageLedger)?
    /// ask, batch or repl.
    public let command: String
    /// Store prompt and answer text (log_text / --log-text); otherwise only their hashes.
    public let logText: Bool
    /// Where `ReasoningRatios` keeps the medians it learns from these calls; nil: learn nothing.
    public let reasoningRatiosPath: String?
    /// Who the rows are for (`[ledger] user`, else the login name).
    public let user: String?
    private let warn: @Sendable (String) -> Void
    private let warned = Locked(false)

    public init(ledger: (any UsageLedger)?, command: String, logText: Bool, reasoningRatiosPath: String? = nil,
                user: String? = nil, warn: @escaping @Sendable (String) -> Void) {
        self.ledger = ledger
        self.user = user
        self.command = command
        self.logText = logText
        self.reasoningRatiosPath = reasoningRatiosPath
        self.warn = warn
    }

    /// One request as the caller saw it.
    public struct Request: Sendable {
        public var decision: RoutingDecision?
        /// The text sent as the prompt (all turns for a continued conversation).
        public var prompt: String
        public var conversationID: String?
        public var result: ChatResult?
        public var attempts: [Attempt]
        /// ok, failed, partial, refused, interrupted.
        public var outcome: String
        public var errorKind: String?
        /// Seconds from the first attempt to the end.
        public var latency: Double

        public init(decision: RoutingDecision?, prompt: String, conversationID: String?, result: ChatResult?,
                    attempts: [Attempt], outcome: String, errorKind: String? = nil, latency: Double) {
            self.decision = decision
            self.prompt = prompt
            self.conversationID = conversationID
            self.result = result
            self.attempts = attempts
            self.outcome = outcome
            self.errorKind = errorKind
            self.latency = latency
        }
    }

    /// A fresh id for a request or conversation: 16 hex digits from the system RNG.
    public static func newID() -> String {
        let value = UInt64.random(in: 0...UInt64.max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Notes an interactive session's start (the REPL); false if it could not.
    @discardableResult
    public func recordSession(id: String, mode: String?, strategy: String?, now: Double = Clock.wallSeconds()) -> Bool {
        guard let ledger else { return false }
        do {
            try ledger.appendSession(id: id, time: now, command: command, mode: mode, strategy: strategy)
            return true
        } catch {
            let first = warned.withLock { done in defer { done = true }; return !done }
            if first { warn("usage not recorded: \(error)") }
            return false
        }
    }

    /// Appends the request's attempt rows and its request row; returns false if it could not.
    @discardableResult
    public func record(_ request: Request, now: Double = Clock.wallSeconds()) -> Bool {
        guard let ledger else { return false }
        do {
            try ledger.append(rows(request, now: now))
            if let result = request.result, result.usageReported { learnReasoning(of: result.model) }
            return true
        } catch {
            let first = warned.withLock { done in defer { done = true }; return !done }
            if first { warn("usage not recorded: \(error)") }
            return false
        }
    }

    /// After a reasoning model's call: once the ledger holds enough of its calls, their median
    /// reasoning ratio goes to the file `route` reads. Best effort: the file is a cache of the
    /// ledger, and two processes racing to rewrite it lose nothing the next call cannot relearn.
    func learnReasoning(of model: ModelInfo) {
        guard let path = reasoningRatiosPath, model.reasons, let ledger,
              let samples = try? ledger.reasoningSamples(model: model.id, limit: ReasoningRatios.sampleLimit),
              samples.count >= ReasoningRatios.minimumCalls, let median = ReasoningRatios.median(samples) else { return }
        var ratios = ReasoningRatios.load(path: path)
        ratios.learned[model.id] = ReasoningRatios.Learned(ratio: median, calls: samples.count)
        try? FileIO.write(Array(ratios.fileText.utf8), to: path, mode: 0o600)
    }

    /// The rows for a request: each attempt, then the request itself.
    public func rows(_ request: Request, now: Double) -> [UsageRecord] {
        let requestID = Self.newID()
        var base = UsageRecord(kind: .request, requestID: requestID, time: now, command: command, outcome: request.outcome)
        base.user = user
        base.conversationID = request.conversationID
        if let decision = request.decision {
            base.strategy = decision.strategy.rawValue
            base.tier = decision.classification.tier.rawValue
            base.task = decision.classification.task.rawValue
            base.score = decision.classification.score
            base.chosenModel = decision.model.id
            base.chosenProvider = decision.model.provider
        }
        base.promptHash = SHA256.hex(Array(request.prompt.utf8))
        if logText { base.promptText = request.prompt }

        var usage = TokenUsage()
        var estimated = false
        if let result = request.result {
            if result.usageReported {
                usage = result.usage
            } else {
                // No usage from the API: the routing estimate for the input, ~4 bytes a token for the answer.
                usage.inputTokens = request.decision?.inputTokens.tokens ?? (request.prompt.utf8.count + 3) / 4
                usage.outputTokens = (result.text.utf8.count + 3) / 4
                estimated = true
            }
        }

        var rows: [UsageRecord] = []
        for attempt in request.attempts {
            var row = base
            row.kind = .attempt
            row.finalModel = attempt.model
            row.finalProvider = attempt.provider
            row.outcome = attempt.outcome
            row.errorKind = attempt.outcome == "ok" ? nil : attempt.outcome
            row.latencyMs = attempt.latency.map { $0 * 1000 }
            row.promptText = nil
            if attempt.outcome == "ok", let result = request.result, result.model.id == attempt.model {
                row.price(usage, on: result.model, estimated: estimated)
                row.timeToFirstTokenMs = result.timeToFirstToken.map { $0 * 1000 }
            }
            rows.append(row)
        }

        var row = base
        let tried = request.attempts.filter { $0.latency != nil }
        row.attempts = tried.count
        row.fallbacks = Set(tried.map(\.model)).subtracting([base.chosenModel ?? ""]).count
        row.errorKind = request.errorKind
        row.latencyMs = request.latency * 1000
        if let result = request.result {
            row.finalModel = result.model.id
            row.finalProvider = result.model.provider
            row.price(usage, on: result.model, estimated: estimated)
            row.timeToFirstTokenMs = result.timeToFirstToken.map { $0 * 1000 }
            row.answerHash = SHA256.hex(Array(result.text.utf8))
            if logText { row.answerText = result.text }
            if let strongest = request.decision?.strongest {
                row.strongestModel = strongest.id
                // The same tokens on the strongest candidate (its tokenizer may count a little differently).
                row.strongestCostUSD = strongest.cost(usage)
            }
        } else if let last = tried.last {
            row.finalModel = last.model
            row.finalProvider = last.provider
        }
        rows.append(row)
        // Each row's id: its request and its place in it (attempts first, the request last).
        for index in rows.indices { rows[index].uid = "\(requestID)-\(index)" }
        return rows
    }
}

extension UsageRecord {
    /// Stores the usage, bucket by bucket, and its cost at `model`'s prices.
    mutating func price(_ usage: TokenUsage, on model: ModelInfo, estimated: Bool) {
        self.usage = usage
        tokensEstimated = estimated
        costUSD = model.cost(usage)
        cacheSavedUSD = model.uncachedCost(usage) - costUSD
    }
}
