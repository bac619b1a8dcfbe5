import Foundation
@testable import LLMRouteCore

/// A temporary folder for real SQLite files, removed by `cleanup()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("llmroute-ledger-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

enum LedgerFixtures {
    static func model(_ id: String, input: Double, output: Double, quality: Double) -> ModelInfo {
        ModelInfo(id: id, provider: "p-" + id, api: .openai, inputCostPerToken: input / 1e6, outputCostPerToken: output / 1e6,
                  contextWindow: 100_000, maxOutputTokens: 4096, quality: quality, qualitySource: "test")
    }

    static let cheap = model("cheap", input: 1, output: 2, quality: 0.7)
    static let strong = model("strong", input: 10, output: 30, quality: 0.95)

    static func decision(model: ModelInfo = cheap, strongest: ModelInfo? = strong, tier: Tier = .simple,
                         task: TaskKind = .simpleQA) -> RoutingDecision {
        RoutingDecision(
            model: model, fallbacks: [strong], strategy: .cost, classifierName: "test",
            classification: Classification(tier: tier, task: task, score: 0.25, confidence: 0.9, reasons: [], contributions: [], sampled: false),
            inputTokens: TokenCount(tokens: 40, exact: true, method: "test"), outputTokens: 100, estimatedCost: 0.001,
            reasons: [], excluded: [], exceedsMaxCost: false, offline: false, strongest: strongest)
    }

    static func result(_ model: ModelInfo = cheap, input: Int = 12, output: Int = 34, reported: Bool = true, text: String = "the answer") -> ChatResult {
        var result = ChatResult(text: text, reasoning: "", usage: TokenUsage(inputTokens: reported ? input : 0, outputTokens: reported ? output : 0),
                                stopReason: "stop", model: model, timeToFirstToken: 0.2)
        result.usageReported = reported
        return result
    }

    /// A request record as `UsageRecorder` would write it.
    static func request(time: Double, model: String = "cheap", cost: Double, input: Int = 10, output: Int = 20,
                        outcome: String = "ok", strongestCost: Double? = nil, tier: String = "simple", task: String = "simple_qa",
                        fallbacks: Int = 0, latencyMs: Double? = 100) -> UsageRecord {
        var r = UsageRecord(kind: .request, requestID: UsageRecorder.newID(), time: time, command: "ask", outcome: outcome)
        r.finalModel = model
        r.finalProvider = "p-" + model
        r.costUSD = cost
        r.inputTokens = input
        r.outputTokens = output
        r.strongestCostUSD = strongestCost
        r.tier = tier
        r.task = task
        r.strategy = "cost"
        r.fallbacks = fallbacks
        r.latencyMs = latencyMs
        return r
    }
}
