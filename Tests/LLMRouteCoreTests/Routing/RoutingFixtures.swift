@testable import LLMRouteCore

/// A classifier that answers what the test says, so strategies are tested in isolation.
struct FixedClassifier: PromptClassifier {
    let name = "fixed"
    var tier: Tier = .simple
    var task: TaskKind = .simpleQA
    var score: Double = 0.1

    func classify(_ prompt: String) -> Classification {
        Classification(tier: tier, task: task, score: score, confidence: 1, reasons: ["fixed"])
    }
}

/// The design sketch's CostOptimizedRouter models, with its quality scores and `best_for`.
enum SketchCatalog {
    static let providers = [
        ProviderInfo(name: "openai", api: .openai, baseURL: "http://127.0.0.1:1/v1", apiKeyEnv: "OPENAI_API_KEY"),
        ProviderInfo(name: "anthropic", api: .anthropic, baseURL: "http://127.0.0.1:1", apiKeyEnv: "ANTHROPIC_API_KEY"),
    ]
    static func model(_ id: String, _ provider: String, _ input: Double, _ output: Double, _ quality: Double,
                      _ strengths: Set<TaskKind>, context: Int = 128_000) -> ModelInfo {
        ModelInfo(id: id, provider: provider, api: provider == "openai" ? .openai : .anthropic,
                  inputCostPerToken: input / 1000, outputCostPerToken: output / 1000,
                  contextWindow: context, maxOutputTokens: 4096, capabilities: provider == "openai" ? [.tools] : [],
                  quality: quality, qualitySource: "design sketch", strengths: strengths)
    }
    static let models = [
        model("gpt-4o-mini", "openai", 0.00015, 0.0006, 0.7, [.simpleQA]),
        model("claude-3-haiku", "anthropic", 0.00025, 0.00125, 0.75, [.summarization], context: 200_000),
        model("gpt-4o", "openai", 0.005, 0.015, 0.95, [.coding, .reasoning]),
        model("claude-3-5-sonnet", "anthropic", 0.003, 0.015, 0.93, [.creative, .analysis], context: 200_000),
    ]
    static let catalog = Catalog(providers: providers, models: models)
    static let policy = RoutingPolicy(
        tierGroups: [.simple: ["gpt-4o-mini"], .medium: ["gpt-4o-mini", "claude-3-haiku"],
                     .complex: ["gpt-4o", "claude-3-5-sonnet"], .expert: ["gpt-4o", "claude-3-5-sonnet"]],
        taskGroups: [.coding: ["gpt-4o"], .reasoning: ["claude-3-5-sonnet"], .simpleQA: ["gpt-4o-mini"],
                     .creative: ["claude-3-5-sonnet"], .analysis: ["gpt-4o"], .summarization: ["claude-3-haiku"]],
        strong: ["gpt-4o", "claude-3-5-sonnet"], weak: ["gpt-4o-mini", "claude-3-haiku"],
        minQualityByTier: [.simple: 0.6, .medium: 0.7, .complex: 0.85, .expert: 0.9],
        threshold: 0.5, pool: nil, maxFallbacks: 3)
    static let bothKeys = Environment(["OPENAI_API_KEY": "k1", "ANTHROPIC_API_KEY": "k2"])

    static func router(_ classifier: FixedClassifier = FixedClassifier(), environment: Environment = bothKeys,
                       policy: RoutingPolicy = policy) -> Router {
        Router(catalog: catalog, policy: policy, classifier: classifier, tokens: HeuristicTokenEstimator(),
               environment: environment)
    }
}
