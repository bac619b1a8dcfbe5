/// One prompt of an outcome file: the router's score (higher: more in need of the strong model)
/// and how well each model did on it (correctness 0/1 or a judge's score).
public struct RoutedOutcome: Sendable, Equatable {
    public var score: Double
    public var weak: Double
    public var strong: Double

    public init(score: Double, weak: Double, strong: Double) {
        self.score = score
        self.weak = weak
        self.strong = strong
    }
}

/// How well a score routes between a weak and a strong model, as RouteLLM measures it.
///
/// Prompts are sorted by score, highest first, and the top k go to the strong model
/// (k = 0…n). quality(k) is the mean, over all prompts, of the strong model's value for routed
/// prompts and the weak model's for the rest; PGR(k) (performance gap recovered) is
/// (quality(k) − weak mean) / (strong mean − weak mean). APGR is the area under PGR against the
/// strong share k/n, by the trapezoid rule. A random router's curve is the diagonal (APGR 0.5).
///
/// Equal scores form a group that a threshold cannot split, so a cut inside a group is read as
/// the expected value over random tie-breaking: each prompt of the group is strong with
/// probability (taken)/(group size). That makes PGR linear inside a group, so the whole curve is
/// piecewise linear with a knot at each group boundary: the integer-step trapezoid sum equals the
/// exact area under those knots, which is how it is computed here (O(groups), not O(n²)).
public struct RoutingEvaluation: Sendable {
    /// A point of the curve: a strong share (0–1) and the mean gain over always-weak there.
    public struct Knot: Sendable, Equatable {
        public var share: Double
        /// quality(share) − weak mean.
        public var gain: Double
    }

    public let count: Int
    public let weakMean: Double
    public let strongMean: Double
    /// Mean of (strong − weak) per prompt: what always-strong gains over always-weak. Summed
    /// per prompt rather than as a difference of the two means, so it is exact when it is zero.
    public let gap: Double
    /// False when the two models' means are equal (within rounding): PGR divides by the gap, so
    /// it is undefined then and `apgr` is nil.
    public let isDefined: Bool
    /// The exact curve: (0, 0), then one knot after each group of equal scores.
    public let knots: [Knot]
    /// Nil when `isDefined` is false.
    public let apgr: Double?

    /// Scores, highest first (thresholds read them).
    let sortedScores: [Double]
    /// strong − weak per prompt, in `sortedScores` order (the bootstrap reweights them).
    let sortedGains: [Double]
    /// End offset of each group of equal scores in the sorted order.
    let groupEnds: [Int]

    public init(_ outcomes: [RoutedOutcome]) {
        // A stable sort keeps input order within ties, so runs are reproducible; the order
        // within a group does not change any result.
        let sorted = outcomes.enumerated().sorted { a, b in
            a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
        }.map(\.element)
        count = sorted.count
        sortedScores = sorted.map(\.score)
        sortedGains = sorted.map { $0.strong - $0.weak }
        var ends: [Int] = []
        for index in sorted.indices where index + 1 == sorted.count || sorted[index + 1].score != sorted[index].score {
            ends.append(index + 1)
        }
        groupEnds = ends
        let n = Double(max(count, 1))
        weakMean = sorted.reduce(0) { $0 + $1.weak } / n
        strongMean = sorted.reduce(0) { $0 + $1.strong } / n

        let groups = Self.groups(gains: sortedGains, ends: ends, weights: nil)
        var knots = [Knot(share: 0, gain: 0)]
        var taken = 0.0, gained = 0.0
        for group in groups {
            taken += group.weight
            gained += group.gain
            knots.append(Knot(share: taken / n, gain: gained / n))
        }
        self.knots = knots
        gap = gained / n
        let area = Self.area(groups)
        isDefined = area != nil
        apgr = area
    }

    /// A group's prompt count (or resampled weight) and summed gain.
    struct Group {
        var weight: Double
        var gain: Double
        var absoluteGain: Double
    }

