import Testing
@testable import LLMRouteCore

@Suite("Config parsing and validation")
struct ConfigParserTests {
    func load(_ text: String) throws(ConfigError) -> (config: UserConfig, catalog: Catalog) {
        try ConfigLoader.load(text: text, file: "test.toml")
    }

    func error(_ text: String) -> ConfigError? {
        do { _ = try load(text); return nil } catch { return error }
    }

    @Test func emptyConfigIsValid() throws {
        let (config, catalog) = try load("")
        #expect(config.providers.isEmpty)
        #expect(catalog.models.count == Catalog.builtin.models.count)
    }

    @Test func templateParsesAndValidates() throws {
        let (config, _) = try load(ConfigTemplate.text)
        #expect(config.routing.strategy == .cost)
        #expect(config.routing.tiers[.expert]?.isEmpty == false)
        #expect(config.routing.tasks.count == TaskKind.allCases.count)
    }

    @Test func fullConfigIsRead() throws {
        let text = """
        [routing]
        strategy = "tier"
        min_quality = 0.8
        max_cost = 0.02
        threshold = 0.4
        strong = "claude-sonnet-4-5"
        weak = ["gpt-4o-mini"]

        [routing.tiers]
        simple = "gpt-4o-mini"
        expert = ["claude-sonnet-4-5", "gpt-4o"]

        [routing.output_tokens]
        simple = 50

        [providers.ollama]
        kind = "openai"
        base_url = "http://localhost:11434/v1"

        [models."llama3.2"]
        provider = "ollama"
        input_price = 0
        output_price = 0
        context_window = 131072
        quality = 0.55
        strengths = ["simple_qa"]

        [models.gpt-4o-mini]
        quality = 0.75
        input_price = 0.2
        """
        let (config, catalog) = try load(text)
        #expect(config.routing.strategy == .tier)
        #expect(config.routing.minQuality == 0.8)
        #expect(config.routing.strong == ["claude-sonnet-4-5"])
        #expect(config.routing.tiers[.expert] == ["claude-sonnet-4-5", "gpt-4o"])
        #expect(config.routing.outputTokens[.simple] == 50)
        let llama = try #require(catalog.model(named: "llama3.2"))
        #expect(llama.provider == "ollama" && llama.api == .openai && llama.quality == 0.55)
        #expect(catalog.isUsable(llama, environment: Environment()))  // keyless local provider
        let mini = try #require(catalog.model(named: "gpt-4o-mini"))
        #expect(mini.quality == 0.75)
        #expect(abs(mini.inputCostPerToken - 0.2e-6) < 1e-15)
        #expect(mini.qualitySource.contains("config"))
    }

    @Test func syntaxErrorNamesLine() throws {
        let e = try #require(error("[routing]\nstrategy = \"cost\"\nmin_quality = = 3\n"))
        #expect(e.line == 3)
        #expect(e.description.hasPrefix("test.toml:3:"))
        #expect(e.message.contains("syntax"))
    }

    @Test func unknownKeyNamesLineAndSuggests() throws {
        let e = try #require(error("# comment\n[routing]\nstrategy = \"cost\"\nmax_cots = 0.1\n"))
        #expect(e.line == 4)
        #expect(e.message.contains("unknown key 'max_cots'"))
        #expect(e.message.contains("did you mean 'max_cost'"))
    }

    @Test func unknownTopLevelTable() throws {
        let e = try #require(error("\n\n[routting]\nstrategy = \"cost\"\n"))
        #expect(e.line == 3)
        #expect(e.message.contains("'routting'"))
    }

    @Test func wrongTypeNamesExpectation() throws {
        let e = try #require(error("[routing]\n\nmin_quality = \"high\"\n"))
        #expect(e.line == 3)
        #expect(e.message == "routing.min_quality must be a number, found a string")
    }

    @Test func outOfRangeValues() throws {
        #expect(error("[routing]\nmin_quality = 1.5")?.message.contains("at most 1") == true)
        #expect(error("[models.gpt-4o]\ninput_price = -1")?.message.contains("at least 0") == true)
        #expect(error("[routing.output_tokens]\nsimple = 0")?.message.contains("at least 1") == true)
    }

    @Test func badEnumValueSuggests() throws {
        let e = try #require(error("[routing]\nstrategy = \"cots\""))
        #expect(e.line == 2)
        #expect(e.message.contains("tier, task, cost, threshold"))
        #expect(e.message.contains("did you mean \"cost\""))
    }

    @Test func unknownModelReferenceNamesLine() throws {
        let e = try #require(error("[routing]\n\n[routing.tiers]\nsimple = [\"gpt-4o-mini\", \"gpt-4o-mino\"]\n"))
        #expect(e.line == 4)
        #expect(e.message.contains("unknown model 'gpt-4o-mino'"))
        #expect(e.message.contains("did you mean 'gpt-4o-mini'"))
    }

    @Test func unknownProviderReference() throws {
        let e = try #require(error("\n[models.mine]\nprovider = \"olama\"\ninput_price = 1\noutput_price = 1\ncontext_window = 1000\n"))
        #expect(e.line == 2)
        #expect(e.message.contains("unknown provider 'olama'"))
    }

    @Test func newModelNeedsItsFields() throws {
        let e = try #require(error("[models.brand-new]\nprovider = \"openai\"\n"))
        #expect(e.message.contains("needs input_price, output_price, context_window"))
    }

    @Test func newProviderNeedsKindAndURL() throws {
        let e = try #require(error("[providers.local]\nbase_url = \"http://127.0.0.1:8080/v1\""))
        #expect(e.line == 1)
        #expect(e.message.contains("needs kind"))
        #expect(error("[providers.local]\nkind = \"openai\"\nbase_url = \"ftp://x\"")?.line == 3)
    }

