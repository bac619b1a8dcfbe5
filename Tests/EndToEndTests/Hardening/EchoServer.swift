import Foundation

/// Servers/echo_server.py, started once: a failing provider that sends each request back,
/// headers and key included. Its stdin is a pipe this process holds, so it ends with us.
final class EchoServer: @unchecked Sendable {
    static let shared: EchoServer = {
        do { return try EchoServer() } catch { fatalError("cannot start the echo server: \(error)") }
    }()

    let port: Int
    private let process = Process()
    private let keepAlive = Pipe()

    private init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Servers/echo_server.py").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--lifetime", "900"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = keepAlive
        try process.run()
        var line = Data()
        while true {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data([0x0A]) { break }
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else { throw CocoaError(.fileReadCorruptFile) }
        self.port = port
    }

    func url(_ mode: String) -> String { "http://127.0.0.1:\(port)/\(mode)" }
}
