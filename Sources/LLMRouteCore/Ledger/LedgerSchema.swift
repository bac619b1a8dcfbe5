import GRDB

/// The ledger's schema, as a list of migrations applied in order and recorded in the file
/// (GRDB's `grdb_migrations` table). Never edit a shipped migration: add the next one, so every
/// file, however old, migrates forward to the same schema.
enum LedgerSchema {
    /// v1: the usage table.
    static let v1 = """
    CREATE TABLE usage (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('attempt', 'request')),
        request_id TEXT NOT NULL,
        time REAL NOT NULL,
        command TEXT NOT NULL,
        conversation_id TEXT,
        strategy TEXT,
        tier TEXT,
        task TEXT,
        score REAL,
        chosen_model TEXT,
        chosen_provider TEXT,
        final_model TEXT,
        final_provider TEXT,
        fallbacks INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        tokens_estimated INTEGER NOT NULL DEFAULT 0,
        cost_usd REAL NOT NULL DEFAULT 0,
        ttft_ms REAL,
        latency_ms REAL,
        outcome TEXT NOT NULL,
        error_kind TEXT,
        prompt_hash TEXT,
        prompt_text TEXT,
        answer_hash TEXT,
        answer_text TEXT
    )
    """

    /// v2: savings (the strongest candidate and its cost) and an index for budget and report
    /// queries, which always filter on kind and time.
    static let v2 = """
    ALTER TABLE usage ADD COLUMN strongest_model TEXT;
    ALTER TABLE usage ADD COLUMN strongest_cost_usd REAL;
    CREATE INDEX usage_kind_time ON usage (kind, time);
    """

    /// v3: interactive sessions (the REPL), one row each when it starts; its turns are request
    /// rows whose conversation_id is the session id.
    static let v3 = """
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        time REAL NOT NULL,
        command TEXT NOT NULL,
        mode TEXT,
        strategy TEXT
    )
    """

    /// v4: usage by billing bucket. `input_tokens` stays every input token and `output_tokens`
    /// every output token, so rows written before v4 (all zeros here) keep meaning what they
    /// meant: all input uncached. `cache_saved_usd` is what the cache saved on that call, priced
    /// when it was recorded (negative when writes cost more than reads saved). The index serves
    /// `reasoningSamples`, run after each reasoning model's call: a model's latest rows without
    /// scanning the whole table.
    static let v4 = """
    ALTER TABLE usage ADD COLUMN cache_read_tokens INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE usage ADD COLUMN cache_write_5m_tokens INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE usage ADD COLUMN cache_write_1h_tokens INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE usage ADD COLUMN reasoning_tokens INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE usage ADD COLUMN cache_saved_usd REAL NOT NULL DEFAULT 0;
    CREATE INDEX usage_model_time ON usage (final_model, time);
    """

