/// Where usage rows go: the SQLite file (`SQLiteUsageLedger`, the default) or a team's shared
/// PostgreSQL database (`PostgresUsageLedger`). `LedgerFactory` picks one; the callers
/// (`UsageRecorder`, budgets, `cost report`) do not know which.
public protocol UsageLedger: Sendable {
    /// Appends rows atomically: all of them or none (a request with its attempts).
    func append(_ records: [UsageRecord]) throws
    /// Notes that an interactive session (the REPL) started: `mode` is "auto" or the pinned model.
    func appendSession(id: String, time: Double, command: String, mode: String?, strategy: String?) throws
    /// Sessions started in [from, until): (id, time, command), oldest first.
    func sessions(from: Double?, until: Double?) throws -> [(id: String, time: Double, command: String)]
    /// Money spent (request rows) from `since` (unix seconds) on.
    func spent(since: Double) throws -> Double
    /// Rows of one kind whose time is in [from, until), oldest first.
    func records(kind: UsageRecord.Kind, from: Double?, until: Double?) throws -> [UsageRecord]
    /// (reasoning, output) tokens of `model`'s latest answered calls whose usage the API
    /// reported, newest first: what `ReasoningRatios` learns from.
    func reasoningSamples(model: String, limit: Int) throws -> [(reasoning: Int, output: Int)]
    /// The budgets' verdict on a call estimated at `estimate` USD. A ledger shared by several
    /// machines also holds the estimate against the budgets (unless refused) until this process
    /// appends the call's request row, checked and held in one transaction, so calls started at
    /// once anywhere cannot together pass a budget.
    func admit(estimate: Double, budget: BudgetSettings, force: Bool, now: Double) throws -> BudgetVerdict
    /// Starts opening or connecting off the caller's thread (while an answer streams); a later
    /// use waits for it. Nothing to do for a ledger that is already open.
    func openInBackground()
    /// True when other machines write to the same ledger, so that a budget must be checked (and
    /// held, `admit`) there for every call rather than from one reading at the start.
    var sharedAcrossMachines: Bool { get }
}

extension UsageLedger {
    public func admit(estimate: Double, budget: BudgetSettings, force: Bool, now: Double) throws -> BudgetVerdict {
        try BudgetCheck.load(budget, ledger: self, now: now).verdict(estimate: estimate)
    }

    public func openInBackground() {}

    public var sharedAcrossMachines: Bool { false }

    /// A ledger that cannot say: nothing is learned, the defaults stay.
    public func reasoningSamples(model: String, limit: Int) throws -> [(reasoning: Int, output: Int)] { [] }
}

/// Why the ledger could not be used; the message says what to do.
public struct LedgerError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "usage ledger \(path): \(reason)" }
}
