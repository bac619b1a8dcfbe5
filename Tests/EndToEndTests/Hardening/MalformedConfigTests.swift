import Foundation
import Testing

/// 50+ malformed configs through `config check` and `route`: each fails with exit 3 and a
/// message naming file:line (when the problem has a line) and what is wrong.
@Suite("Hardening: malformed configs")
struct MalformedConfigTests {
    /// (config text, the line the error must name or nil, a fragment the message must contain)
    static let cases: [(String, Int?, String)] = [
        // TOML syntax
        ("[routing\n", 1, ""),
        ("[routing]\nstrategy = \n", 2, ""),
        ("x = \"unterminated\n", 1, ""),
        ("[routing]\nstrategy = \"cost\"\n[routing]\n", 3, ""),
        ("[routing]\nstrategy = \"cost\"\nstrategy = \"tier\"\n", 3, ""),
        ("= 1\n", 1, ""),
        ("[models.gpt-4o]\nquality = 0.5 0.6\n", 2, ""),
        ("[routing]\nweak = [\"gpt-4o\",\n", 2, ""),
        ("[routing]\nstrategy = \"co\u{01}st\"\n", 2, ""),
        ("[[routing]]\nstrategy = \"cost\"\n", 1, "routing"),
        ("\n\n\n[routing]\nmin_quality = 0.5\nmax_cost = 1\nthreshold = \n", 7, ""),
        ("[routing]\nstrategy = 'cost\n", 2, ""),
        // wrong types
        ("[routing]\nstrategy = 5\n", 2, "routing.strategy"),
        ("[routing]\nmin_quality = \"high\"\n", 2, "routing.min_quality"),
        ("[routing]\nthreshold = true\n", 2, "routing.threshold"),
        ("[routing]\nstrong = 5\n", 2, "routing.strong"),
        ("[routing]\nweak = [1, 2]\n", 2, "routing.weak"),
        ("[models.gpt-4o]\ncontext_window = 1.5\n", 2, "context_window"),
        ("[models.gpt-4o]\nstrengths = [\"code\", 3]\n", 2, "strengths"),
        ("[providers.openai]\nbase_url = 42\n", 2, "base_url"),
        ("[providers.openai]\nkind = \"grpc\"\n", 2, "kind"),
        ("[routing]\nclassifier = \"neural\"\n", 2, "classifier"),
        ("[routing.output_tokens]\nsimple = \"fifty\"\n", 2, "output_tokens.simple"),
        ("[routing.tiers]\nsimple = 3\n", 2, "tiers.simple"),
        ("providers = \"openai\"\n", 1, "providers"),
        ("[routing]\ncandidates = { a = 1 }\n", 2, "candidates"),
        ("routing = [1, 2]\n", 1, "routing"),
        ("[models.gpt-4o]\ncapabilities = [\"telepathy\"]\n", 2, "capabilities"),
        // unknown keys
        ("colour = \"red\"\n", 1, "colour"),
        ("[routing]\nstrategyy = \"cost\"\n", 2, "strategyy"),
        ("[providers.openai]\napi_key_envv = \"X\"\n", 2, "api_key_envv"),
        ("[models.gpt-4o]\nprice = 1\n", 2, "price"),
        ("[routing.tiers]\nlegendary = \"gpt-4o\"\n", 2, "legendary"),
        ("[routing.tasks]\npoetry = \"gpt-4o\"\n", 2, "poetry"),
        ("[routing.output_tokens]\nhuge = 5\n", 2, "huge"),
        // missing providers and models
        ("[models.mine]\nprovider = \"nowhere\"\n", 1, "nowhere"),
        ("[providers.mine]\nbase_url = \"http://127.0.0.1:1\"\n", 1, "mine"),
        ("[providers.mine]\nkind = \"openai\"\n", 1, "mine"),
        ("[routing]\nstrong = \"no-such-model\"\n", 2, "no-such-model"),
        ("[routing.tiers]\nexpert = [\"gpt-4o\", \"ghost-model\"]\n", 2, "ghost-model"),
        // negative prices, absurd numbers and budgets
        ("[models.gpt-4o]\ninput_price = -1\n", 2, "input_price"),
        ("[models.gpt-4o]\noutput_price = -0.01\n", 2, "output_price"),
        ("[models.gpt-4o]\ninput_price = 1e9\n", 2, "input_price"),
        ("[models.gpt-4o]\nquality = 1.5\n", 2, "quality"),
        ("[models.gpt-4o]\ncontext_window = 0\n", 2, "context_window"),
        ("[models.gpt-4o]\nmax_output_tokens = -5\n", 2, "max_output_tokens"),
        ("[routing]\nmax_cost = 1e12\n", 2, "max_cost"),
        ("[routing]\nmax_cost = -1\n", 2, "max_cost"),
        ("[routing]\nmin_quality = nan\n", 2, "min_quality"),
        ("[routing]\nmax_cost = inf\n", 2, "max_cost"),
        ("[providers.openai]\nbase_url = \"ftp://x\"\n", 2, "base_url"),
        ("[routing.output_tokens]\nsimple = 0\n", 2, "output_tokens.simple"),
        ("[routing]\nthreshold = -0.5\n", 2, "threshold"),
        ("[models.gpt-4o]\ncontext_window = 99999999999999999999\n", 2, ""),
    ]

