import Foundation
import GRDB
import Testing
@testable import LLMRouteCore

/// The SQLite ledger on real files: creation, permissions, WAL, migrations, bad files.
@Suite("Usage ledger: SQLite store")
struct LedgerStoreTests {
    @Test func emptyFolderGetsAMigratedPrivateWALFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.file("nested/dir/usage.sqlite")
        let ledger = try SQLiteUsageLedger(path: path)
        #expect(try ledger.schemaVersion() == "v5")
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600, "the ledger may hold prompts: owner only")
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try ledger.records(kind: .request, from: nil, until: nil).isEmpty)
    }

    /// Commands leave the WAL for the next open (keepOpenUntilExit), which reads it back: a
    /// write that finds it past the limit checkpoints and truncates it, however many rows come.
    @Test func walIsTruncatedPastItsLimit() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.file("usage.sqlite")
        let ledger = try SQLiteUsageLedger(path: path)
        var largest: off_t = 0
        for index in 0..<300 {
            try ledger.append([UsageRecord(kind: .request, requestID: "r\(index)", time: Double(index), command: "ask", outcome: "ok")])
            var info = stat()
            #expect(stat(path + "-wal", &info) == 0)
            largest = max(largest, info.st_size)
        }
        // The limit plus the transaction that crossed it.
        #expect(largest > 0 && largest <= SQLiteUsageLedger.walLimitBytes + 8 * (4096 + 24), "WAL reached \(largest) bytes")
        #expect(try ledger.records(kind: .request, from: nil, until: nil).count == 300)
    }

    /// v3: REPL sessions, kept in their own table; a v2 file gains it and keeps its rows.
    @Test func sessionsAreRecordedAndAV2FileGainsThem() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.file("usage.sqlite")
        let old = try DatabaseQueue(path: path)
        try old.write { db in
            try db.execute(sql: LedgerSchema.v1)
            try db.execute(sql: LedgerSchema.v2)
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1'), ('v2')")
            try db.execute(sql: "INSERT INTO usage (kind, request_id, time, command, outcome) VALUES ('request', 'r', 5, 'ask', 'ok')")
        }
        try old.close()
        let ledger = try SQLiteUsageLedger(path: path)
        #expect(try ledger.schemaVersion() == "v5")
        #expect(try ledger.records(kind: .request, from: nil, until: nil).count == 1)
        try ledger.appendSession(id: "s1", time: 10, command: "repl", mode: "auto", strategy: "cost")
        try ledger.appendSession(id: "s2", time: 20, command: "repl", mode: "gpt-4o-mini", strategy: "tier")
        let sessions = try ledger.sessions(from: 15, until: nil)
        #expect(sessions.map(\.id) == ["s2"])
        #expect(try ledger.sessions(from: nil, until: nil).map(\.command) == ["repl", "repl"])
    }

    @Test func emptyExistingFileIsMigrated() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.file("usage.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let ledger = try SQLiteUsageLedger(path: path)
        #expect(try ledger.schemaVersion() == "v5")
    }

    /// A file written by the first schema (v1: no savings columns, no index), with a row in it,
    /// is migrated forward and keeps its row.
    @Test func previousSchemaIsMigratedAndKeepsItsRows() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.file("usage.sqlite")
        let old = try DatabaseQueue(path: path)
        try old.write { db in
            try db.execute(sql: LedgerSchema.v1)
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1')")
            try db.execute(sql: """
                INSERT INTO usage (kind, request_id, time, command, final_model, input_tokens, output_tokens, cost_usd, outcome)
                VALUES ('request', 'old-1', 1000, 'ask', 'gpt-old', 7, 9, 0.5, 'ok')
                """)
        }
        try old.close()

        let ledger = try SQLiteUsageLedger(path: path)
        #expect(try ledger.schemaVersion() == "v5")
        let rows = try ledger.records(kind: .request, from: nil, until: nil)
        #expect(rows.count == 1)
        #expect(rows.first?.finalModel == "gpt-old" && rows.first?.costUSD == 0.5 && rows.first?.inputTokens == 7)
        #expect(rows.first?.strongestCostUSD == nil, "v1 rows have no savings data")
        var new = LedgerFixtures.request(time: 2000, cost: 0.25, strongestCost: 1.0)
        new.strongestModel = "strong"
        try ledger.append([new])
        let after = try ledger.records(kind: .request, from: nil, until: nil)
        #expect(after.map(\.strongestCostUSD) == [nil, 1.0])
        let indexes = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index'") }
        #expect(indexes.contains("usage_kind_time"))
    }

    /// v5: a v4 file gains the user and uid columns; its rows keep their values, get a uid of
    /// their own (request id and row id), and no user.
    @Test func v4FileGainsUsersAndRowIDs() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.file("usage.sqlite")
        let old = try DatabaseQueue(path: path)
        try old.write { db in
            for sql in [LedgerSchema.v1, LedgerSchema.v2, LedgerSchema.v3, LedgerSchema.v4] { try db.execute(sql: sql) }
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1'), ('v2'), ('v3'), ('v4')")
            for request in ["a", "b"] {
                try db.execute(sql: "INSERT INTO usage (kind, request_id, time, command, cost_usd, outcome) VALUES ('request', ?, 1000, 'ask', 0.5, 'ok')",
                               arguments: [request])
            }
        }
        try old.close()
        let ledger = try SQLiteUsageLedger(path: path)
        #expect(try ledger.schemaVersion() == "v5")
        let rows = try ledger.records(kind: .request, from: nil, until: nil)
        #expect(rows.map(\.uid) == ["a-1", "b-2"] && rows.allSatisfy { $0.user == nil && $0.costUSD == 0.5 })
        var duplicate = LedgerFixtures.request(time: 2000, cost: 0.1)
        duplicate.uid = "a-1"
        #expect(throws: LedgerError.self, "a uid is unique in the file") { try ledger.append([duplicate]) }
        #expect(try ledger.spent(since: 0) == 1.0)
    }

    @Test func rowsRoundTripEveryField() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let ledger = try SQLiteUsageLedger(path: folder.file("usage.sqlite"))
        let recorder = UsageRecorder(ledger: ledger, command: "ask", logText: true, user: "alice", warn: { _ in })
        let request = UsageRecorder.Request(
            decision: LedgerFixtures.decision(), prompt: "what is 2+2", conversationID: "conv-1",
            result: LedgerFixtures.result(), attempts: [Attempt(provider: "p-cheap", model: "cheap", outcome: "ok", latency: 0.5)],
            outcome: "ok", latency: 0.6)
        let written = recorder.rows(request, now: 1234.5)
        #expect(written.map(\.user) == ["alice", "alice"])
        #expect(written.map(\.uid) == [written[0].requestID + "-0", written[0].requestID + "-1"], "unique per row, stable per request")
        try ledger.append(written)
        let read = try ledger.records(kind: .attempt, from: nil, until: nil) + ledger.records(kind: .request, from: nil, until: nil)
        #expect(read == written)
    }

    @Test func timeWindowIsHalfOpen() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let ledger = try SQLiteUsageLedger(path: folder.file("usage.sqlite"))
        try ledger.append([100.0, 200, 300].map { LedgerFixtures.request(time: $0, cost: $0 / 100) })
        #expect(try ledger.records(kind: .request, from: 100, until: 300).map(\.time) == [100, 200])
        #expect(try ledger.spent(since: 200) == 5)
        #expect(try ledger.records(kind: .attempt, from: nil, until: nil).isEmpty)
    }

    @Test func aFileThatIsNotADatabaseIsAnErrorNotACrash() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.file("usage.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteUsageLedger(path: path)
            Issue.record("opening garbage should fail")
        } catch {
            #expect(error.path == path)
            #expect(error.description.contains("usage ledger"))
        }
    }

    /// Several connections opening a brand-new file at the same moment race to create the
    /// schema; every one of them must end up open and writing.
    @Test func simultaneousFirstOpensAllSucceed() throws {
        for round in 0..<5 {
            let folder = try TemporaryFolder()
            defer { folder.cleanup() }
            let path = folder.file("usage.sqlite")
            let failures = Counter()
            DispatchQueue.concurrentPerform(iterations: 6) { worker in
                do {
                    try SQLiteUsageLedger(path: path).append([LedgerFixtures.request(time: Double(worker), cost: 0.01)])
                } catch {
                    failures.increment()
                }
            }
            #expect(failures.value == 0, "round \(round)")
            #expect(try SQLiteUsageLedger(path: path).records(kind: .request, from: nil, until: nil).count == 6)
        }
    }

    /// Writers on separate connections (as separate processes have) all land: the busy timeout
    /// queues them instead of failing with SQLITE_BUSY.
    @Test func concurrentConnectionsAllCommit() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.file("usage.sqlite")
        let ledgers = try (0..<4).map { _ in try SQLiteUsageLedger(path: path) }
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for i in 0..<25 {
                try? ledgers[worker].append([LedgerFixtures.request(time: Double(worker * 100 + i), cost: 0.01)])
            }
        }
        #expect(try ledgers[0].records(kind: .request, from: nil, until: nil).count == 100)
    }
}
