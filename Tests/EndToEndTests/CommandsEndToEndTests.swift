import Foundation
import Testing

@Suite("End to end: cost, models, config, usage errors", .serialized)
struct CommandsEndToEndTests {
    @Test func costTableJSONAndCSV() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let table = try runner.run(["cost", "Hello there, how are you?"])
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("MODEL"))
        let json = try runner.run(["cost", "--json", "Hello there"])
        let rows = try #require(try BinaryRunner.json(json.stdout) as? [[String: Any]])
        let costs = rows.compactMap { $0["cost_usd"] as? Double }
        #expect(costs.count == rows.count && costs == costs.sorted())
        let csv = try runner.run(["cost", "--csv", "Hello there"])
        let csvLines = csv.stdout.split(separator: "\n")
        #expect(csvLines.first == "model,provider,input_tokens,input_tokens_exact,output_tokens,cost_usd,reasoning_tokens")
        #expect(csvLines.count == rows.count + 1)
        // A reasoning model's hidden tokens are estimated (4x the answer by default) and priced as
        // output; a model that does not reason adds none.
        let luna = try #require(rows.first { $0["model"] as? String == "gpt-6-luna" })
        let answer = try #require(luna["output_tokens"] as? Int)
        #expect(luna["reasoning_tokens"] as? Int == 4 * answer)
        let input = Double(luna["input_tokens"] as? Int ?? 0)
        #expect(abs((luna["cost_usd"] as? Double ?? 0) - (input * 1e-07 + Double(5 * answer) * 5e-07)) < 1e-15)
        #expect(rows.first { $0["model"] as? String == "gpt-4o-mini" }?["reasoning_tokens"] as? Int == 0)
    }

    @Test func costOfFiles() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let file = runner.home.appendingPathComponent("doc.md")
        try String(repeating: "abcd ", count: 2000).write(to: file, atomically: true, encoding: .utf8)
        let one = try runner.run(["cost", "--json", "-m", "gpt-4o", "--output-tokens", "10", "-f", file.path])
        let two = try runner.run(["cost", "--json", "-m", "gpt-4o", "--output-tokens", "10", "-f", file.path, "-f", file.path])
        let a = try #require(try BinaryRunner.json(one.stdout) as? [String: Any])["input_tokens"] as? Int ?? 0
        let b = try #require(try BinaryRunner.json(two.stdout) as? [String: Any])["input_tokens"] as? Int ?? 0
        #expect(a > 2000 && b > 2 * a - 20)
        let missing = try runner.run(["cost", "-f", "/nonexistent/file.txt"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/file.txt"))
        let unknown = try runner.run(["cost", "-m", "gpt-4o-mimi", "x"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'gpt-4o-mini'"))
    }

    @Test func exactTokenCounts() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        // Known tiktoken counts: "hello world" is 2 tokens in both encodings; the cookbook's
        // "tiktoken is great!" is 6 in both (checked with tiktoken 0.14).
        #expect(try runner.run(["cost", "--tokens", "hello world"]).stdout == "2\n")
        #expect(try runner.run(["cost", "--tokens", "--encoding", "cl100k_base"], stdin: "tiktoken is great!").stdout == "6\n")
        #expect(try runner.run(["cost", "--tokens", "--encoding", "o200k_base", "-"], stdin: "tiktoken is great!").stdout == "6\n")
        #expect(try runner.run(["cost", "--tokens", "-m", "gpt-4", "tiktoken is great!"]).stdout == "6\n")
        let file = runner.home.appendingPathComponent("t.txt")
        try "tiktoken is great!".write(to: file, atomically: true, encoding: .utf8)
        #expect(try runner.run(["cost", "--tokens", "-f", file.path, "-f", file.path, "--encoding", "cl100k_base"]).stdout == "12\n")
        let hidden = try runner.run(["cost", "--tokens", "-m", "claude-sonnet-4-5", "x"])
        #expect(hidden.status == 2 && hidden.stderr.contains("not public"))
        // Route reports exact counts for OpenAI models it knows.
        let route = try runner.run(["route", "--json", "-m", "gpt-4o", "hello world"])
        let object = try #require(try BinaryRunner.json(route.stdout) as? [String: Any])
        #expect(object["input_tokens_exact"] as? Bool == true)
        #expect(object["estimated_input_tokens"] as? Int == 2 + 4 + 3)
    }

    @Test func modelsListing() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let names = try runner.run(["models", "--names"])
        let list = names.stdout.split(separator: "\n").map(String.init)
        for required in ["gpt-4o-mini", "gpt-4o", "claude-sonnet-4-5", "claude-haiku-4-5"] { #expect(list.contains(required)) }
        let usable = try runner.run(["models", "--usable", "--names"], extraEnvironment: ["OPENAI_API_KEY": "sk-test"])
        let usableNames = usable.stdout.split(separator: "\n")
        #expect(!usableNames.isEmpty && usableNames.count < list.count)
        let json = try runner.run(["models", "--json"], extraEnvironment: ["OPENAI_API_KEY": "sk-test"])
        let rows = try #require(try BinaryRunner.json(json.stdout) as? [[String: Any]])
        let mini = try #require(rows.first { $0["model"] as? String == "gpt-4o-mini" })
        #expect(mini["usable"] as? Bool == true)
        #expect(mini["input_cost_per_token"] as? Double == 1.5e-07)
        #expect(mini["cache_read_cost_per_token"] as? Double == 7.5e-08 && mini["cache_prices_source"] as? String == "listed")
        #expect(mini["reasoning"] as? Bool == false)
        let haiku = try #require(rows.first { $0["model"] as? String == "claude-haiku-4-5" })
        #expect(haiku["cache_write_cost_per_token"] as? Double == 1.25e-06 && haiku["cache_write_1h_cost_per_token"] as? Double == 2e-06)
        #expect(haiku["cache_min_tokens"] as? Int == 4096)
        #expect(rows.first { $0["model"] as? String == "gpt-6-luna" }?["reasoning"] as? Bool == true)
        #expect(!json.stdout.contains("sk-test"))
    }

    @Test func configInitCheckShow() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let path = try runner.run(["config", "path"])
        #expect(path.stdout == runner.configPath + "\n")
        let absent = try runner.run(["config", "check"])
        #expect(absent.status == 0 && absent.stdout.contains("built-in defaults"))
        let initialized = try runner.run(["config", "init"])
        #expect(initialized.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: runner.configPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try runner.run(["config", "init"]).status == 1)  // no silent overwrite
        #expect(try runner.run(["config", "init", "--force"]).status == 0)
        let check = try runner.run(["config", "check"])
        #expect(check.status == 0 && check.stdout.hasSuffix(": ok\n"))
        let show = try runner.run(["config"], extraEnvironment: ["OPENAI_API_KEY": "sk-secret-e2e"])
        #expect(show.stdout.contains("[routing]") && show.stdout.contains("set in OPENAI_API_KEY"))
        #expect(!show.stdout.contains("sk-secret-e2e"))
    }

    @Test func configShowsLedgerBudgetAndServeTables() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let defaults = try runner.run(["config"])
        #expect(defaults.stdout.contains("[ledger]\n# url: none: the SQLite file ") && defaults.stdout.contains("usage.sqlite"))
        #expect(defaults.stdout.contains("[budget]\n# daily: none\n# monthly: none\n"))
        #expect(defaults.stdout.contains("[serve]\nhost = \"127.0.0.1\"\nport = 8080\n"), "\(defaults.stdout)")
        try runner.writeConfig("""
            [ledger]
            url = "postgresql://alice:pw-in-url-e2e@db.example:5432/llm"
            user = "team-bot"
            log_text = true
            [budget]
            daily = 5
            [serve]
            port = 9000
            api_key_env = "GW_KEY"
            max_body_mb = 8
            """)
        let show = try runner.run(["config"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("url = \"postgresql://alice@db.example:5432/llm\"\nuser = \"team-bot\""), "\(show.stdout)")
        #expect(show.stdout.contains("# password: in the url (hidden)") && show.stdout.contains("log_text = true"))
        #expect(show.stdout.contains("daily = 5\n# monthly: none") && show.stdout.contains("port = 9000\napi_key_env = \"GW_KEY\"\nmax_body_mb = 8"))
        let json = try runner.run(["config", "show", "--json"], extraEnvironment: ["PGPASSWORD": "pg-secret-e2e"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ledger = try #require(object["ledger"] as? [String: Any])
        #expect(ledger["password"] as? String == "set in PGPASSWORD" && ledger["url_source"] as? String == "config")
        #expect((object["serve"] as? [String: Any])?["port"] as? Int == 9000 && (object["budget"] as? [String: Any])?["daily"] as? Double == 5)
        for output in [show.stdout, json.stdout] {
            #expect(!output.contains("pw-in-url-e2e") && !output.contains("pg-secret-e2e"), "no password is shown")
        }
    }

    @Test func badConfigExitsThreeWithFileAndLine() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeConfig("[routing]\nstrategy = \"cost\"\n\n[routing.tiers]\nsimple = \"gpt-4o-mimi\"\n")
        for arguments in [["config", "check"], ["route", "hi"], ["models"]] {
            let result = try runner.run(arguments)
            #expect(result.status == 3, "\(arguments)")
            #expect(result.stderr.contains("\(runner.configPath):5: unknown model 'gpt-4o-mimi'"), "\(result.stderr)")
        }
        try runner.writeConfig("[providers.openai]\napi_key = \"sk-inline-secret\"\nbase_url = 42\n")
        let typed = try runner.run(["config", "check"])
        #expect(typed.status == 3)
        #expect(typed.stderr.contains(":3: providers.openai.base_url must be a string, found an integer"))
        #expect(!typed.stderr.contains("sk-inline-secret"))
        let explicitMissing = try runner.run(["--config", "/nonexistent.toml", "route", "x"])
        #expect(explicitMissing.status == 3)
        #expect(explicitMissing.stderr.contains("/nonexistent.toml: cannot read config"))
        let viaEnv = try runner.run(["route", "x"], extraEnvironment: ["LLMROUTE_CONFIG": "/nonexistent2.toml"])
        #expect(viaEnv.status == 3)
    }

    @Test func usageErrorsExitTwoWithOneLineAndUsage() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let result = try runner.run(["route", "--max-cots", "0.1", "x"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first == "llmroute: error: unknown flag '--max-cots' for 'route'; did you mean '--max-cost'?")
        #expect(lines.dropFirst().first == "usage: llmroute route [OPTIONS] [PROMPT...]")
        #expect(result.stdout.isEmpty)
        #expect(try runner.run([]).status == 2)
        let version = try runner.run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("llmroute "))
        for command in ["classify", "route", "cost", "models", "config", "help"] {
            let help = try runner.run([command, "--help"])
            #expect(help.status == 0 && help.stdout.contains("usage: llmroute \(command)"), "\(command)")
        }
        let helpCommand = try runner.run(["help", "route"])
        #expect(helpCommand.stdout == (try runner.run(["route", "-h"])).stdout)
    }

    @Test func colourOnlyOnTerminalsAndNeverWithNoColor() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        // stdout is a pipe here: no escape codes, whatever the flags say.
        let piped = try runner.run(["models"])
        #expect(!piped.stdout.contains("\u{1B}["))
        // Under a pseudo-terminal (util-linux `script`), colour appears unless NO_COLOR or --no-color.
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script), "util-linux script(1) is needed for the terminal test")
        func underTerminal(_ command: String, _ extra: [String: String] = [:]) throws -> String {
            try runner.run(["-qec", command, "/dev/null"], extraEnvironment: extra, executable: script).stdout
        }
        let binary = BinaryRunner.binaryPath
        #expect(try underTerminal("\(binary) models").contains("\u{1B}["))
        #expect(!(try underTerminal("\(binary) models", ["NO_COLOR": "1"])).contains("\u{1B}["))
        #expect(!(try underTerminal("\(binary) --no-color models")).contains("\u{1B}["))
    }
}
