import Foundation
import Testing

/// Hostile environments: no HOME, unwritable XDG directories, a file-size limit standing in for
/// a full disk. Always a clear message, never a crash, and the answer still reaches stdout when
/// the state written after it (conversation, breaker, and later the ledger) cannot be saved.
@Suite("Hardening: environment", .serialized)
struct EnvironmentTests {
    static let answer = "Hello from the fault server."

    /// A sandbox whose config (given with --config, so it is found without HOME) routes to the
    /// fault server's healthy scenario.
    func faultSandbox() throws -> (HardeningSandbox, [String]) {
        let sandbox = try HardeningSandbox()
        let url = "http://127.0.0.1:\(FaultServer.shared.port)/ok/\(UUID().uuidString)/v1"
        let path = sandbox.workDirectory + "/fault.toml"
        try """
        [providers.fa]
        kind = "openai"
        base_url = "\(url)"
        [models."primary"]
        provider = "fa"
        input_price = 1
        output_price = 2
        context_window = 16000
        quality = 0.9
        """.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        return (sandbox, ["ask", "--config", path, "-m", "primary", "--retries", "0"])
    }

    func without(_ names: [String], _ environment: [String: String]) -> [String: String] {
        environment.filter { !names.contains($0.key) }
    }

    @Test func homeUnsetStillWorks() throws {
        let (sandbox, ask) = try faultSandbox()
        defer { sandbox.cleanup() }
        let xdg = ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"]
        // HOME unset, XDG set: everything lives under XDG.
        let withXDG = RawProcess.run(BinaryRunner.binaryPath, (ask + ["hi"]).map { Array($0.utf8) },
                                     environment: without(["HOME"], sandbox.environment), directory: sandbox.workDirectory)
        #expect(withXDG.status == 0 && withXDG.stdoutText == Self.answer + "\n", "\(withXDG)")
        #expect(FileManager.default.fileExists(atPath: sandbox.root + "/state/llmroute/conversation.json"))
        // HOME and XDG unset: no config is guessed (not from /tmp, where anyone could plant one),
        // the answer comes, and the state that cannot be kept is named in a warning.
        let bare = without(["HOME"] + xdg, sandbox.environment)
        let noHome = RawProcess.run(BinaryRunner.binaryPath, (ask + ["hi"]).map { Array($0.utf8) },
                                    environment: bare, directory: sandbox.workDirectory)
        #expect(noHome.status == 0 && noHome.stdoutText == Self.answer + "\n", "\(noHome)")
        #expect(noHome.stderrText.contains("HOME-is-not-set"), "the warning says why: \(noHome.stderrText)")
        let path = RawProcess.run(BinaryRunner.binaryPath, [Array("config".utf8), Array("path".utf8)], environment: bare, directory: "/")
        #expect(path.status == 0 && !path.stdoutText.hasPrefix("/tmp"), "\(path)")
        let route = RawProcess.run(BinaryRunner.binaryPath, [Array("route".utf8), Array("hi".utf8)], environment: bare, directory: "/")
        #expect(route.status == 0, "built-in defaults apply: \(route)")
    }

    @Test func unwritableStateDirectoryKeepsTheAnswer() throws {
        let (sandbox, ask) = try faultSandbox()
        defer { sandbox.cleanup() }
        // Under a regular file (ENOTDIR, even for root) ...
        let blocker = sandbox.workDirectory + "/a-file"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let blocked = sandbox.run(ask + ["-v", "hi"], environment: ["XDG_STATE_HOME": blocker + "/state", "XDG_DATA_HOME": blocker + "/data"])
        #expect(blocked.status == 0 && blocked.stdoutText == Self.answer + "\n", "\(blocked)")
        #expect(blocked.stderrText.contains("warning") && blocked.stderrText.contains("Not a directory"), "\(blocked.stderrText)")
        // ... and a directory without write permission (run as nobody when we are root).
        let locked = sandbox.root + "/state"
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.root)
        let denied = PrivilegeDrop.run(sandbox, ask + ["-v", "hi"])
        #expect(denied.status == 0 && denied.stdoutText == Self.answer + "\n", "\(denied)")
        #expect(denied.stderrText.contains("Permission denied"), "\(denied.stderrText)")
    }

    @Test func fileSizeLimitIsAWarningNotACrash() throws {
        let (sandbox, ask) = try faultSandbox()
        defer { sandbox.cleanup() }
        // `ulimit -f 0`: every write to a regular file fails (EFBIG) and, unless ignored, SIGXFSZ
        // kills the writer. stdout is a pipe, which the limit does not cover.
        let script = "ulimit -f 0 && exec \"$0\" \"$@\""
        // TMPDIR names no directory: ThreadSanitizer's runtime (make check-tsan) writes 512 KB to
        // $TMPDIR/tsan.rodata.<pid> before main, which the limit kills; without the directory it
        // skips that. llmroute itself never reads TMPDIR, so the test is the same for other builds.
        var environment = sandbox.environment
        environment["TMPDIR"] = sandbox.root + "/no-such-directory"
        let arguments = ["-c", script, BinaryRunner.binaryPath] + ask + ["-v", "hi"]
        let full = RawProcess.run("/bin/sh", arguments.map { Array($0.utf8) }, environment: environment,
                                  directory: sandbox.workDirectory)
        #expect(full.signal == nil, "not killed by SIGXFSZ: \(full)")
        #expect(full.status == 0 && full.stdoutText == Self.answer + "\n", "\(full)")
        #expect(full.stderrText.contains("warning") && full.stderrText.contains("File too large"), "\(full.stderrText)")
        // `config init` under the same limit: a clear error, exit 1, no partial file left behind.
        let target = sandbox.workDirectory + "/new-config.toml"
        let initArguments = ["-c", script, BinaryRunner.binaryPath, "config", "init", "--config", target]
        let initResult = RawProcess.run("/bin/sh", initArguments.map { Array($0.utf8) }, environment: environment,
                                        directory: sandbox.workDirectory)
        #expect(initResult.signal == nil && initResult.status == 1, "\(initResult)")
        #expect(initResult.stderrText.contains("File too large"), "\(initResult.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: target))
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.workDirectory)) ?? []
        #expect(!leftovers.contains { $0.hasPrefix("new-config.toml.tmp") }, "\(leftovers)")
    }
}
