import Foundation
import Testing
@testable import LLMRouteCore

/// Hidden reasoning tokens in estimates: a default per model family, replaced by the median
/// from the user's ledger once it holds enough calls; kept in a file `route` reads cheaply.
@Suite("Reasoning estimates")
struct ReasoningEstimateTests {
    static func model(_ id: String, provider: String = "openai", api: APIProtocol = .openai, reasons: Bool = true,
                      input: Double = 1, output: Double = 4, quality: Double = 0.9) -> ModelInfo {
        ModelInfo(id: id, provider: provider, api: api, inputCostPerToken: input / 1e6, outputCostPerToken: output / 1e6,
                  contextWindow: 100_000, maxOutputTokens: 10_000, capabilities: reasons ? [.reasoning] : [],
                  quality: quality, qualitySource: "test")
    }

    @Test func defaultsByFamily() {
        #expect(ReasoningRatios.defaultRatio(for: Self.model("o-thing")) == 4)
        #expect(ReasoningRatios.defaultRatio(for: Self.model("gem", provider: "gemini")) == 3)
        #expect(ReasoningRatios.defaultRatio(for: Self.model("claude", provider: "anthropic", api: .anthropic)) == 0)
        #expect(ReasoningRatios.defaultRatio(for: Self.model("plain", reasons: false)) == 0)
        #expect(ReasoningRatios().hiddenTokens(for: Self.model("o-thing"), answerTokens: 150) == 600)
    }

    @Test func medianAndTheMinimumNumberOfCalls() {
        // Ratios 1, 2, 3 (reasoning / answer, answer = output - reasoning).
        #expect(ReasoningRatios.median([(10, 20), (40, 60), (30, 40)]) == 2)
        #expect(ReasoningRatios.median([(10, 20), (40, 60)]) == 1.5)
        #expect(ReasoningRatios.median([]) == nil)
        let model = Self.model("o-thing")
        var ratios = ReasoningRatios(learned: ["o-thing": .init(ratio: 0.5, calls: ReasoningRatios.minimumCalls - 1)])
        #expect(ratios.ratio(for: model).ratio == 4, "too few calls: the default stays")
        ratios.learned["o-thing"]?.calls = ReasoningRatios.minimumCalls
        #expect(ratios.ratio(for: model) == (0.5, "median of your last 20 calls"))
        #expect(ratios.hiddenTokens(for: model, answerTokens: 150) == 75)
    }

    @Test func fileRoundTripIgnoresGarbage() {
        let ratios = ReasoningRatios(learned: ["a": .init(ratio: 2.25, calls: 30), "b/c": .init(ratio: 0, calls: 21)])
        #expect(ReasoningRatios(fileText: ratios.fileText) == ratios)
        let mangled = ReasoningRatios(fileText: "x\t1\n" + ratios.fileText + "y\t-1\t5\nz\tnan\t5\nw\t1\t0\n\u{0}\t\t\n")
        #expect(mangled == ratios)
    }

    /// The cost strategy no longer prefers a reasoning model for looking cheap: its hidden
    /// tokens are priced as output.
    @Test func routingPricesHiddenReasoning() throws {
        let reasoner = Self.model("reasoner", input: 0.5, output: 2)
        let plain = Self.model("plain", reasons: false, input: 1, output: 3)
        let catalog = Catalog(providers: SketchCatalog.providers, models: [reasoner, plain])
        var router = Router(catalog: catalog, policy: SketchCatalog.policy, classifier: FixedClassifier(),
                            tokens: HeuristicTokenEstimator(), environment: SketchCatalog.bothKeys)
        let request = RouteRequest(prompt: "What is the capital of France?", strategy: .cost, outputTokens: 100)
        let decision = try router.route(request)
        // reasoner: 100 + 400 hidden at $2/M = $0.001 output; plain: 100 at $3/M = $0.0003.
        #expect(decision.model.id == "plain", "\(decision.reasons)")
        let forced = try router.route(RouteRequest(prompt: "What is the capital of France?", strategy: .cost, forcedModel: "reasoner", outputTokens: 100))
        #expect(forced.reasoningTokens == 400)
        #expect(abs(forced.estimatedCost - (Double(forced.inputTokens.tokens) * 0.5e-6 + 500 * 2e-6)) < 1e-15)
        #expect(forced.reasons.contains { $0.contains("reasoner reasons: ~400 hidden tokens (4.0x the answer, default for the model family)") })
        // With a ledger saying it thinks little, it is the cheaper one again.
        router.reasoning = ReasoningRatios(learned: ["reasoner": .init(ratio: 0.1, calls: 25)])
        #expect(try router.route(request).model.id == "reasoner")
    }

    /// The recorder writes the median once the ledger holds 20 calls of the model, not before.
    @Test func recorderLearnsFromTheLedger() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let ledger = try SQLiteUsageLedger(path: folder.file("usage.sqlite"))
        let path = ReasoningRatios.path(dataHome: folder.path)
        let recorder = UsageRecorder(ledger: ledger, command: "ask", logText: false, reasoningRatiosPath: path, warn: { _ in })
        let reasoner = Self.model("reasoner")
        func call(reasoning: Int, answer: Int) {
            var result = ChatResult(text: "a", reasoning: "", usage: TokenUsage(inputTokens: 5, outputTokens: reasoning + answer, reasoningTokens: reasoning),
                                    stopReason: "stop", model: reasoner, timeToFirstToken: nil)
            result.usageReported = true
            recorder.record(UsageRecorder.Request(decision: nil, prompt: "p", conversationID: nil, result: result,
                                                  attempts: [Attempt(provider: "openai", model: "reasoner", outcome: "ok", latency: 0.1)],
                                                  outcome: "ok", latency: 0.1))
        }
        // Ratios 2 (11 calls) and 6 (9 calls): the median is 2 where the mean would be 3.8.
        for index in 0..<19 { call(reasoning: index < 10 ? 100 : 300, answer: 50) }
        #expect(!FileManager.default.fileExists(atPath: path))
        call(reasoning: 100, answer: 50)
        let learned = ReasoningRatios.load(path: path).learned["reasoner"]
        #expect(learned?.calls == 20 && learned?.ratio == 2)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }
}
