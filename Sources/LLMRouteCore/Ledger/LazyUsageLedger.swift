import Dispatch

/// The SQLite ledger, opened on first use. `ask` without a budget only writes to the ledger
/// after the answer is out, so opening it (and checking its migrations) must not come before
/// the request: that is time to first token. A failed open is remembered and rethrown.
///
/// Batch workers can reach the first use at the same moment, so the open is serialised with a
/// pthread mutex rather than `Synchronization.Mutex`: ThreadSanitizer cannot see the latter's
/// futex-based locking on Linux and reported the guarded state as a race (make check-tsan).
public final class LazyUsageLedger: UsageLedger, @unchecked Sendable {
    public let path: String
    /// Passed on to the opened ledger (`SQLiteUsageLedger.keepOpenUntilExit`).
    public let keepOpenUntilExit: Bool
    private var state: Result<SQLiteUsageLedger, LedgerError>?
    private var openingInBackground = false
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    public init(path: String, keepOpenUntilExit: Bool = false) {
        self.path = path
        self.keepOpenUntilExit = keepOpenUntilExit
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    private func opened() throws(LedgerError) -> SQLiteUsageLedger {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if let state { return try state.get() }
        let opened = Result { () throws(LedgerError) -> SQLiteUsageLedger in try SQLiteUsageLedger(path: path) }
        state = opened
        if keepOpenUntilExit, case .success(let ledger) = opened { ledger.keepOpenUntilExit() }
        return try opened.get()
    }

    /// Opens the file on a background thread, at most once; a later use waits for it. `ask`
    /// calls this when the answer starts to arrive: the open (and a WAL checkpoint, when one is
    /// due) then overlaps the stream instead of following it, and time to first token is not
    /// touched. Cheap to call again and again (a lock and a flag).
    public func openInBackground() {
        pthread_mutex_lock(lock)
        let start = state == nil && !openingInBackground
        openingInBackground = true
        pthread_mutex_unlock(lock)
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
}
