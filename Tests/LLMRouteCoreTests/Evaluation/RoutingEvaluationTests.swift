import Testing
@testable import LLMRouteCore

/// APGR on cases small enough to compute by hand (the sums are written out next to each), and
/// against a literal transcription of the definition on random data with many ties.
@Suite("Evaluation: APGR and the PGR curve")
struct RoutingEvaluationTests {
    static func outcomes(_ scores: [Double], weak: [Double], strong: [Double]) -> [RoutedOutcome] {
        zip(scores, zip(weak, strong)).map { RoutedOutcome(score: $0, weak: $1.0, strong: $1.1) }
    }

    static func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-12) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test func perfectRouterOnHalfHardPrompts() {
        // Gains (strong − weak) by score: 1, 1, 0, 0. PGR(k) = 0, .5, 1, 1, 1.
        // Trapezoid: (.25 + .75 + 1 + 1) / 4 = 0.75, the best any order can do here.
        let e = RoutingEvaluation(Self.outcomes([0.9, 0.8, 0.2, 0.1], weak: [0, 0, 0, 0], strong: [1, 1, 0, 0]))
        #expect(e.count == 4)
        #expect(e.weakMean == 0 && e.strongMean == 0.5 && e.gap == 0.5)
        #expect(Self.close(e.apgr, 0.75))
        #expect(Self.close(e.pgr(atShare: 0.25), 0.5))
        #expect(Self.close(e.pgr(atShare: 0.125), 0.25), "linear between steps")
        #expect(Self.close(e.pgr(atShare: 0.75), 1))
        #expect(Self.close(e.shareReaching(0.5), 0.25))
        #expect(Self.close(e.shareReaching(0.8), 0.4), "0.25 + (0.8 − 0.5) / 0.5 × 0.25")
    }

    @Test func reversedRouter() {
        // Same prompts, scores reversed: gains by score 0, 0, 1, 1; PGR 0, 0, 0, .5, 1.
        // Trapezoid: (0 + 0 + .25 + .75) / 4 = 0.25.
        let e = RoutingEvaluation(Self.outcomes([0.1, 0.2, 0.8, 0.9], weak: [0, 0, 0, 0], strong: [1, 1, 0, 0]))
        #expect(Self.close(e.apgr, 0.25))
        #expect(Self.close(e.shareReaching(0.5), 0.75))
    }

    @Test func allTiesAreExactlyTheRandomDiagonal() {
        let e = RoutingEvaluation(Self.outcomes([0.3, 0.3, 0.3, 0.3, 0.3], weak: [0, 1, 0, 0.5, 0],
                                                strong: [1, 1, 0, 1, 0.25]))
        #expect(Self.close(e.apgr, 0.5))
        for step in 0...10 {
            let share = Double(step) / 10
            #expect(Self.close(e.pgr(atShare: share), share), "share \(share)")
        }
        #expect(e.knots.count == 2, "one group: the curve is one straight segment")
    }

    @Test func tieGroupStraddlingACut() {
        // Scores .9, .5, .5, .1 with gains 1, 1, 0, 0 (T = 2). k = 2 cuts the .5 group in half:
        // expected gain 1 + ½(1 + 0) = 1.5, so PGR = 0, .5, .75, 1, 1.
        // Trapezoid: (.25 + .625 + .875 + 1) / 4 = 0.6875.
        let e = RoutingEvaluation(Self.outcomes([0.9, 0.5, 0.5, 0.1], weak: [0, 0, 0, 0], strong: [1, 1, 0, 0]))
        #expect(Self.close(e.apgr, 0.6875))
        #expect(Self.close(e.pgr(atShare: 0.5), 0.75))
        // The tied prompts' input order does not matter.
        let swapped = RoutingEvaluation(Self.outcomes([0.9, 0.5, 0.5, 0.1], weak: [0, 0, 0, 0], strong: [1, 0, 1, 0]))
        #expect(Self.close(swapped.apgr, 0.6875))
    }

    @Test func judgeScoresCanTakePGROutsideZeroToOne() {
        // Gains by score: .2, .4, −.5 (T = .1): PGR = 0, 2, 6, 1.
        // Trapezoid: ((0 + 2) + (2 + 6) + (6 + 1)) / 2 / 3 = 8.5 / 3.
        let e = RoutingEvaluation(Self.outcomes([3, 2, 1], weak: [0.5, 0.2, 0.9], strong: [0.7, 0.6, 0.4]))
        #expect(Self.close(e.apgr, 8.5 / 3, tolerance: 1e-9))
        #expect(Self.close(e.pgrRange?.lowerBound, 0) && Self.close(e.pgrRange?.upperBound, 6, tolerance: 1e-9))
        #expect(Self.close(e.weakMean, 1.6 / 3) && Self.close(e.strongMean, 1.7 / 3))
    }

    @Test func equalMeansLeaveAPGRUndefined() {
        let same = RoutingEvaluation(Self.outcomes([0.9, 0.1], weak: [1, 0], strong: [1, 0]))
        #expect(!same.isDefined && same.apgr == nil && same.pgr(atShare: 0.5) == nil && same.shareReaching(0.5) == nil)
        // Gains that cancel (in an order where rounding could leave a trace) are equal means too.
        let cancelling = RoutingEvaluation(Self.outcomes([0.9, 0.5, 0.1], weak: [0.1, 0.3, 0.2], strong: [0.3, 0.1, 0.2]))
        #expect(!cancelling.isDefined)
    }

    @Test func thresholdsFollowCalibration() {
        let e = RoutingEvaluation(Self.outcomes([0.9, 0.8, 0.2, 0.1], weak: [0, 0, 0, 0], strong: [1, 1, 0, 0]))
        #expect(e.threshold(forShare: 0) == nil)
        #expect(e.threshold(forShare: 0.5) == 0.5, "halfway between the 2nd and 3rd highest scores")
        #expect(e.threshold(forShare: 1) == 0.1)
        // Scores need not be probabilities: a cut above 1 is fine.
        let logits = RoutingEvaluation(Self.outcomes([7, 5, -2], weak: [0, 0, 0], strong: [1, 0, 1]))
        #expect(logits.threshold(forShare: 1.0 / 3) == 6)
    }

    /// The definition, literally: for every k, the expected quality with random tie-breaking,
    /// then the trapezoid over k/n. O(n × groups), independent of the knot computation.
    static func literalAPGR(_ outcomes: [RoutedOutcome]) -> Double {
        let n = outcomes.count
        let scores = Set(outcomes.map(\.score)).sorted(by: >)
        let groups = scores.map { s in outcomes.filter { $0.score == s } }
        let weakMean = outcomes.map(\.weak).reduce(0, +) / Double(n)
        let strongMean = outcomes.map(\.strong).reduce(0, +) / Double(n)
        func pgr(_ k: Int) -> Double {
            var remaining = k
            var quality = 0.0
            for group in groups {
                let taken = min(remaining, group.count)
                remaining -= taken
                let p = Double(taken) / Double(group.count)
                quality += group.reduce(0) { $0 + p * $1.strong + (1 - p) * $1.weak }
            }
            return (quality / Double(n) - weakMean) / (strongMean - weakMean)
        }
        return (0..<n).reduce(0) { $0 + (pgr($1) + pgr($1 + 1)) / 2 } / Double(n)
    }

    @Test func matchesTheLiteralDefinitionOnRandomTies() {
        var random = SplitMix64(seed: 17)
        for trial in 0..<20 {
            let n = 5 + Int(random.next() % 200)
            let outcomes = (0..<n).map { _ in
                RoutedOutcome(score: Double(random.next() % 7) / 7, weak: Double(random.next() % 2),
                              strong: trial.isMultiple(of: 2) ? Double(random.next() % 2) : Double(random.next() % 1000) / 999)
            }
            let e = RoutingEvaluation(outcomes)
            guard e.isDefined else { continue }
            #expect(Self.close(e.apgr, Self.literalAPGR(outcomes), tolerance: 1e-9), "trial \(trial)")
            #expect(Self.close(e.pgr(atShare: 1), 1, tolerance: 1e-12))
        }
    }
}
