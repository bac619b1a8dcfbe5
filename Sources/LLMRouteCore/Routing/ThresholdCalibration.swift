/// RouteLLM-style calibration: the score threshold that sends a chosen share of prompts to the
/// strong model (`score >= threshold` is strong).
public enum ThresholdCalibration {
    /// With `k = round(share × n)` prompts meant for the strong model, the threshold sits halfway
    /// between the k-th and (k+1)-th highest scores, so exactly k are strong when those two
    /// differ. Tied scores go together (all strong), so a share can be exceeded on ties.
    /// No scores: the policy default 0.5. Share 0: just above the top score (capped at 1).
    public static func threshold(scores: [Double], strongShare: Double) -> Double {
        let sorted = scores.filter { $0.isFinite }.sorted(by: >)
        guard !sorted.isEmpty else { return 0.5 }
        let share = min(max(strongShare, 0), 1)
        let strongCount = Int((share * Double(sorted.count)).rounded())
        if strongCount == 0 { return min(1, sorted[0] + 1e-6) }
        if strongCount >= sorted.count { return sorted[sorted.count - 1] }
        return (sorted[strongCount - 1] + sorted[strongCount]) / 2
    }

    /// The share of scores at or above a threshold.
    public static func strongShare(scores: [Double], threshold: Double) -> Double {
        guard !scores.isEmpty else { return 0 }
        return Double(scores.filter { $0 >= threshold }.count) / Double(scores.count)
    }
}
