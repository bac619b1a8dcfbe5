import Foundation

/// The fault-injection server (Servers/fault_server.py), started once for the test run. It
/// listens on 127.0.0.1 only and exits by itself (a lifetime limit, or when this process ends).
final class FaultServer: @unchecked Sendable {
    static let shared: FaultServer = {
        do { return try FaultServer() } catch { fatalError("cannot start the fault server: \(error)") }
    }()

    /// A second, independent server: two deployments of one model on two servers (load balancing).
    static let secondary: FaultServer = {
        do { return try FaultServer() } catch { fatalError("cannot start the second fault server: \(error)") }
    }()

    let port: Int
    private let process: Process

    private init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Servers/fault_server.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--lifetime", "900"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        guard let port = Int(Self.readLine(out.fileHandleForReading)) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    /// One line a helper server printed, without its newline ("" at end of file). Byte by byte:
    /// a buffered read could swallow the lines that follow.
    static func readLine(_ handle: FileHandle) -> String {
        var line = Data()
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte == Data([0x0A]) { break }
            line.append(byte)
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// A port with nothing listening: bound, then closed.
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        close(fd)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

extension BinaryRunner {
    /// A config with two providers on the fault server: "primary" (OpenAI protocol, the
    /// scenario under test) and "backup" (Anthropic protocol, `backup` scenario), routing
    /// only between them. Each call gets its own URL nonce, so per-test counters never mix.
    func writeFaultConfig(primary: String, backup: String = "ok", primaryURL: String? = nil,
                          primaryKeyEnv: String? = nil, extraModels: String = "") throws {
        let port = FaultServer.shared.port
        let nonce = UUID().uuidString
        let url = primaryURL ?? "http://127.0.0.1:\(port)/\(primary)/\(nonce)/v1"
        try writeConfig("""
        [providers.fa]
        kind = "openai"
        base_url = "\(url)"
        \(primaryKeyEnv.map { "api_key_env = \"\($0)\"" } ?? "")
        [providers.fb]
        kind = "anthropic"
        base_url = "http://127.0.0.1:\(port)/\(backup)/\(nonce)"
        [models."primary"]
        provider = "fa"
        input_price = 1.0
        output_price = 2.0
        context_window = 16000
        quality = 0.9
        [models."backup"]
        provider = "fb"
        input_price = 1.0
        output_price = 2.0
        context_window = 200000
        quality = 0.9
        \(extraModels)
        [routing]
        candidates = ["primary", "backup"\(extraModels.isEmpty ? "" : ", \"flaky\"")]
        """)
    }

    /// Runs `ask` with tiny retry backoffs (LLMROUTE_RETRY_BASE_MS) and returns the result and seconds taken.
    func ask(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> (Result, Double) {
        let start = Date()
        let result = try run(["ask"] + arguments, stdin: stdin,
                             extraEnvironment: ["LLMROUTE_RETRY_BASE_MS": "1"].merging(environment) { $1 })
        return (result, Date().timeIntervalSince(start))
    }

    /// Outcomes of `ask --json`'s attempts, as "provider:outcome".
    static func outcomes(_ stdout: String) throws -> [String] {
        let object = try json(stdout) as? [String: Any]
        let attempts = object?["attempts"] as? [[String: Any]] ?? []
        return attempts.map { "\($0["provider"] as? String ?? "?"):\($0["outcome"] as? String ?? "?")" }
    }
}
