import Foundation

/// A private HOME/XDG tree and working directory for hostile runs, with a config that points
/// every built-in provider at a closed 127.0.0.1 port, so no run can reach the network whatever
/// its arguments (and proxies point there too).
struct HardeningSandbox {
    let root: String
    let deadURL: String

    static let builtinProviders = ["openai", "anthropic", "gemini", "deepseek", "mistral", "groq", "together"]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("llmroute-hard-\(UUID().uuidString)").path
        for sub in ["work", "config/llmroute", "data", "state"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        deadURL = "http://127.0.0.1:\(FaultServer.closedPort())"
        try writeConfig(Self.deadConfig(deadURL))
    }

    static func deadConfig(_ url: String, extra: String = "") -> String {
        builtinProviders.map { "[providers.\($0)]\nbase_url = \"\(url)/v1\"\n" }.joined(separator: "\n") + extra
    }

    var configPath: String { root + "/config/llmroute/config.toml" }
    var workDirectory: String { root + "/work" }
    var xdgDirectories: [String] { [root + "/config", root + "/data", root + "/state"] }

    func writeConfig(_ text: String) throws { try text.write(toFile: configPath, atomically: false, encoding: .utf8) }

    var environment: [String: String] {
        let sanitizers = BinaryRunner.sanitizerVariables.compactMap { name in ProcessInfo.processInfo.environment[name].map { (name, $0) } }
        return Dictionary(uniqueKeysWithValues: sanitizers).merging([
            "HOME": root, "PATH": "/usr/bin:/bin",
            "XDG_CONFIG_HOME": root + "/config", "XDG_DATA_HOME": root + "/data", "XDG_STATE_HOME": root + "/state",
            // Anything not on loopback would go through a proxy that is not there.
            "HTTP_PROXY": deadURL, "HTTPS_PROXY": deadURL, "http_proxy": deadURL, "https_proxy": deadURL,
            "NO_PROXY": "127.0.0.1,localhost",
            "LLMROUTE_RETRY_BASE_MS": "1",
        ]) { $1 }
    }

    func run(_ arguments: [String], stdinPath: String? = nil, environment extra: [String: String] = [:],
             timeout: Double = 20) -> RawProcess.Outcome {
        RawProcess.run(BinaryRunner.binaryPath, arguments.map { Array($0.utf8) },
                       environment: environment.merging(extra) { $1 }, directory: workDirectory, stdinPath: stdinPath, timeout: timeout)
    }

    /// Every regular file under the XDG directories (the ledger, REPL history, state, config).
    func xdgFiles() -> [String] {
        xdgDirectories.flatMap { base -> [String] in
            guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
            return walker.compactMap { ($0 as? String).map { base + "/" + $0 } }.filter { !FileIO_isDirectory($0) }
        }
    }

    func cleanup() {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root + "/state")
        try? FileManager.default.removeItem(atPath: root)
    }
}

func FileIO_isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
}

/// Permission tests mean nothing to root, which reads and writes anything: when the tests run as
/// root (containers, CI), those runs drop to `nobody` with setpriv (util-linux) first.
enum PrivilegeDrop {
    static let nobody: uid_t = 65534

    /// The program and leading arguments that run the binary unprivileged: setpriv as root,
    /// the binary itself otherwise.
    static var command: (executable: String, prefix: [String]) {
        getuid() == 0 ? ("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", BinaryRunner.binaryPath])
            : (BinaryRunner.binaryPath, [])
    }

    /// Hands the sandbox to `nobody` (when we are root), so runs as nobody can use it.
    static func giveAway(_ sandbox: HardeningSandbox) {
        guard getuid() == 0 else { return }
        let paths = [sandbox.root] + (FileManager.default.subpaths(atPath: sandbox.root) ?? []).map { sandbox.root + "/" + $0 }
        for path in paths { _ = chown(path, nobody, gid_t(nobody)) }
    }

    static func run(_ sandbox: HardeningSandbox, _ arguments: [String], environment extra: [String: String] = [:]) -> RawProcess.Outcome {
        guard getuid() == 0 else { return sandbox.run(arguments, environment: extra) }
        return RawProcess.run(command.executable, (command.prefix + arguments).map { Array($0.utf8) },
                              environment: sandbox.environment.merging(extra) { $1 }, directory: "/", timeout: 20)
    }
}