    /// Groups of equal scores; `weights` counts each sorted prompt that many times (bootstrap).
    static func groups(gains: [Double], ends: [Int], weights: [UInt32]?) -> [Group] {
        var groups: [Group] = []
        groups.reserveCapacity(ends.count)
        var start = 0
        for end in ends {
            var group = Group(weight: 0, gain: 0, absoluteGain: 0)
            for index in start..<end {
                let w = weights.map { Double($0[index]) } ?? 1
                group.weight += w
                group.gain += w * gains[index]
                group.absoluteGain += w * abs(gains[index])
            }
            if group.weight > 0 { groups.append(group) }
            start = end
        }
        return groups
    }

    /// APGR from groups in score order: each group spans weight/N of the strong share, over which
    /// PGR rises linearly from the cumulative gain before it to the one after it.
    /// Nil when the total gain is zero, to rounding (relative to the summed size of the gains).
    static func area(_ groups: [Group]) -> Double? {
        let total = groups.reduce(0) { $0 + $1.weight }
        let totalGain = groups.reduce(0) { $0 + $1.gain }
        let scale = groups.reduce(0) { $0 + $1.absoluteGain }
        guard total > 0, abs(totalGain) > 1e-12 * scale else { return nil }
        var area = 0.0, before = 0.0
        for group in groups {
            let after = before + group.gain
            area += group.weight * (before + after) / 2
            before = after
        }
        return area / (total * totalGain)
    }

    /// PGR at a strong share (0–1), on the piecewise-linear curve; nil when undefined.
    public func pgr(atShare share: Double) -> Double? {
        guard isDefined else { return nil }
        return gain(atShare: share) / gap
    }

    /// PGR at each knot, for drawing; empty when undefined.
    public var pgrKnots: [(share: Double, pgr: Double)] {
        guard isDefined else { return [] }
        return knots.map { ($0.share, $0.gain / gap) }
    }

    /// The smallest strong share at which PGR reaches `target` (e.g. 0.8 for 80% of the gap).
    /// PGR is 1 at share 1 by definition, so any target ≤ 1 is reached; nil above 1 or when undefined.
    public func shareReaching(_ target: Double) -> Double? {
        guard isDefined else { return nil }
        var previous = knots[0]
        if previous.gain / gap >= target { return 0 }
        for knot in knots.dropFirst() {
            let p0 = previous.gain / gap, p1 = knot.gain / gap
            if p1 >= target {
                return previous.share + (target - p0) / (p1 - p0) * (knot.share - previous.share)
            }
            previous = knot
        }
        return nil
    }

    /// The score cut `route --calibrate --strong-share share` would choose on these scores
    /// (score ≥ threshold goes strong); nil when the share rounds to no prompt at all, since no
    /// cut below 1 is then right for scores that are not probabilities.
    public func threshold(forShare share: Double) -> Double? {
        guard count > 0, (min(max(share, 0), 1) * Double(count)).rounded() >= 1 else { return nil }
        return ThresholdCalibration.threshold(scores: sortedScores, strongShare: share)
    }

    /// Lowest and highest PGR of the curve (its extremes are at knots).
    public var pgrRange: ClosedRange<Double>? {
        let values = pgrKnots.map(\.pgr)
        guard let low = values.min(), let high = values.max() else { return nil }
        return low...high
    }

    private func gain(atShare share: Double) -> Double {
        let s = min(max(share, 0), 1)
        // Binary search for the first knot at or after s.
        var low = 0, high = knots.count - 1
        while low < high {
            let middle = (low + high) / 2
            if knots[middle].share < s { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return knots[0].gain }
        let a = knots[low - 1], b = knots[low]
        guard b.share > a.share else { return b.gain }
        return a.gain + (s - a.share) / (b.share - a.share) * (b.gain - a.gain)
    }
}
