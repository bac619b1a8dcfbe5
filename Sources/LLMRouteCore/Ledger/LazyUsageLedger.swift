import Dispatch

/// The SQLite ledger, opened on first use. `ask` without a budget only writes to the ledger
/// after the answer is out, so opening it (and checking its migrations) must not come before
/// the request: that is time to first token. A failed open is remembered and rethrown.
///
/// Batch workers can reach the first use at the same moment, so the open is serialised by a
/// `Locked` (a pthread mutex that ThreadSanitizer can see; see Locked.swift).
public final class LazyUsageLedger: UsageLedger, Sendable {
    public let path: String
    /// Passed on to the opened ledger (`SQLiteUsageLedger.keepOpenUntilExit`).
    public let keepOpenUntilExit: Bool
    private let state = Locked<Result<SQLiteUsageLedger, LedgerError>?>(nil)
    private let openingInBackground = Locked(false)

    public init(path: String, keepOpenUntilExit: Bool = false) {
        self.path = path
        self.keepOpenUntilExit = keepOpenUntilExit
    }

    private func opened() throws(LedgerError) -> SQLiteUsageLedger {
        let ledger = state.withLock { state -> Result<SQLiteUsageLedger, LedgerError> in
            if let state { return state }
            let opened = Result { () throws(LedgerError) -> SQLiteUsageLedger in try SQLiteUsageLedger(path: path) }
            state = opened
            if keepOpenUntilExit, case .success(let ledger) = opened { ledger.keepOpenUntilExit() }
            return opened
        }
        return try ledger.get()
    }

    /// Opens the file on a background thread, at most once; a later use waits for it. `ask`
    /// calls this when the answer starts to arrive: the open (and a WAL checkpoint, when one is
    /// due) then overlaps the stream instead of following it, and time to first token is not
    /// touched. Cheap to call again and again (a lock and a flag).
    public func openInBackground() {
        let start = openingInBackground.withLock { started in
            defer { started = true }
            return !started
        }
        guard start else { return }
        DispatchQueue.global(qos: .utility).async { _ = try? self.opened() }
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

    public func reasoningSamples(model: String, limit: Int) throws -> [(reasoning: Int, output: Int)] {
        try opened().reasoningSamples(model: model, limit: limit)
    }
}
