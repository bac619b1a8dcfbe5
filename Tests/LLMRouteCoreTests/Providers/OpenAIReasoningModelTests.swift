import Testing
@testable import LLMRouteCore

@Suite("OpenAI reasoning models: max_completion_tokens, default temperature only")
struct OpenAIReasoningModelTests {
    let provider = OpenAIProvider(info: ProviderInfo(name: "openai", api: .openai, baseURL: "https://api.openai.com/v1", apiKeyEnv: "OPENAI_API_KEY"))

    func model(_ id: String, provider: String = "openai", capabilities: Set<Capability> = []) -> ModelInfo {
        ModelInfo(id: id, provider: provider, api: .openai, inputCostPerToken: 0, outputCostPerToken: 0,
                  contextWindow: 1000, maxOutputTokens: 100, capabilities: capabilities, quality: 1, qualitySource: "")
    }

    func body(_ model: ModelInfo, temperature: Double?) -> PreparedRequest {
        provider.prepare(ChatRequest(messages: [ChatMessage(role: .user, content: "q")], maxTokens: 64, temperature: temperature),
                         model: model, baseURL: "https://api.openai.com/v1", apiKey: nil)
    }

    @Test(arguments: ["o1", "o1-mini", "o3", "o3-pro", "o4-mini", "o4-mini-2025-04-16", "gpt-5", "gpt-5-mini", "gpt-5.4", "gpt-6.1-sol", "GPT-5-nano"])
    func reasoningFamiliesAreRecognised(id: String) {
        #expect(OpenAIReasoningModels.matches(id: id))
    }

    @Test(arguments: ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "omni-moderation", "o", "openai/gpt-oss-20b", "llama3.2", "gpt-5-chat-latest"])
    func otherModelsAreNot(id: String) {
        #expect(!OpenAIReasoningModels.matches(id: id))
    }

    @Test func everyCatalogModelMarkedReasoningOnOpenAIGetsTheNewField() {
        let reasoning = Catalog.builtin.models.filter { $0.provider == "openai" && $0.capabilities.contains(.reasoning) }
        #expect(!reasoning.isEmpty)
        for model in reasoning {
            let prepared = body(model, temperature: nil)
            #expect(prepared.body["max_completion_tokens"] == .integer(64), "\(model.id)")
            #expect(prepared.body["max_tokens"] == nil, "\(model.id)")
        }
    }

    @Test func reasoningModelDropsANonDefaultTemperatureAndSaysSo() {
        let prepared = body(model("o3"), temperature: 0.2)
        #expect(prepared.body["temperature"] == nil)
        #expect(prepared.body["max_completion_tokens"] == .integer(64))
        #expect(prepared.notes.count == 1)
        #expect(prepared.notes.first?.contains("temperature") == true)
        let atDefault = body(model("o3"), temperature: 1)
        #expect(atDefault.body["temperature"] == .number(1))
        #expect(atDefault.notes.isEmpty)
    }

    @Test func chatModelsKeepMaxTokensAndTemperature() {
        let prepared = body(model("gpt-4o-mini"), temperature: 0.2)
        #expect(prepared.body["max_tokens"] == .integer(64))
        #expect(prepared.body["max_completion_tokens"] == nil)
        #expect(prepared.body["temperature"] == .number(0.2))
        #expect(prepared.notes.isEmpty)
        // A reasoning-capable model on another OpenAI-compatible host (DeepSeek, Groq) keeps max_tokens.
        let elsewhere = body(model("deepseek-reasoner", provider: "deepseek", capabilities: [.reasoning]), temperature: 0.5)
        #expect(elsewhere.body["max_tokens"] == .integer(64))
        #expect(elsewhere.body["temperature"] == .number(0.5))
    }
}