    @Test func inlineKeyIsUsedButNotExposed() throws {
        let (config, catalog) = try load("[providers.openai]\napi_key = \"sk-test-inline\"\n")
        let openai = try #require(catalog.provider(named: "openai"))
        #expect(catalog.apiKey(for: openai, environment: Environment()) == "sk-test-inline")
        #expect(catalog.isUsable(openai, environment: Environment()))
        #expect(!String(describing: catalog.providers).contains("sk-test-inline"))
        #expect(config.providers.first?.apiKey == "sk-test-inline")
    }

    @Test func baseURLPrecedence() throws {
        let env = Environment(["OPENAI_BASE_URL": "http://127.0.0.1:9999/v1"])
        let openai = try #require(Catalog.builtin.provider(named: "openai"))
        #expect(Catalog.builtin.baseURL(for: openai, environment: env) == "http://127.0.0.1:9999/v1")
        let (_, configured) = try load("[providers.openai]\nbase_url = \"http://127.0.0.1:1/v1\"")
        let overridden = try #require(configured.provider(named: "openai"))
        #expect(configured.baseURL(for: overridden, environment: env) == "http://127.0.0.1:1/v1")
    }

    @Test func missingExplicitFileIsAnError() throws {
        #expect(throws: ConfigError.self) {
            try ConfigLoader.load(explicit: "/nonexistent/llmroute.toml", environment: Environment())
        }
        // The default location may be absent: built-in defaults apply.
        let (config, _) = try ConfigLoader.load(explicit: nil, environment: Environment(["HOME": "/nonexistent"]))
        #expect(config.file == nil)
    }

    @Test func directoryInsteadOfFile() throws {
        do {
            _ = try ConfigLoader.load(explicit: "/tmp", environment: Environment())
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("is a directory"))
        }
    }
}

/// `classifier = "llm"` and the model it asks.
@Suite("Config: llm classifier")
struct LLMClassifierConfigTests {
    @Test func classifierModelIsRead() throws {
        let (config, _) = try ConfigLoader.load(text: "[routing]\nclassifier = \"llm\"\nclassifier_model = \"gpt-4o-mini\"\n", file: "c.toml")
        #expect(config.routing.classifier == "llm")
        #expect(config.routing.classifierModel == "gpt-4o-mini")
    }

    @Test func unknownClassifierModelNamesItsLine() {
        #expect {
            _ = try ConfigLoader.load(text: "[routing]\nclassifier = \"llm\"\n\nclassifier_model = \"gpt-nope\"\n", file: "c.toml")
        } throws: { error in
            let error = error as? ConfigError
            return error?.line == 4 && "\(error!)".contains("unknown model 'gpt-nope'")
        }
    }

    @Test func classifierModelMustBeAString() {
        #expect {
            _ = try ConfigLoader.load(text: "[routing]\nclassifier_model = 3\n", file: "c.toml")
        } throws: { error in
            (error as? ConfigError)?.line == 2
        }
    }
}

@Suite("Config: ledger and budget keys")
struct LedgerConfigTests {
    func error(_ text: String) -> ConfigError? {
        do { _ = try ConfigLoader.load(text: text, file: "test.toml"); return nil } catch { return error }
    }

    @Test func budgetAndLogTextAreRead() throws {
        let (config, _) = try ConfigLoader.load(text: "[ledger]\nlog_text = true\n[budget]\ndaily = 5\nmonthly = 50.5\n", file: "t.toml")
        #expect(config.logText == true)
        #expect(config.budget.daily == 5 && config.budget.monthly == 50.5)
        #expect(config.budget.dailyLine == 4 && config.budget.monthlyLine == 5)
        let (empty, _) = try ConfigLoader.load(text: "", file: "t.toml")
        #expect(empty.logText == nil && empty.budget.isEmpty)
    }

    @Test func badValuesNameFileAndLine() {
        let negative = error("[routing]\nstrategy = \"cost\"\n[budget]\ndaily = 1\nmonthly = -5\n")
        #expect(negative?.line == 5 && negative?.file == "test.toml")
        #expect(negative?.message.contains("budget.monthly must be at least 0") == true, "\(String(describing: negative))")
        let text = error("[budget]\ndaily = \"five\"\n")
        #expect(text?.line == 2 && text?.message.contains("budget.daily must be a number") == true)
        let unknown = error("[budget]\nweekly = 3\n")
        #expect(unknown?.line == 2 && unknown?.message.contains("unknown key 'weekly' in [budget]") == true)
        let logText = error("[ledger]\nlog_text = \"yes\"\n")
        #expect(logText?.line == 2 && logText?.message.contains("ledger.log_text must be true or false") == true)
        let topLevel = error("log_text = true\n")
        #expect(topLevel?.line == 1 && topLevel?.message.contains("unknown key 'log_text'") == true)
    }

    @Test func templateDocumentsTheKeysAndStaysValid() throws {
        #expect(ConfigTemplate.text.contains("# [ledger]\n# log_text = false"))
        #expect(ConfigTemplate.text.contains("# [budget]") && ConfigTemplate.text.contains("# daily = 5.00"))
        // Uncommented, the template's budget lines parse.
        let enabled = ConfigTemplate.text.replacing("# [ledger]\n# log_text = false", with: "[ledger]\nlog_text = false")
            .replacing("# [budget]\n# daily = 5.00\n# monthly = 50.00", with: "[budget]\ndaily = 5.00\nmonthly = 50.00")
        let (config, _) = try ConfigLoader.load(text: enabled, file: "t.toml")
        #expect(config.budget.daily == 5 && config.budget.monthly == 50 && config.logText == false)
    }
}
