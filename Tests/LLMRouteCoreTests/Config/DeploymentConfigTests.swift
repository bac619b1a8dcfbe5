import Testing
@testable import LLMRouteCore

@Suite("Config: deployments and [resilience]")
struct DeploymentConfigTests {
    func error(_ text: String) -> ConfigError? {
        do { _ = try ConfigLoader.load(text: text, file: "t.toml"); return nil } catch { return error }
    }

    @Test func resilienceKeysAreRead() throws {
        let (config, _) = try ConfigLoader.load(text: "[resilience]\nbreaker_threshold = 5\nbreaker_cooldown = 12.5\n", file: "t.toml")
        #expect(config.resilience == ResilienceSettings(breakerThreshold: 5, breakerCooldown: 12.5))
        #expect(try ConfigLoader.load(text: "", file: "t.toml").config.resilience == ResilienceSettings())
    }

    @Test func resilienceValuesAreValidatedWithLines() throws {
        let zero = try #require(error("[resilience]\nbreaker_threshold = 0\n"))
        #expect(zero.line == 2 && zero.message.contains("at least 1"), "\(zero)")
        #expect(error("[resilience]\n\nbreaker_threshold = 5000\n")?.line == 3)
        #expect(error("[resilience]\nbreaker_threshold = 2.5\n")?.message.contains("integer") == true)
        let cooldown = try #require(error("[resilience]\nbreaker_cooldown = 0\n"))
        #expect(cooldown.line == 2 && cooldown.message.contains("breaker_cooldown"))
        #expect(error("[resilience]\nbreaker_cooldown = 100000\n")?.message.contains("at most") == true)
        let typo = try #require(error("[resilience]\nbreaker_treshold = 3\n"))
        #expect(typo.line == 2 && typo.message.contains("did you mean 'breaker_threshold'"))
    }

    let providers = """
    [providers.east]
    kind = "openai"
    base_url = "http://127.0.0.1:1/v1"

    """

    @Test func deploymentsAreRead() throws {
        let (config, catalog) = try ConfigLoader.load(text: providers + """
        [[models."gpt-4o-mini".deployments]]
        provider = "openai"
        weight = 3
        [[models."gpt-4o-mini".deployments]]
        provider = "east"
        model = "mini"
        base_url = "http://127.0.0.1:9/v1"
        """, file: "t.toml")
        let deployed = try #require(config.models.first?.deployments)
        #expect(deployed.count == 2)
        #expect(deployed[0] == Deployment(provider: "openai", weight: 3, line: 4))
        #expect(deployed[1].weight == 1, "default weight")
        #expect(deployed[1].modelID == "mini" && deployed[1].baseURL == "http://127.0.0.1:9/v1")
        #expect(catalog.deployments["gpt-4o-mini"]?.count == 2)
    }

    @Test func aNewModelCanTakeItsProviderFromItsDeployments() throws {
        let (_, catalog) = try ConfigLoader.load(text: providers + """
        [models."llama"]
        input_price = 0
        output_price = 0
        context_window = 8000
        [[models."llama".deployments]]
        provider = "east"
        """, file: "t.toml")
        #expect(catalog.model(named: "llama")?.provider == "east")
        // East needs no key, so the load-balanced model is usable.
        #expect(catalog.isUsable(try #require(catalog.model(named: "llama")), environment: Environment()))
    }

    @Test func badDeploymentsNameTheirLine() throws {
        let unknown = try #require(error(providers + "[[models.\"gpt-4o\".deployments]]\nprovider = \"eats\"\n"))
        #expect(unknown.line == 4, "\(unknown)")
        #expect(unknown.message.contains("unknown provider 'eats'") && unknown.message.contains("did you mean 'east'"))
        let weight = try #require(error(providers + "[[models.\"gpt-4o\".deployments]]\nprovider = \"east\"\nweight = 0\n"))
        #expect(weight.line == 6 && weight.message.contains("greater than 0"), "\(weight)")
        let negative = try #require(error(providers + "[[models.\"gpt-4o\".deployments]]\nprovider = \"east\"\nweight = -1\n"))
        #expect(negative.line == 6)
        let noProvider = try #require(error(providers + "[[models.\"gpt-4o\".deployments]]\nweight = 2\n"))
        #expect(noProvider.line == 4 && noProvider.message.contains("needs a provider"), "\(noProvider)")
        let url = try #require(error(providers + "[[models.\"gpt-4o\".deployments]]\nprovider = \"east\"\nbase_url = \"localhost:1\"\n"))
        #expect(url.line == 6 && url.message.contains("http://"))
        let key = try #require(error(providers + "[[models.\"gpt-4o\".deployments]]\nprovider = \"east\"\nwieght = 2\n"))
        #expect(key.line == 6 && key.message.contains("did you mean 'weight'"))
        let notArray = try #require(error("[models.\"gpt-4o\"]\ndeployments = \"east\"\n"))
        #expect(notArray.line == 2 && notArray.message.contains("array of tables"))
    }
}
