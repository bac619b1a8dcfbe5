import Foundation
import Testing

/// A recognisable test key, from the environment or inlined in a config, through every output
/// path: -v against servers that echo the request (key included) back in errors and in stream
/// error events, --dry-run, --json, batches, `config` and `models`, and the state files a run
/// leaves. The key must appear in none of stdout, stderr or any file under the XDG directories,
/// and never in a URL.
@Suite("Hardening: secret hygiene", .serialized)
struct SecretHygieneTests {
    static let key = "sk-llmroute-TEST-KEY-0123456789abcdef"

    /// One model per echo mode and protocol; `keyLine` says where the key comes from.
    static func config(keyLine: String) -> String {
        let server = EchoServer.shared
        let providers: [(String, String, String)] = [
            ("e500", "openai", server.url("500/v1")), ("e401", "anthropic", server.url("401")),
            ("estream", "openai", server.url("stream/v1")), ("eastream", "anthropic", server.url("anthropic-stream")),
        ]
        return providers.map { name, kind, url in
            """
            [providers.\(name)]
            kind = "\(kind)"
            base_url = "\(url)"
            \(keyLine)

            [models."m-\(name)"]
            provider = "\(name)"
            input_price = 1
            output_price = 1
            context_window = 100000
            quality = 0.9

            """
        }.joined() + "[routing]\ncandidates = [\"m-e500\", \"m-e401\", \"m-estream\", \"m-eastream\"]\n"
    }

    static let runs: [([String], String?)] = [
        (["ask", "-v", "-m", "m-e500", "--retries", "1", "hello"], nil),
        (["ask", "-vv", "--json", "-m", "m-e401", "hello"], nil),
        (["ask", "-v", "-m", "m-estream", "hello"], nil),
        (["ask", "-v", "--json", "-m", "m-eastream", "--no-stream", "hello"], nil),
        (["ask", "-v", "--json", "-m", "m-eastream", "hello"], nil),
        (["ask", "-v", "hello"], nil),  // routed: falls through all four
        (["ask", "-v", "-c", "again"], nil),
        (["ask", "--dry-run", "-m", "m-e500", "hello"], nil),
        (["ask", "--dry-run", "--json", "-v", "-m", "m-eastream", "hello"], nil),
        (["ask", "--jsonl", "-v"], "{\"prompt\": \"a\", \"model\": \"m-e500\"}\n{\"prompt\": \"b\", \"model\": \"m-estream\"}\n"),
        (["config"], nil), (["config", "show", "--json"], nil), (["config", "check", "-v"], nil),
        (["models", "--json", "-v"], nil), (["models", "-v"], nil), (["route", "-vv", "--json", "hello"], nil),
    ]

    func check(_ sandbox: HardeningSandbox, extraArguments: [String], environment: [String: String]) throws {
        // First, while no circuit breaker is open: the echo reaches us (so this test tests
        // something), the server saw the key in a header, never in the URL, and we print it redacted.
        let echoed = sandbox.run(["ask", "-v", "-m", "m-e500", "--retries", "0", "hello"] + extraArguments, environment: environment)
        #expect(echoed.stderrText.contains("[redacted]"), "the echoed key is scrubbed: \(echoed.stderrText.prefix(600))")
        #expect(echoed.stderrText.contains("POST /500/v1/chat/completions\n") && echoed.stderrText.contains("Bearer [redacted]"),
                "the request line came back without the key: \(echoed.stderrText.prefix(600))")
        for (arguments, stdin) in Self.runs {
            var stdinPath: String? = nil
            if let stdin {
                stdinPath = sandbox.workDirectory + "/batch.jsonl"
                try stdin.write(toFile: stdinPath!, atomically: false, encoding: .utf8)
            }
            let result = sandbox.run(arguments + extraArguments, stdinPath: stdinPath, environment: environment, timeout: 60)
            let shown = arguments.joined(separator: " ")
            #expect(result.signal == nil && !result.timedOut, "\(shown): \(result)")
            #expect(!result.stdoutText.contains(Self.key), "\(shown): key on stdout: \(result.stdoutText.prefix(400))")
            #expect(!result.stderrText.contains(Self.key), "\(shown): key on stderr: \(result.stderrText.prefix(400))")
            if arguments.first == "ask" && !arguments.contains("--dry-run") {
                #expect(result.status == 4, "\(shown): every echo server fails: \(result)")
            }
        }
        for file in sandbox.xdgFiles() {
            let bytes = FileManager.default.contents(atPath: file) ?? Data()
            #expect(bytes.range(of: Data(Self.key.utf8)) == nil, "key stored in \(file)")
        }
        #expect(!sandbox.xdgFiles().isEmpty, "the runs left state to scan (conversation, breaker)")
    }

    @Test func keyFromTheEnvironmentNeverLeaks() throws {
        let sandbox = try HardeningSandbox()
        defer { sandbox.cleanup() }
        try sandbox.writeConfig(Self.config(keyLine: "api_key_env = \"LLMROUTE_TEST_ECHO_KEY\""))
        try check(sandbox, extraArguments: [], environment: ["LLMROUTE_TEST_ECHO_KEY": Self.key, "OPENAI_API_KEY": Self.key])
    }

    @Test func keyInlinedInTheConfigNeverLeaks() throws {
        let sandbox = try HardeningSandbox()
        defer { sandbox.cleanup() }
        // Outside the XDG tree, since the config file itself holds the key; 0600 so no warning.
        let path = sandbox.workDirectory + "/inline.toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(Self.config(keyLine: "api_key = \"\(Self.key)\"").utf8),
                                       attributes: [.posixPermissions: 0o600])
        try check(sandbox, extraArguments: ["--config", path], environment: [:])
    }

    @Test func configWithKeysReadableByOthersIsWarnedAbout() throws {
        let sandbox = try HardeningSandbox()
        defer { sandbox.cleanup() }
        let path = sandbox.workDirectory + "/shared.toml"
        for (mode, expected) in [(0o644, "readable by its group and other users (mode 0644)"), (0o660, "readable or writable by its group (mode 0660)"),
                                 (0o604, "readable by other users (mode 0604)")] {
            _ = FileManager.default.createFile(atPath: path, contents: Data(Self.config(keyLine: "api_key = \"\(Self.key)\"").utf8))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
            let result = sandbox.run(["config", "check", "--config", path])
            #expect(result.status == 0, "\(result)")
            #expect(result.stderrText.contains("warning") && result.stderrText.contains(expected) && result.stderrText.contains("chmod 600"),
                    "mode \(String(mode, radix: 8)): \(result.stderrText)")
        }
        // Private file, or keys only in environment variables: no warning.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(sandbox.run(["config", "check", "--config", path]).stderr.isEmpty)
        let noKeys = sandbox.workDirectory + "/no-keys.toml"
        _ = FileManager.default.createFile(atPath: noKeys, contents: Data(Self.config(keyLine: "").utf8), attributes: [.posixPermissions: 0o644])
        #expect(sandbox.run(["config", "check", "--config", noKeys]).stderr.isEmpty)
    }
}
