import Testing
@testable import LLMRouteCore

@Suite("Built-in catalog integrity")
struct CatalogTests {
    let catalog = Catalog.builtin

    @Test func requiredModelsWithCatalogPrices() throws {
        // Prices from LiteLLM's model_prices_and_context_window.json (USD per token).
        let expected: [(String, Double, Double)] = [
            ("gpt-4o-mini", 1.5e-07, 6e-07), ("gpt-4o", 2.5e-06, 1e-05),
            ("claude-sonnet-4-5", 3e-06, 1.5e-05), ("claude-haiku-4-5", 1e-06, 5e-06),
        ]
        for (id, input, output) in expected {
            let model = try #require(catalog.model(named: id), "\(id) missing")
            #expect(model.inputCostPerToken == input, "\(id) input")
            #expect(model.outputCostPerToken == output, "\(id) output")
        }
    }

    @Test func providersCoverTheRequiredFamilies() {
        let names = Set(catalog.models.map(\.provider))
        for provider in ["openai", "anthropic", "gemini", "deepseek", "mistral"] { #expect(names.contains(provider), "\(provider)") }
        // At least one OpenAI-compatible host besides the first-party ones.
        #expect(!names.subtracting(["openai", "anthropic", "gemini", "deepseek", "mistral"]).isEmpty)
    }

    @Test func everyModelIsWellFormed() {
        var seen = Set<String>()
        for model in catalog.models {
            #expect(seen.insert(model.id).inserted, "duplicate \(model.id)")
            let provider = catalog.provider(named: model.provider)
            #expect(provider != nil, "\(model.id): unknown provider")
            #expect(provider?.api == model.api, "\(model.id): protocol differs from its provider's")
            #expect(model.inputCostPerToken > 0 && model.outputCostPerToken > 0, "\(model.id) prices")
            #expect(model.contextWindow > 0 && model.maxOutputTokens > 0, "\(model.id) limits")
            #expect((0...1).contains(model.quality), "\(model.id) quality")
            #expect(!model.qualitySource.isEmpty, "\(model.id) quality source")
        }
    }

    @Test func sdkEnvironmentVariables() throws {
        let openai = try #require(catalog.provider(named: "openai"))
        #expect(openai.apiKeyEnv == "OPENAI_API_KEY" && openai.baseURLEnv == "OPENAI_BASE_URL")
        #expect(openai.baseURL.hasSuffix("/v1"))
        let anthropic = try #require(catalog.provider(named: "anthropic"))
        #expect(anthropic.apiKeyEnv == "ANTHROPIC_API_KEY" && anthropic.baseURLEnv == "ANTHROPIC_BASE_URL")
        #expect(!anthropic.baseURL.hasSuffix("/v1"))
        #expect(anthropic.api == .anthropic)
    }

    @Test func defaultPolicyNamesOnlyCatalogModels() {
        let policy = RoutingPolicy.defaults
        let named = policy.tierGroups.values.flatMap { $0 } + policy.taskGroups.values.flatMap { $0 } + policy.strong + policy.weak
        for name in named { #expect(catalog.model(named: name) != nil, "\(name)") }
        #expect(policy.tierGroups.count == Tier.allCases.count)
        #expect(policy.taskGroups.count == TaskKind.allCases.count)
    }

    @Test func usabilityFollowsKeys() throws {
        let mini = try #require(catalog.model(named: "gpt-4o-mini"))
        #expect(!catalog.isUsable(mini, environment: Environment()))
        #expect(!catalog.isUsable(mini, environment: Environment(["OPENAI_API_KEY": ""])))
        #expect(catalog.isUsable(mini, environment: Environment(["OPENAI_API_KEY": "sk-x"])))
    }
}
