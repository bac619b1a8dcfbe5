import Testing
@testable import LLMRouteCore

@Suite("Routing strategies")
struct StrategyTests {
    @Test func sketchSimpleQuestionGoesToCheapest() throws {
        // Sketch: router.route("What is 2+2?", min_quality=0.6) -> the cheapest model.
        let router = SketchCatalog.router()
        let d = try router.route(RouteRequest(prompt: "What is 2+2?", strategy: .cost, minQuality: 0.6, maxCost: 0.05))
        #expect(d.model.id == "gpt-4o-mini")
        #expect(d.reasons.contains { $0.contains("cheapest") })
    }

    @Test func sketchConsensusAlgorithmGoesToPremium() throws {
        // Sketch: "Implement a distributed consensus algorithm in Python", min_quality=0.9, task coding -> premium.
        let router = SketchCatalog.router(FixedClassifier(tier: .expert, task: .coding, score: 0.9))
        let d = try router.route(RouteRequest(
            prompt: "Implement a distributed consensus algorithm in Python", strategy: .cost,
            minQuality: 0.9, maxCost: 0.05, taskHint: .coding))
        #expect(["gpt-4o", "claude-3-5-sonnet"].contains(d.model.id))
        #expect(d.model.quality >= 0.9)
    }

    @Test func costStrategyTaskBonusBreaksNearTies() throws {
        // claude-3-5-sonnet is slightly cheaper per request here, but gpt-4o is strong at coding:
        // its cost counts 10% less when ranking, which wins a near-tie.
        let router = SketchCatalog.router(FixedClassifier(tier: .expert, task: .coding))
        let d = try router.route(RouteRequest(prompt: "x", strategy: .cost, minQuality: 0.9, outputTokens: 1000))
        #expect(d.model.id == "gpt-4o")
        #expect(d.reasons.contains { $0.contains("task bonus") })
        let plain = SketchCatalog.router(FixedClassifier(tier: .expert, task: .simpleQA))
        #expect(try plain.route(RouteRequest(prompt: "x", strategy: .cost, minQuality: 0.9, outputTokens: 1000)).model.id == "claude-3-5-sonnet")
    }

    @Test func costStrategyFallsBackToCheapestWhenNothingQualifies() throws {
        let router = SketchCatalog.router()
        let d = try router.route(RouteRequest(prompt: "x", strategy: .cost, minQuality: 0.99))
        #expect(d.model.id == "gpt-4o-mini")
        #expect(d.reasons.contains { $0.contains("fell back to the cheapest") })
    }

    @Test func costStrategyRespectsMaxCost() throws {
        let router = SketchCatalog.router(FixedClassifier(tier: .complex, task: .analysis))
        // 4,096 output tokens: gpt-4o and sonnet ~$0.061, haiku ~$0.0051, mini ~$0.0025.
        let uncapped = try router.route(RouteRequest(prompt: "x", strategy: .cost, minQuality: 0.9, outputTokens: 4096))
        #expect(uncapped.model.id == "claude-3-5-sonnet")
        let capped = try router.route(RouteRequest(prompt: "x", strategy: .cost, minQuality: 0.72, maxCost: 0.01, outputTokens: 4096))
        #expect(capped.model.id == "claude-3-haiku")
        #expect(!capped.exceedsMaxCost)
        let none = try router.route(RouteRequest(prompt: "x", strategy: .cost, minQuality: 0.9, maxCost: 0.01, outputTokens: 4096))
        #expect(none.model.id == "gpt-4o-mini")
        #expect(none.reasons.contains { $0.contains("within max cost $0.0100") })
        let tight = try router.route(RouteRequest(prompt: "x", strategy: .cost, minQuality: 0.9, maxCost: 0.000001))
        #expect(tight.exceedsMaxCost)
        #expect(tight.reasons.contains { $0.contains("fell back") })
    }

    @Test func costStrategyDefaultBarFollowsTier() throws {
        let simple = try SketchCatalog.router(FixedClassifier(tier: .simple)).route(RouteRequest(prompt: "x", strategy: .cost))
        #expect(simple.model.id == "gpt-4o-mini")
        let expert = try SketchCatalog.router(FixedClassifier(tier: .expert, task: .analysis)).route(RouteRequest(prompt: "x", strategy: .cost))
        #expect(expert.model.quality >= 0.9)
        #expect(expert.reasons.contains { $0.contains("tier expert default") })
    }

    @Test func tierStrategyUsesGroupsInOrder() throws {
        let d = try SketchCatalog.router(FixedClassifier(tier: .complex)).route(RouteRequest(prompt: "x", strategy: .tier))
        #expect(d.model.id == "gpt-4o")
        #expect(d.fallbacks.first?.id == "claude-3-5-sonnet")
    }

    @Test func tierStrategySkipsUnusableProvider() throws {
        let onlyAnthropic = Environment(["ANTHROPIC_API_KEY": "k"])
        let d = try SketchCatalog.router(FixedClassifier(tier: .complex), environment: onlyAnthropic)
            .route(RouteRequest(prompt: "x", strategy: .tier))
        #expect(d.model.id == "claude-3-5-sonnet")
        #expect(!d.offline)
        #expect(d.fallbacks.allSatisfy { $0.provider == "anthropic" })
    }

    @Test func tierStrategyDegradesToSimilarModelWhenGroupUnavailable() throws {
        let onlyAnthropic = Environment(["ANTHROPIC_API_KEY": "k"])
        let d = try SketchCatalog.router(FixedClassifier(tier: .simple), environment: onlyAnthropic)
            .route(RouteRequest(prompt: "x", strategy: .tier))
        #expect(d.model.id == "claude-3-haiku")
        #expect(d.reasons.contains { $0.contains("none available") })
    }

    @Test func taskStrategyFollowsTaskTable() throws {
        for (task, expected) in [(TaskKind.coding, "gpt-4o"), (.reasoning, "claude-3-5-sonnet"), (.simpleQA, "gpt-4o-mini"),
                                 (.creative, "claude-3-5-sonnet"), (.analysis, "gpt-4o"), (.summarization, "claude-3-haiku")] {
            let d = try SketchCatalog.router(FixedClassifier(task: task)).route(RouteRequest(prompt: "x", strategy: .task))
            #expect(d.model.id == expected, "task \(task)")
        }
    }

    @Test func thresholdStrategyPicksByScore() throws {
        let weak = try SketchCatalog.router(FixedClassifier(score: 0.2)).route(RouteRequest(prompt: "x", strategy: .threshold))
        #expect(weak.model.id == "gpt-4o-mini")
        #expect(weak.fallbacks.contains { $0.id == "gpt-4o" })  // escalation path
        let strong = try SketchCatalog.router(FixedClassifier(score: 0.7)).route(RouteRequest(prompt: "x", strategy: .threshold))
        #expect(strong.model.id == "gpt-4o")
        let custom = try SketchCatalog.router(FixedClassifier(score: 0.7)).route(RouteRequest(prompt: "x", strategy: .threshold, threshold: 0.8))
        #expect(custom.model.id == "gpt-4o-mini")
        #expect(custom.reasons.contains { $0.contains("0.70 < threshold 0.80") })
        let equal = try SketchCatalog.router(FixedClassifier(score: 0.5)).route(RouteRequest(prompt: "x", strategy: .threshold))
        #expect(equal.model.id == "gpt-4o")  // score >= threshold is strong
    }
}
