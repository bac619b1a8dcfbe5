import Dispatch

/// The ledger in a team's PostgreSQL database (`[ledger] url`), shared by every machine that
/// points at it: the same `usage` and `sessions` tables as the SQLite file, created and
/// migrated forward on first use (`PostgresLedgerSchema`).
///
/// Nothing is lost when the server cannot be reached: rows that cannot be written go to a
/// local outbox (a SQLite ledger file), one warning says so, and the next process that reaches
/// the server delivers the outbox before anything else. Every row carries a unique id and the
/// server keeps a row once however often it is sent, so a delivery cut short is simply redone.
/// Budgets are checked and the call's estimate reserved in one transaction (`admit`); while the
/// server is down they are checked against the last spend it reported plus the outbox.
///
/// Constructing one is cheap (no connection): it connects on first use.
public final class PostgresUsageLedger: UsageLedger {
    public let url: PostgresURL
    public let outboxPath: String
    let link: PostgresLink
    private let knownSpend: KnownSpend
    /// Migrated and outbox delivered, by this process: done once, on first use.
    private let ready = Locked(false)
    /// Reservations this process holds, oldest first; a request row written settles the oldest.
    private let reservations = Locked<[String]>([])
    private let warned = Locked(false)
    private let warn: @Sendable (String) -> Void
    private let connectingInBackground = Locked(false)

    /// How long a reservation holds without its row: a process killed between its budget check
    /// and its row stops holding budget after this.
    public static let reservationSeconds = 15.0 * 60

    public static func outboxPath(dataHome: String) -> String { dataHome + "/ledger-outbox.sqlite" }

    public init(url: PostgresURL, password: String?, dataHome: String, timeoutSeconds: Int64 = 10,
                warn: @escaping @Sendable (String) -> Void) {
        self.url = url
        self.link = PostgresLink(url: url, password: password, timeoutSeconds: timeoutSeconds)
        self.outboxPath = Self.outboxPath(dataHome: dataHome)
        self.knownSpend = KnownSpend(path: dataHome + "/ledger-known-spend")
        self.warn = warn
    }

    /// Runs `body` on the connection, first (once per process) migrating the schema and
    /// delivering the outbox, so rows kept while the server was away arrive before new ones.
    private func session<T>(_ body: (PostgresLink.Session) throws -> T) throws -> T {
        try link.withConnection { session in
            if !ready.withLock({ $0 }) {
                try PostgresLedgerSchema.migrate(session)
                try deliverOutbox(session)
                ready.withLock { $0 = true }
            }
            return try body(session)
        }
    }

    private func failure(_ doing: String, _ error: any Error) -> LedgerError {
        if let error = error as? LedgerError { return error }
        return LedgerError(path: url.description, reason: "\(doing): \(PostgresLink.explain(error))")
    }

    private func warnOnce(_ message: String) {
        let first = warned.withLock { done in defer { done = true }; return !done }
        if first { warn(message) }
    }

    public var sharedAcrossMachines: Bool { true }

    public func openInBackground() {
        let start = connectingInBackground.withLock { started in defer { started = true }; return !started }
        guard start else { return }
        DispatchQueue.global(qos: .utility).async { _ = try? self.session { _ in () } }
    }

    // MARK: Writing

    public func append(_ records: [UsageRecord]) throws {
        guard !records.isEmpty else { return }
        // Taken off the list at once, so concurrent batch workers settle one each. Should the
        // rows end in the outbox, the hold stays on the server until it expires.
        let reservation = records.contains { $0.kind == .request }
            ? reservations.withLock { $0.isEmpty ? nil : $0.removeFirst() } : nil
        var lastError: (any Error)?
        // Twice: a connection the server dropped while idle (a restart) fails the first try.
        for _ in 0..<2 {
            do {
                try session { session in
                    // One INSERT is atomic by itself; a transaction only when a reservation
                    // is settled with it (two round trips fewer on every ask).
                    guard let reservation else { return try Self.insert(records, session) }
                    return try session.transaction {
                        try session.run("DELETE FROM budget_reservations WHERE id = $1", [.text(reservation)])
                        return try Self.insert(records, session)
                    }
                }
                return
            } catch {
                lastError = error
            }
        }
        try keepInOutbox(lastError!) { try $0.append(records) }
    }

    public func appendSession(id: String, time: Double, command: String, mode: String?, strategy: String?) throws {
        let row = LedgerSession(id: id, time: time, command: command, mode: mode, strategy: strategy)
        do {
            _ = try session { try Self.insert([row], $0) }
        } catch {
            try keepInOutbox(error) { try $0.appendSession(id: id, time: time, command: command, mode: mode, strategy: strategy) }
        }
    }

