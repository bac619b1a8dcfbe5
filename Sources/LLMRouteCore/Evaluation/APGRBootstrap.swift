/// A percentile bootstrap interval of APGR: how much it could move on another sample of
/// prompts like these.
///
/// Each resample draws n prompts with replacement. Drawing a prompt k times is the same as
/// giving it weight k, and the sorted order of a resample is the original sorted order, so a
/// resample costs O(n) (count the draws, then sum each tie group) instead of a sort.
/// Deterministic: the draws come from SplitMix64 seeded with `seed`, so the same file, seed and
/// resample count give the same interval on every machine.
public struct APGRBootstrap: Sendable, Equatable {
    public var resamples: Int
    /// Resamples whose APGR is defined (a resample can, rarely, have equal means; it is dropped).
    public var used: Int
    public var seed: UInt64
    /// 0.95: the 2.5th and 97.5th percentiles.
    public var level: Double
    /// Nil when no resample was usable.
    public var low: Double?
    public var high: Double?

    public static let defaultSeed: UInt64 = 1

    public init(_ evaluation: RoutingEvaluation, resamples: Int, seed: UInt64 = defaultSeed, level: Double = 0.95) {
        self.resamples = resamples
        self.seed = seed
        self.level = level
        let n = evaluation.count
        var values: [Double] = []
        if n > 0 {
            values.reserveCapacity(resamples)
            var random = SplitMix64(seed: seed)
            var counts = [UInt32](repeating: 0, count: n)
            for _ in 0..<max(resamples, 0) {
                for index in counts.indices { counts[index] = 0 }
                for _ in 0..<n {
                    // Lemire's multiply-high: an index in 0..<n without the bias of `% n`.
                    counts[Int(random.next().multipliedFullWidth(by: UInt64(n)).high)] += 1
                }
                let groups = RoutingEvaluation.groups(gains: evaluation.sortedGains, ends: evaluation.groupEnds, weights: counts)
                if let apgr = RoutingEvaluation.area(groups) { values.append(apgr) }
            }
        }
        used = values.count
        values.sort()
        let tail = (1 - level) / 2
        low = Self.percentile(values, tail)
        high = Self.percentile(values, 1 - tail)
    }

    /// The q-quantile of sorted values, linearly interpolated between order statistics (NumPy's
    /// default, "type 7"), so the figures can be checked against a Python one-liner.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + fraction * (sorted[above] - sorted[below])
    }
}
