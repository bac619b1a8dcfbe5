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

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try db.execute(sql: v1) }
        migrator.registerMigration("v2") { db in try db.execute(sql: v2) }
        migrator.registerMigration("v3") { db in try db.execute(sql: v3) }
        migrator.registerMigration("v4") { db in try db.execute(sql: v4) }
        return migrator
    }

    /// Every column a row reads and writes, in `UsageRecord` order.
    static let columns = [
        "kind", "request_id", "time", "command", "conversation_id", "strategy", "tier", "task", "score",
        "chosen_model", "chosen_provider", "final_model", "final_provider", "fallbacks", "attempts",
        "input_tokens", "output_tokens", "tokens_estimated", "cost_usd", "strongest_model", "strongest_cost_usd",
        "ttft_ms", "latency_ms", "outcome", "error_kind", "prompt_hash", "prompt_text", "answer_hash", "answer_text",
        "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "reasoning_tokens", "cache_saved_usd",
    ]

    static let insert = "INSERT INTO usage (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"

    static func arguments(_ r: UsageRecord) -> StatementArguments {
        let values: [(any DatabaseValueConvertible)?] = [
            r.kind.rawValue, r.requestID, r.time, r.command, r.conversationID, r.strategy, r.tier, r.task, r.score,
            r.chosenModel, r.chosenProvider, r.finalModel, r.finalProvider, r.fallbacks, r.attempts,
            r.inputTokens, r.outputTokens, r.tokensEstimated, r.costUSD, r.strongestModel, r.strongestCostUSD,
            r.timeToFirstTokenMs, r.latencyMs, r.outcome, r.errorKind, r.promptHash, r.promptText, r.answerHash, r.answerText,
            r.cacheReadTokens, r.cacheWrite5mTokens, r.cacheWrite1hTokens, r.reasoningTokens, r.cacheSavedUSD,
        ]
        return StatementArguments(values)
    }

    static func record(_ row: Row) -> UsageRecord {
        var r = UsageRecord(kind: UsageRecord.Kind(rawValue: row["kind"]) ?? .request, requestID: row["request_id"],
                            time: row["time"], command: row["command"], outcome: row["outcome"])
        r.conversationID = row["conversation_id"]
        r.strategy = row["strategy"]
        r.tier = row["tier"]
        r.task = row["task"]
        r.score = row["score"]
        r.chosenModel = row["chosen_model"]
        r.chosenProvider = row["chosen_provider"]
        r.finalModel = row["final_model"]
        r.finalProvider = row["final_provider"]
        r.fallbacks = row["fallbacks"]
        r.attempts = row["attempts"]
        r.inputTokens = row["input_tokens"]
        r.outputTokens = row["output_tokens"]
        r.tokensEstimated = row["tokens_estimated"]
        r.costUSD = row["cost_usd"]
        r.strongestModel = row["strongest_model"]
        r.strongestCostUSD = row["strongest_cost_usd"]
        r.timeToFirstTokenMs = row["ttft_ms"]
        r.latencyMs = row["latency_ms"]
        r.errorKind = row["error_kind"]
        r.promptHash = row["prompt_hash"]
        r.promptText = row["prompt_text"]
        r.answerHash = row["answer_hash"]
        r.answerText = row["answer_text"]
        r.cacheReadTokens = row["cache_read_tokens"]
        r.cacheWrite5mTokens = row["cache_write_5m_tokens"]
        r.cacheWrite1hTokens = row["cache_write_1h_tokens"]
        r.reasoningTokens = row["reasoning_tokens"]
        r.cacheSavedUSD = row["cache_saved_usd"]
        return r
    }
}