    /// The server failed: the rows go to the outbox, and the first time a warning says so.
    private func keepInOutbox(_ error: any Error, _ write: (SQLiteUsageLedger) throws -> Void) throws {
        let reason = failure("cannot record usage", error)
        do {
            try write(try SQLiteUsageLedger(path: outboxPath))
        } catch {
            throw LedgerError(path: url.description, reason: "\(reason.reason), and the outbox \(outboxPath) failed too: \(error)")
        }
        warnOnce("\(reason); the usage is kept in \(outboxPath) and sent by the next call that reaches the server")
    }

    /// Inserts usage rows, skipping any the server already has (by uid); returns how many were new.
    @discardableResult
    static func insert(_ records: [UsageRecord], _ session: PostgresLink.Session) throws -> Int {
        var inserted = 0
        // PostgreSQL takes at most 65,535 parameters a statement.
        let perStatement = 65_535 / LedgerSchema.columns.count
        var start = 0
        while start < records.count {
            let chunk = records[start..<min(start + perStatement, records.count)]
            let result = try session.run(PostgresLedgerSchema.insertUsage(count: chunk.count), chunk.flatMap(LedgerSchema.values))
            inserted += result.affected
            start += chunk.count
        }
        return inserted
    }

    @discardableResult
    static func insert(_ sessions: [LedgerSession], _ session: PostgresLink.Session) throws -> Int {
        var inserted = 0
        for row in sessions {
            let result = try session.run(
                "INSERT INTO sessions (id, time, command, mode, strategy) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
                [.text(row.id), .real(row.time), .text(row.command), .text(row.mode), .text(row.strategy)])
            inserted += result.affected
        }
        return inserted
    }

    /// Sends what the outbox holds, then removes exactly what was sent (rows another process
    /// adds meanwhile stay for the next delivery). Sent twice, a row is still kept once.
    private func deliverOutbox(_ session: PostgresLink.Session) throws {
        guard FileIO.exists(outboxPath) else { return }
        let outbox = try SQLiteUsageLedger(path: outboxPath)
        let waiting = try outbox.everything()
        guard !waiting.records.isEmpty || !waiting.sessions.isEmpty else { return }
        try session.transaction {
            try Self.insert(waiting.records, session)
            try Self.insert(waiting.sessions, session)
        }
        try outbox.removeDelivered(lastID: waiting.lastID, sessions: waiting.sessions.map(\.id))
    }

    /// Copies a whole SQLite ledger in (`ledger copy`): (usage rows new to the server, rows
    /// already there, sessions new to the server). Run again, it copies nothing twice.
    public func copy(from source: SQLiteUsageLedger) throws -> (inserted: Int, skipped: Int, sessions: Int) {
        let everything = try source.everything()
        do {
            return try session { session in
                try session.transaction {
                    let inserted = try Self.insert(everything.records, session)
                    let sessions = try Self.insert(everything.sessions, session)
                    return (inserted, everything.records.count - inserted, sessions)
                }
            }
        } catch {
            throw failure("cannot copy the ledger", error)
        }
    }

    // MARK: Reading

    public func sessions(from: Double?, until: Double?) throws -> [(id: String, time: Double, command: String)] {
        do {
            return try session { session in
                try session.run("SELECT id, time, command FROM sessions WHERE time >= $1 AND time < $2 ORDER BY time",
                                [.real(from ?? -Double.greatestFiniteMagnitude), .real(until ?? Double.greatestFiniteMagnitude)])
                    .rows.map { row in
                        return (id: row.text("id") ?? "", time: row.real("time") ?? 0, command: row.text("command") ?? "")
                    }
            }
        } catch {
            throw failure("cannot read sessions", error)
        }
    }

    public func spent(since: Double) throws -> Double {
        do {
            return try session { try Self.spent(since: since, $0) }
        } catch {
            throw failure("cannot read spend", error)
        }
    }

    static func spent(since: Double, _ session: PostgresLink.Session) throws -> Double {
        try session.run("SELECT COALESCE(SUM(cost_usd), 0) AS spent FROM usage WHERE kind = 'request' AND time >= $1", [.real(since)])
            .rows.first?.real("spent") ?? 0
    }