    /// v5: who made each call (`cost report --by user`), and a row id unique across machines,
    /// so a row delivered twice to a shared ledger (an outbox retried, `ledger copy` run again)
    /// is kept once. Older rows get `request_id-id`, unique within the file that holds them.
    static let v5 = """
    ALTER TABLE usage ADD COLUMN "user" TEXT;
    ALTER TABLE usage ADD COLUMN uid TEXT;
    UPDATE usage SET uid = request_id || '-' || id WHERE uid IS NULL;
    CREATE UNIQUE INDEX usage_uid ON usage (uid);
    """

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try db.execute(sql: v1) }
        migrator.registerMigration("v2") { db in try db.execute(sql: v2) }
        migrator.registerMigration("v3") { db in try db.execute(sql: v3) }
        migrator.registerMigration("v4") { db in try db.execute(sql: v4) }
        migrator.registerMigration("v5") { db in try db.execute(sql: v5) }
        return migrator
    }

    /// Every column a row reads and writes, in `UsageRecord` order. Shared with the PostgreSQL
    /// ledger, whose table has the same columns. `user` is quoted where SQL is written (a
    /// reserved word in PostgreSQL).
    public static let columns = [
        "kind", "request_id", "time", "command", "conversation_id", "strategy", "tier", "task", "score",
        "chosen_model", "chosen_provider", "final_model", "final_provider", "fallbacks", "attempts",
        "input_tokens", "output_tokens", "tokens_estimated", "cost_usd", "strongest_model", "strongest_cost_usd",
        "ttft_ms", "latency_ms", "outcome", "error_kind", "prompt_hash", "prompt_text", "answer_hash", "answer_text",
        "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "reasoning_tokens", "cache_saved_usd",
        "user", "uid",
    ]

    /// The column list for SQL text, each name quoted.
    public static let quotedColumns = columns.map { "\"\($0)\"" }.joined(separator: ", ")

    static let insert = "INSERT INTO usage (\(quotedColumns)) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"

    static func arguments(_ r: UsageRecord) -> StatementArguments {
        StatementArguments(values(r).map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .text(let text): text
            case .real(let real): real
            case .integer(let integer): integer
            }
        })
    }

    /// A row's values in `columns` order, typed so that each store binds them its own way.
    public static func values(_ r: UsageRecord) -> [LedgerValue] {
        [
            .text(r.kind.rawValue), .text(r.requestID), .real(r.time), .text(r.command), .text(r.conversationID),
            .text(r.strategy), .text(r.tier), .text(r.task), .real(r.score),
            .text(r.chosenModel), .text(r.chosenProvider), .text(r.finalModel), .text(r.finalProvider),
            .integer(r.fallbacks), .integer(r.attempts), .integer(r.inputTokens), .integer(r.outputTokens),
            .integer(r.tokensEstimated ? 1 : 0), .real(r.costUSD), .text(r.strongestModel), .real(r.strongestCostUSD),
            .real(r.timeToFirstTokenMs), .real(r.latencyMs), .text(r.outcome), .text(r.errorKind),
            .text(r.promptHash), .text(r.promptText), .text(r.answerHash), .text(r.answerText),
            .integer(r.cacheReadTokens), .integer(r.cacheWrite5mTokens), .integer(r.cacheWrite1hTokens),
            .integer(r.reasoningTokens), .real(r.cacheSavedUSD), .text(r.user), .text(r.uid),
        ]
    }

    static func record(_ row: Row) -> UsageRecord { record(SQLiteRowReader(row: row)) }

    /// A row of either store back into a record, reading each column by name.
    public static func record(_ row: some LedgerRowReader) -> UsageRecord {
        var r = UsageRecord(kind: UsageRecord.Kind(rawValue: row.text("kind") ?? "") ?? .request,
                            requestID: row.text("request_id") ?? "", time: row.real("time") ?? 0,
                            command: row.text("command") ?? "", outcome: row.text("outcome") ?? "")
        r.conversationID = row.text("conversation_id")
        r.strategy = row.text("strategy")
        r.tier = row.text("tier")
        r.task = row.text("task")
        r.score = row.real("score")
        r.chosenModel = row.text("chosen_model")
        r.chosenProvider = row.text("chosen_provider")
        r.finalModel = row.text("final_model")
        r.finalProvider = row.text("final_provider")
        r.fallbacks = row.integer("fallbacks") ?? 0
        r.attempts = row.integer("attempts") ?? 0
        r.inputTokens = row.integer("input_tokens") ?? 0
        r.outputTokens = row.integer("output_tokens") ?? 0
        r.tokensEstimated = (row.integer("tokens_estimated") ?? 0) != 0
        r.costUSD = row.real("cost_usd") ?? 0
        r.strongestModel = row.text("strongest_model")
        r.strongestCostUSD = row.real("strongest_cost_usd")
        r.timeToFirstTokenMs = row.real("ttft_ms")
        r.latencyMs = row.real("latency_ms")
        r.errorKind = row.text("error_kind")
        r.promptHash = row.text("prompt_hash")
        r.promptText = row.text("prompt_text")
        r.answerHash = row.text("answer_hash")
        r.answerText = row.text("answer_text")
        r.cacheReadTokens = row.integer("cache_read_tokens") ?? 0
        r.cacheWrite5mTokens = row.integer("cache_write_5m_tokens") ?? 0
        r.cacheWrite1hTokens = row.integer("cache_write_1h_tokens") ?? 0
        r.reasoningTokens = row.integer("reasoning_tokens") ?? 0
        r.cacheSavedUSD = row.real("cache_saved_usd") ?? 0
        r.user = row.text("user")
        r.uid = row.text("uid")
        return r
    }
}

/// One ledger value, typed: what both stores bind and read.
public enum LedgerValue: Sendable, Equatable {
    case text(String?)
    case real(Double?)
    case integer(Int?)
}

/// A result row of either store, read by column name.
public protocol LedgerRowReader {
    func text(_ column: String) -> String?
    func real(_ column: String) -> Double?
    func integer(_ column: String) -> Int?
}

struct SQLiteRowReader: LedgerRowReader {
    let row: Row
    func text(_ column: String) -> String? { row[column] }
    func real(_ column: String) -> Double? { row[column] }
    func integer(_ column: String) -> Int? { row[column] }
}
