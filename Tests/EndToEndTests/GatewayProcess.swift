import Foundation

/// `llmroute serve --port 0` as a test starts it: waits for "listening on http://...:PORT/v1"
/// on stderr, and always ends: `stop()` sends SIGTERM and, after a grace, SIGKILL; a watchdog
/// (Servers/kill_after.py) kills it after `lifetime` seconds or if the test process dies.
final class GatewayProcess: @unchecked Sendable {
    let process: Process
    private(set) var port = 0
    private let errors = ErrorOutput()
    private let watchdog: Process

    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    var stderr: String { errors.text }

    init(_ runner: BinaryRunner, _ arguments: [String] = [], environment: [String: String] = [:], lifetime: Double = 180) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
        process.arguments = ["serve", "--port", "0"] + arguments
        process.environment = runner.environment.merging(["LLMROUTE_RETRY_BASE_MS": "1"].merging(environment) { $1 }) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        err.fileHandleForReading.readabilityHandler = { [errors] handle in errors.append(handle.availableData) }
        try process.run()
        watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Servers/kill_after.py").path
        watchdog.arguments = ["python3", script, "\(process.processIdentifier)", "\(lifetime)"]
        try watchdog.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && process.isRunning {
            if let range = stderr.range(of: "listening on http://127.0.0.1:"),
               let port = Int(stderr[range.upperBound...].prefix { $0.isNumber }) {
                self.port = port
                return
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        stop()
        throw GatewayProcessError(message: "the gateway did not start: \(stderr)")
    }

    /// SIGTERM, then SIGKILL if it has not exited within `grace` seconds; the exit status.
    @discardableResult
    func stop(grace: Double = 15) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        watchdog.waitUntilExit()
        return process.terminationStatus
    }

    /// curl against the gateway: status line code, headers and body.
    func curl(_ path: String, body: String? = nil, headers: [String] = [], streaming: Bool = false) throws -> (status: Int, headers: String, body: String) {
        let directory = FileManager.default.temporaryDirectory
        let headerFile = directory.appendingPathComponent("llmroute-curl-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: headerFile) }
        var arguments = ["-sS", "--max-time", "60", "-D", headerFile, "-o", "-", "-w", "\n%{http_code}"]
        if streaming { arguments.append("-N") }
        for header in headers { arguments += ["-H", header] }
        if let body { arguments += ["-H", "content-type: application/json", "--data-binary", body] }
        arguments.append("http://127.0.0.1:\(port)\(path)")
        let output = try Self.capture("/usr/bin/curl", arguments)
        let code = Int(output.split(separator: "\n").last ?? "") ?? 0
        let text = String(output.dropLast(output.split(separator: "\n", omittingEmptySubsequences: false).last!.count + 1))
        return (code, (try? String(contentsOfFile: headerFile, encoding: .utf8)) ?? "", text)
    }

    static func capture(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// The gateway's stderr as it arrives, read on FileHandle's queue.
final class ErrorOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) {
        lock.lock()
        data.append(more)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}

struct GatewayProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension GatewayProcess {
    /// Runs `body` with a gateway in front of the fault server (`primary` is the OpenAI-protocol
    /// model's scenario, `backup` the Anthropic one's, `extraModels` a "flaky" model and its
    /// provider, `config` more TOML); the gateway is stopped and the home removed after.
    static func with(primary: String = "ok", backup: String = "ok", extraModels: String = "", config: String = "",
                     arguments: [String] = [], environment: [String: String] = [:],
                     _ body: (BinaryRunner, GatewayProcess) throws -> Void) throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeFaultConfig(primary: primary, backup: backup, extraModels: extraModels)
        if !config.isEmpty {
            try runner.writeConfig(try String(contentsOfFile: runner.configPath, encoding: .utf8) + "\n" + config + "\n")
        }
        let gateway = try GatewayProcess(runner, arguments, environment: environment)
        defer { gateway.stop() }
        try body(runner, gateway)
    }
}
