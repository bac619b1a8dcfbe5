/// The SQLite ledger, opened on first use. `ask` without a budget only writes to the ledger
/// after the answer is out, so opening it (and checking its migrations) must not come before
/// the request: that is time to first token. A failed open is remembered and rethrown.
///
/// Batch workers can reach the first use at the same moment, so the open is serialised by a
/// `Locked` (a pthread mutex that ThreadSanitizer can see; see Locked.swift).
public final class LazyUsageLedger: UsageLedger, Sendable {
    public let path: String
    private let state = Locked<Result<SQLiteUsageLedger, LedgerError>?>(nil)

    public init(path: String) {
        self.path = path
    }

    private func opened() throws(LedgerError) -> SQLiteUsageLedger {
        let ledger = state.withLock { state -> Result<SQLiteUsageLedger, LedgerError> in
            if let state { return state }
            let opened = Result { () throws(LedgerError) -> SQLiteUsageLedger in try SQLiteUsageLedger(path: path) }
            state = opened
            return opened
        }
        return try ledger.get()
    }

    public func append(_ records: [UsageRecord]) throws { try opened().append(records) }

    public func appendSession(id: String, time: Double, command: String, mode: String?, strategy: String?) throws {
        try opened().appendSession(id: id, time: time, command: command, mode: mode, strategy: strategy)
    }

    public func sessions(from: Double?, until: Double?) throws -> [(id: String, time: Double, command: String)] {
        try opened().sessions(from: from, until: until)
    }

    public func spent(since: Double) throws -> Double { try opened().spent(since: since) }

    public func records(kind: UsageRecord.Kind, from: Double?, until: Double?) throws -> [UsageRecord] {
        try opened().records(kind: kind, from: from, until: until)
    }
}
