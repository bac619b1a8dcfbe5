import GRDB

/// A session row with every column (the protocol's `sessions` reads only what reports show).
public struct LedgerSession: Sendable, Equatable {
    public var id: String
    public var time: Double
    public var command: String
    public var mode: String?
    public var strategy: String?

    public init(id: String, time: Double, command: String, mode: String?, strategy: String?) {
        self.id = id
        self.time = time
        self.command = command
        self.mode = mode
        self.strategy = strategy
    }
}

/// Reading a whole SQLite ledger out, for `ledger copy` and the PostgreSQL ledger's outbox (a
/// SQLite ledger of rows the server did not get yet), and removing what was delivered.
extension SQLiteUsageLedger {
    /// Every usage row and session, oldest first, and the largest usage id read: rows another
    /// process adds meanwhile have larger ids, so `removeDelivered` never drops them unsent.
    public func everything() throws -> (records: [UsageRecord], lastID: Int64, sessions: [LedgerSession]) {
        do {
            return try queue.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM usage ORDER BY id")
                let sessions = try Row.fetchAll(db, sql: "SELECT * FROM sessions ORDER BY time").map {
                    LedgerSession(id: $0["id"], time: $0["time"], command: $0["command"], mode: $0["mode"], strategy: $0["strategy"])
                }
                return (rows.map(LedgerSchema.record), rows.last?["id"] ?? 0, sessions)
            }
        } catch {
            throw LedgerError(path: path, reason: "cannot read usage: \(Self.explain(error))")
        }
    }

    /// Deletes the usage rows up to `lastID` and the named sessions: they are on the server now.
    public func removeDelivered(lastID: Int64, sessions: [String]) throws {
        do {
            try queue.write { db in
                try db.execute(sql: "DELETE FROM usage WHERE id <= ?", arguments: [lastID])
                for id in sessions { try db.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [id]) }
            }
        } catch {
            throw LedgerError(path: path, reason: "cannot empty the outbox: \(Self.explain(error))")
        }
    }

    /// Rows waiting (the outbox's count, for messages).
    public func rowCount() throws -> Int {
        do {
            return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM usage WHERE kind = 'request'") ?? 0 }
        } catch {
            throw LedgerError(path: path, reason: "cannot read usage: \(Self.explain(error))")
        }
    }
}
