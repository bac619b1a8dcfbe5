import Testing
@testable import LLMRouteCore

@Suite("Evaluation: APGR bootstrap interval")
struct APGRBootstrapTests {
    static func sample(_ n: Int, seed: UInt64) -> RoutingEvaluation {
        var random = SplitMix64(seed: seed)
        // A router that is right more often than not: hard prompts (strong needed) score higher.
        return RoutingEvaluation((0..<n).map { _ in
            let hard = random.next() % 2 == 0
            let score = Double(random.next() % 10) / 10 + (hard ? 0.3 : 0)
            return RoutedOutcome(score: score, weak: hard ? 0 : 1, strong: 1)
        })
    }

    @Test func sameSeedSameInterval() {
        let e = Self.sample(300, seed: 3)
        let a = APGRBootstrap(e, resamples: 200, seed: 9)
        let b = APGRBootstrap(e, resamples: 200, seed: 9)
        #expect(a == b)
        #expect(a.used == 200 && a.resamples == 200 && a.seed == 9)
        let c = APGRBootstrap(e, resamples: 200, seed: 10)
        #expect(c.low != a.low || c.high != a.high, "another seed draws other resamples")
    }

    @Test func intervalSurroundsTheEstimate() throws {
        let e = Self.sample(400, seed: 5)
        let interval = APGRBootstrap(e, resamples: 500)
        let apgr = try #require(e.apgr)
        let low = try #require(interval.low), high = try #require(interval.high)
        #expect(low <= apgr && apgr <= high)
        #expect(high - low < 0.2, "400 prompts pin APGR down to a few hundredths")
        #expect(apgr > 0.55, "the sample router beats random")
    }

    @Test func allTiesStayOnTheDiagonalInEveryResample() {
        let e = RoutingEvaluation((0..<50).map { RoutedOutcome(score: 0.5, weak: Double($0 % 2), strong: 1) })
        let interval = APGRBootstrap(e, resamples: 100)
        #expect(interval.low == 0.5 && interval.high == 0.5)
    }

    @Test func resamplesWithoutAGapAreDropped() {
        // One prompt with a gap in 40: some resamples miss it and have equal means.
        let e = RoutingEvaluation((0..<40).map { RoutedOutcome(score: Double($0), weak: 0, strong: $0 == 0 ? 1 : 0) })
        let interval = APGRBootstrap(e, resamples: 300)
        #expect(interval.used < 300 && interval.used > 0)
        let none = APGRBootstrap(RoutingEvaluation([RoutedOutcome(score: 1, weak: 1, strong: 1)]), resamples: 10)
        #expect(none.used == 0 && none.low == nil && none.high == nil)
    }

    @Test func percentilesInterpolateLikeNumPy() {
        #expect(APGRBootstrap.percentile([1, 2, 3, 4], 0.5) == 2.5)
        #expect(abs(APGRBootstrap.percentile([1, 2, 3, 4], 0.025)! - 1.075) < 1e-12)
        #expect(APGRBootstrap.percentile([7], 0.975) == 7)
        #expect(APGRBootstrap.percentile([], 0.5) == nil)
    }
}
