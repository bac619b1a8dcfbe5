/// The shared ledger's tables in PostgreSQL: the SQLite ledger's `usage` and `sessions` with the
/// same columns (`LedgerSchema.columns`), plus budget reservations. Versions are named after
/// the SQLite schema they match; the first is v4 (the schema when the server store came).
/// Never edit a shipped migration: add the next one.
enum PostgresLedgerSchema {
    /// The usage and sessions tables as of SQLite's v4.
    static let v4 = [
        """
        CREATE TABLE usage (
            id BIGSERIAL PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('attempt', 'request')),
            request_id TEXT NOT NULL,
            time DOUBLE PRECISION NOT NULL,
            command TEXT NOT NULL,
            conversation_id TEXT, strategy TEXT, tier TEXT, task TEXT, score DOUBLE PRECISION,
            chosen_model TEXT, chosen_provider TEXT, final_model TEXT, final_provider TEXT,
            fallbacks BIGINT NOT NULL DEFAULT 0,
            attempts BIGINT NOT NULL DEFAULT 0,
            input_tokens BIGINT NOT NULL DEFAULT 0,
            output_tokens BIGINT NOT NULL DEFAULT 0,
            tokens_estimated BIGINT NOT NULL DEFAULT 0,
            cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
            ttft_ms DOUBLE PRECISION, latency_ms DOUBLE PRECISION,
            outcome TEXT NOT NULL, error_kind TEXT,
            prompt_hash TEXT, prompt_text TEXT, answer_hash TEXT, answer_text TEXT,
            strongest_model TEXT, strongest_cost_usd DOUBLE PRECISION,
            cache_read_tokens BIGINT NOT NULL DEFAULT 0,
            cache_write_5m_tokens BIGINT NOT NULL DEFAULT 0,
            cache_write_1h_tokens BIGINT NOT NULL DEFAULT 0,
            reasoning_tokens BIGINT NOT NULL DEFAULT 0,
            cache_saved_usd DOUBLE PRECISION NOT NULL DEFAULT 0
        )
        """,
        "CREATE INDEX usage_kind_time ON usage (kind, time)",
        "CREATE INDEX usage_model_time ON usage (final_model, time)",
        "CREATE TABLE sessions (id TEXT PRIMARY KEY, time DOUBLE PRECISION NOT NULL, command TEXT NOT NULL, mode TEXT, strategy TEXT)",
    ]

    /// v5: the user and the row's unique id (as in SQLite's v5), and budget reservations: a
    /// call's estimate held against the shared budgets from its check until its row is written
    /// (or `expires`, for a process that died in between).
    static let v5 = [
        "ALTER TABLE usage ADD COLUMN \"user\" TEXT",
        "ALTER TABLE usage ADD COLUMN uid TEXT",
        "UPDATE usage SET uid = request_id || '-' || id WHERE uid IS NULL",
        "CREATE UNIQUE INDEX usage_uid ON usage (uid)",
        "CREATE TABLE budget_reservations (id TEXT PRIMARY KEY, time DOUBLE PRECISION NOT NULL, amount DOUBLE PRECISION NOT NULL, expires DOUBLE PRECISION NOT NULL)",
    ]

    static let migrations: [(version: String, statements: [String])] = [("v4", v4), ("v5", v5)]

    /// The latest version: what a migrated database is at.
    static var current: String { migrations.last!.version }

    /// Serialises schema changes and budget checks across every process on every machine
    /// (`pg_advisory_xact_lock`, released at commit). Arbitrary constants, ours alone.
    static let migrationLock = 0x6C6C_6D72_0001
    static let budgetLock = 0x6C6C_6D72_0002

    /// Brings the database to the current version, in one transaction under the migration lock:
    /// processes that start on a new database at once wait for the first, then find it done.
    /// The usual case, a database already current, costs one read and no lock.
    static func migrate(_ session: PostgresLink.Session) throws {
        if let versions = try? session.run("SELECT version FROM llmroute_migrations").rows.compactMap({ $0.text("version") }),
           Set(versions).isSuperset(of: migrations.map(\.version)) {
            return
        }
        try session.transaction {
            try session.run("SELECT pg_advisory_xact_lock($1)", [.integer(migrationLock)])
            try session.run("CREATE TABLE IF NOT EXISTS llmroute_migrations (version TEXT PRIMARY KEY, applied DOUBLE PRECISION NOT NULL)")
            let applied = Set(try session.run("SELECT version FROM llmroute_migrations").rows.compactMap {
                $0.text("version")
            })
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements { try session.run(statement) }
                try session.run("INSERT INTO llmroute_migrations (version, applied) VALUES ($1, extract(epoch FROM now()))",
                                [.text(migration.version)])
            }
        }
    }

    /// A multi-row insert of `count` usage rows that skips rows already there (by uid).
    static func insertUsage(count: Int) -> String {
        let width = LedgerSchema.columns.count
        let tuples = (0..<count).map { row in
            "(" + (1...width).map { "$\(row * width + $0)" }.joined(separator: ", ") + ")"
        }
        return "INSERT INTO usage (\(LedgerSchema.quotedColumns)) VALUES \(tuples.joined(separator: ", ")) ON CONFLICT (uid) DO NOTHING"
    }
}