    @Test func everyMalformedConfigFailsWithItsLine() throws {
        let sandbox = try HardeningSandbox()
        defer { sandbox.cleanup() }
        #expect(Self.cases.count >= 50)
        var problems: [String] = []
        for (index, (text, line, fragment)) in Self.cases.enumerated() {
            let path = sandbox.workDirectory + "/bad-\(index).toml"
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            for command in [["config", "check"], ["route", "hello"]] {
                let result = sandbox.run(command + ["--config", path])
                let stderr = result.stderrText
                let located = line.map { stderr.contains("\(path):\($0):") } ?? stderr.contains(path)
                if result.status != 3 || !located || !(fragment.isEmpty || stderr.contains(fragment)) || !stderr.contains("config check") {
                    problems.append("case \(index) \(command[0]) \(text.debugDescription): \(result)")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) configs badly reported:\n\(problems.joined(separator: "\n"))")
    }

    @Test func invalidUTF8AndUnreadablePaths() throws {
        let sandbox = try HardeningSandbox()
        defer { sandbox.cleanup() }
        let work = sandbox.workDirectory
        let invalid = work + "/latin1.toml"
        _ = FileManager.default.createFile(atPath: invalid, contents: Data([0x5B, 0x72, 0x6F, 0x75, 0x74, 0x69, 0x6E, 0x67, 0x5D, 0x0A, 0x23, 0xE9, 0x0A]))
        try FileManager.default.createDirectory(atPath: work + "/a-directory", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work + "/loop-a", withDestinationPath: work + "/loop-b")
        try FileManager.default.createSymbolicLink(atPath: work + "/loop-b", withDestinationPath: work + "/loop-a")
        try FileManager.default.createSymbolicLink(atPath: work + "/dangling", withDestinationPath: work + "/nothing-here")
        _ = FileManager.default.createFile(atPath: work + "/plain-file", contents: Data("x".utf8))
        let cases: [(String, String)] = [
            (invalid, "not valid UTF-8"),
            (work + "/a-directory", "is a directory"),
            (work + "/loop-a", "symbolic links"),
            (work + "/dangling", "No such file"),
            (work + "/plain-file/config.toml", "Not a directory"),
            // Unreadable even for root: the kernel refuses to read this file at offset 0.
            ("/proc/self/mem", "Input/output error"),
        ]
        for (path, reason) in cases {
            let result = sandbox.run(["config", "check", "--config", path])
            #expect(result.status == 3, "\(path): \(result)")
            #expect(result.stderrText.contains(path) && result.stderrText.contains(reason), "\(path): \(result.stderrText)")
        }
        // A file without read permission: the same error when not root (root reads anything).
        let locked = work + "/locked.toml"
        _ = FileManager.default.createFile(atPath: locked, contents: Data("[routing]\n".utf8), attributes: [.posixPermissions: 0o000])
        let result = PrivilegeDrop.run(sandbox, ["config", "check", "--config", locked])
        #expect(result.status == 3, "\(result)")
        #expect(result.stderrText.contains("\(locked): cannot read config: Permission denied"), "\(result.stderrText)")
    }
}
