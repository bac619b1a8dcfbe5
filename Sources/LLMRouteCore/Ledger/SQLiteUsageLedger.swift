import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The ledger in a SQLite file ($XDG_DATA_HOME/llmroute/usage.sqlite), through GRDB.
///
/// Safety: WAL mode, so a process killed mid-write leaves the last committed state (SQLite
/// replays or discards the WAL on the next open) and loses at most the transaction in flight;
/// every append is one IMMEDIATE transaction, and a busy timeout makes writers from several
/// processes and batch workers queue instead of failing. The file is created 0600 (prompts and
/// answers may be in it); SQLite gives its -wal and -shm files the same mode.
public final class SQLiteUsageLedger: UsageLedger {
    public let path: String
    let queue: DatabaseQueue

    /// The default location.
    public static func defaultPath(environment: Environment) -> String {
        XDGPaths(environment: environment).dataHome + "/usage.sqlite"
    }

    /// Opens (creating if needed) and migrates the file.
    public init(path: String, busyTimeoutSeconds: Double = 10) throws(LedgerError) {
        self.path = path
        do {
            try FileIO.makeDirectories(FileIO.parentOf(path), mode: 0o700)
        } catch {
            throw LedgerError(path: path, reason: "cannot create its folder: \(error.reason)")
        }
        // Create the file ourselves so it is 0600 from the first byte, whatever the umask.
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LedgerError(path: path, reason: "cannot create it: \(String(cString: strerror(errno)))") }
        close(fd)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.label = "llmroute.ledger"
        configuration.prepareDatabase { db in
            // WAL is set here rather than with GRDB's `journalMode = .wal`: for a file whose WAL
            // is absent or empty (after every clean close) GRDB then creates and drops a table in
            // a write transaction and asks Foundation for the WAL file's attributes (which reads
            // /etc/passwd for the owner's name), ~2 ms per ask, to serve DatabasePool readers we
            // do not have. WAL mode is stored in the file, so after the first open this is a read.
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                throw DatabaseError(message: "the file cannot be switched to write-ahead logging")
            }
            // WAL with synchronous=NORMAL: a commit is not fsynced (only checkpoints are). A killed
            // process still loses nothing it committed (the OS has the pages); only a power cut can
            // drop the last commits, never corrupt the file. FULL cost ~5 ms of fsync per ask.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            queue = try Self.openMigrated(path: path, configuration: configuration)
        } catch {
            throw LedgerError(path: path, reason: Self.explain(error))
        }
        // Here too, not only after writes: `ask` opens the ledger while the answer streams
        // (LazyUsageLedger.openInBackground), so a checkpoint due costs nothing after it.
        try? queue.writeWithoutTransaction { truncateWALIfLarge($0) }
    }

    /// Opens a connection and migrates the file unless it is current. Processes that open a new
    /// file at the same moment race to create the schema: a loser's CREATE fails once the
    /// winner commits, or its connection still holds the schema it read before. A fresh
    /// connection then sees the migrated file, so such errors are retried a few times; other
    /// errors (not a database, read-only, disk full) are not.
    private static func openMigrated(path: String, configuration: Configuration) throws -> DatabaseQueue {
        let migrator = LedgerSchema.migrator
        var attempt = 0
        while true {
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                if try queue.read({ try migrator.hasCompletedMigrations($0) }) { return queue }
                try migrator.migrate(queue)
                return queue
            } catch let error as DatabaseError where attempt < 5 && Self.isRace(error) {
                attempt += 1
                usleep(UInt32(10_000 * attempt))
            }
        }
    }

    /// Keeps the connection open until the process exits. The last connection to close a WAL
    /// file checkpoints it into the database (two fsyncs, the largest part of what recording an
    /// ask cost); left open, the rows stay committed in the WAL, which the next open reads back
    /// (SQLite's recovery) exactly as after a killed process. For command-line processes only:
    /// a long-running library user should let the ledger close.
    public func keepOpenUntilExit() {
        _ = Unmanaged.passRetained(self)
    }

    /// WAL size past which an open or a write checkpoints the WAL into the database and
    /// truncates it: 256 pages, ~60 asks at 4 pages each, so at most 1 MB to read back per open
    /// against a checkpoint's fsyncs (~8 ms measured on the build machine) once in ~60 asks.
    public static let walLimitBytes: off_t = 256 * (4096 + 24)

    /// The next open reads the whole WAL back, so it must stay small. SQLite's own automatic
    /// checkpoint does not do it here: it copies pages into the database but leaves the WAL
    /// file full until a later writer restarts it, and a new process's recovery forgets what was
    /// copied, so every later commit copied the whole WAL again (measured: a 1.8 MB WAL, read and
    /// copied at every ask). TRUNCATE empties the file. Best effort: if another process holds the
    /// file the checkpoint is partial, and the next write tries again.
    private func truncateWALIfLarge(_ db: Database) {
        var info = stat()
        guard stat(path + "-wal", &info) == 0, info.st_size > Self.walLimitBytes else { return }
        _ = try? Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    }

    private static func isRace(_ error: DatabaseError) -> Bool {
        [.SQLITE_ERROR, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_SCHEMA].contains(error.resultCode)
    }

    public func append(_ records: [UsageRecord]) throws {
        guard !records.isEmpty else { return }
        do {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let statement = try db.cachedStatement(sql: LedgerSchema.insert)
                    for record in records { try statement.execute(arguments: LedgerSchema.arguments(record)) }
                    return .commit
                }
                truncateWALIfLarge(db)
            }
        } catch {
            throw LedgerError(path: path, reason: "cannot record usage: \(Self.explain(error))")
        }
    }

    public func appendSession(id: String, time: Double, command: String, mode: String?, strategy: String?) throws {
        do {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "INSERT OR REPLACE INTO sessions (id, time, command, mode, strategy) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, time, command, mode, strategy])
                truncateWALIfLarge(db)
            }
        } catch {
            throw LedgerError(path: path, reason: "cannot record the session: \(Self.explain(error))")
        }
    }

    public func sessions(from: Double?, until: Double?) throws -> [(id: String, time: Double, command: String)] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT id, time, command FROM sessions WHERE time >= ? AND time < ? ORDER BY time",
                                 arguments: [from ?? -Double.infinity, until ?? Double.infinity])
                    .map { (id: $0["id"], time: $0["time"], command: $0["command"]) }
            }
        } catch {
            throw LedgerError(path: path, reason: "cannot read sessions: \(Self.explain(error))")
        }
    }

    public func spent(since: Double) throws -> Double {
        do {
            return try queue.read { db in
                try Double.fetchOne(db, sql: "SELECT COALESCE(SUM(cost_usd), 0) FROM usage WHERE kind = 'request' AND time >= ?",
                                    arguments: [since]) ?? 0
            }
        } catch {
            throw LedgerError(path: path, reason: "cannot read spend: \(Self.explain(error))")
        }
    }

    public func records(kind: UsageRecord.Kind, from: Double?, until: Double?) throws -> [UsageRecord] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM usage WHERE kind = ? AND time >= ? AND time < ? ORDER BY time, id",
                                 arguments: [kind.rawValue, from ?? -Double.greatestFiniteMagnitude, until ?? Double.greatestFiniteMagnitude])
                    .map(LedgerSchema.record)
            }
        } catch {
            throw LedgerError(path: path, reason: "cannot read usage: \(Self.explain(error))")
        }
    }

    public func reasoningSamples(model: String, limit: Int) throws -> [(reasoning: Int, output: Int)] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT reasoning_tokens, output_tokens FROM usage
                    WHERE kind = 'request' AND final_model = ? AND outcome = 'ok' AND tokens_estimated = 0 AND output_tokens > 0
                    ORDER BY time DESC, id DESC LIMIT ?
                    """, arguments: [model, limit])
                    .map { (reasoning: $0["reasoning_tokens"], output: $0["output_tokens"]) }
            }
        } catch {
            throw LedgerError(path: path, reason: "cannot read usage: \(Self.explain(error))")
        }
    }

    /// The schema version the file is at (the last applied migration).
    public func schemaVersion() throws -> String? {
        try queue.read { try LedgerSchema.migrator.completedMigrations($0).last }
    }

    /// SQLite's words, without GRDB's SQL dump (which could contain prompt text).
    static func explain(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
        return "\(error)"
    }
}
