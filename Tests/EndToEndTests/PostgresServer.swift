import Foundation

/// A real PostgreSQL server for the shared-ledger tests (Servers/postgres_server.py): started
/// once for the test run on a free 127.0.0.1 port, with a throwaway data directory owned by an
/// unprivileged user. It stops and deletes itself when this process ends (its stdin closes),
/// after its lifetime, or, should the script itself be killed, by a detached watchdog.
final class PostgresServer: @unchecked Sendable {
    static let shared: PostgresServer = {
        do { return try PostgresServer() } catch { fatalError("cannot start PostgreSQL: \(error)") }
    }()

    /// A second server, for the tests that stop and restart it (the others keep running on `shared`).
    static let outage: PostgresServer = {
        do { return try PostgresServer() } catch { fatalError("cannot start PostgreSQL: \(error)") }
    }()

    let port: Int
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private let lock = NSLock()

    private init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Servers/postgres_server.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--lifetime", "1800"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        guard let port = Int(FaultServer.readLine(output)) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "postgres_server.py printed no port"])
        }
        self.port = port
    }

    /// Sends one command and returns its one-line answer.
    @discardableResult
    func command(_ text: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        input.write(Data((text + "\n").utf8))
        return FaultServer.readLine(output)
    }

    /// A fresh, empty database; its URL for the trusted test user.
    func newDatabase() throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let answer = command("createdb \(name)")
        guard answer == "ok" else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: answer]) }
        return url(database: name)
    }

    func url(database: String, user: String = "llmroute") -> String {
        "postgresql://\(user)@127.0.0.1:\(port)/\(database)"
    }

    func stop() { precondition(command("stop") == "stopped") }
    func start() { precondition(command("start") == "started") }
}