    public func records(kind: UsageRecord.Kind, from: Double?, until: Double?) throws -> [UsageRecord] {
        do {
            return try session { session in
                try session.run("SELECT * FROM usage WHERE kind = $1 AND time >= $2 AND time < $3 ORDER BY time, id",
                                [.text(kind.rawValue), .real(from ?? -Double.greatestFiniteMagnitude),
                                 .real(until ?? Double.greatestFiniteMagnitude)])
                    .rows.map { LedgerSchema.record($0) }
            }
        } catch {
            throw failure("cannot read usage", error)
        }
    }

    public func reasoningSamples(model: String, limit: Int) throws -> [(reasoning: Int, output: Int)] {
        do {
            return try session { session in
                try session.run("""
                    SELECT reasoning_tokens, output_tokens FROM usage
                    WHERE kind = 'request' AND final_model = $1 AND outcome = 'ok' AND tokens_estimated = 0 AND output_tokens > 0
                    ORDER BY time DESC, id DESC LIMIT $2
                    """, [.text(model), .integer(limit)])
                    .rows.map { row in
                        return (reasoning: row.integer("reasoning_tokens") ?? 0, output: row.integer("output_tokens") ?? 0)
                    }
            }
        } catch {
            throw failure("cannot read usage", error)
        }
    }

    /// The schema version the database is at.
    public func schemaVersion() throws -> String? {
        try session { session in
            try session.run("SELECT version FROM llmroute_migrations ORDER BY version DESC LIMIT 1").rows.first?.text("version")
        }
    }

    // MARK: Budgets

    /// Under a lock every machine's check takes in turn: the spend so far plus the estimates
    /// other calls hold, the verdict, and (unless refused) this call's own hold, in one
    /// transaction. While the server is down: the last spend it reported plus the outbox.
    public func admit(estimate: Double, budget: BudgetSettings, force: Bool, now: Double) throws -> BudgetVerdict {
        guard !budget.isEmpty else { return .ok }
        let day = SpendPeriod.startOfDay(now), month = SpendPeriod.startOfMonth(now)
        do {
            return try session { session in
                try session.transaction {
                    try session.run("SELECT pg_advisory_xact_lock($1)", [.integer(PostgresLedgerSchema.budgetLock)])
                    try session.run("DELETE FROM budget_reservations WHERE expires < $1", [.real(now)])
                    let held = try session.run("SELECT COALESCE(SUM(amount), 0) AS held FROM budget_reservations")
                        .rows.first?.real("held") ?? 0
                    let today = try Self.spent(since: day, session), thisMonth = try Self.spent(since: month, session)
                    let verdict = BudgetCheck(settings: budget, spentToday: today + held, spentThisMonth: thisMonth + held)
                        .verdict(estimate: estimate)
                    // What a check while the server is down starts from: the spend, the estimates
                    // in flight, and this call's own once admitted (its row may never arrive here).
                    let own = verdict.refuses && !force ? 0 : estimate
                    knownSpend.save(KnownSpend.Snapshot(day: day, today: today + held + own, month: month,
                                                        thisMonth: thisMonth + held + own, time: now))
                    if verdict.refuses && !force { return verdict }
                    let id = UsageRecorder.newID()
                    try session.run("INSERT INTO budget_reservations (id, time, amount, expires) VALUES ($1, $2, $3, $4)",
                                    [.text(id), .real(now), .real(estimate), .real(now + Self.reservationSeconds)])
                    reservations.withLock { $0.append(id) }
                    return verdict
                }
            }
        } catch {
            return try admitOffline(estimate: estimate, budget: budget, now: now, error: error)
        }
    }

    private func admitOffline(estimate: Double, budget: BudgetSettings, now: Double, error: any Error) throws -> BudgetVerdict {
        let day = SpendPeriod.startOfDay(now), month = SpendPeriod.startOfMonth(now)
        let snapshot = knownSpend.load()
        let outbox = FileIO.exists(outboxPath) ? try SQLiteUsageLedger(path: outboxPath) : nil
        let today = (snapshot?.day == day ? snapshot!.today : 0) + (try outbox?.spent(since: day) ?? 0)
        let thisMonth = (snapshot?.month == month ? snapshot!.thisMonth : 0) + (try outbox?.spent(since: month) ?? 0)
        let waiting = try outbox?.rowCount() ?? 0
        let asOf = snapshot.map { "the last known spend (as of \(SpendPeriod.timeLabel($0.time)))" } ?? "no known spend"
        warnOnce("\(failure("cannot check the budget", error)); budgets are checked against \(asOf) plus \(waiting) unsent request(s) in the outbox")
        return BudgetCheck(settings: budget, spentToday: today, spentThisMonth: thisMonth).verdict(estimate: estimate)
    }
}
