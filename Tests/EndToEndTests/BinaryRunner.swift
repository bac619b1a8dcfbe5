import Foundation

/// Runs the built `llmroute` binary as a user would: a fresh process, chosen environment, stdin.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binaryPath: String {
        if let path = ProcessInfo.processInfo.environment["LLMROUTE_BIN"], !path.isEmpty { return path }
        // Tests/EndToEndTests/BinaryRunner.swift -> package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/llmroute").path
    }

    /// A private HOME and XDG tree, no API keys, no inherited config.
    let home: URL
    var environment: [String: String]

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("llmroute-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        environment = [
            "HOME": home.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
        ]
        // Under `make check-asan` / `check-tsan` the binary is instrumented too: its options pass through.
        for name in Self.sanitizerVariables { environment[name] = ProcessInfo.processInfo.environment[name] }
    }

    static let sanitizerVariables = ["ASAN_OPTIONS", "TSAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"]

    func cleanup() { try? FileManager.default.removeItem(at: home) }

    var configPath: String { home.appendingPathComponent("config/llmroute/config.toml").path }

    func writeConfig(_ text: String) throws {
        let url = URL(fileURLWithPath: configPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// `stdin: nil` connects /dev/null (a character device, which llmroute does not read).
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, extraEnvironment: [String: String] = [:],
             executable: String = BinaryRunner.binaryPath) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment.merging(extraEnvironment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input: Pipe?
        if stdin != nil {
            input = Pipe()
            process.standardInput = input
        } else {
            input = nil
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        }
        try process.run()
        // Feed stdin and drain both outputs concurrently so large data cannot deadlock.
        let group = DispatchGroup()
        let outData = DataBox(), errData = DataBox()
        DispatchQueue.global().async(group: group) { outData.data = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        if let input, let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData.data, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self))
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}

/// Filled by one reader thread, read after `group.wait()`.
final class DataBox: @unchecked Sendable {
    var data = Data()
}
