/// How many tokens an answer is likely to take, by tier and task, instead of the sketch's fixed 500.
///
/// The defaults are our own judgment (no public source measures this per tier): a one-line fact
/// is ~100 tokens, an explained answer a few hundred, a program or a worked proof well over a
/// thousand. They only steer cost estimates; `[routing.output_tokens]` and `--output-tokens`
/// override them, and `ask` accounts the real usage afterwards.
public struct OutputTokenEstimator: Sendable, Equatable {
    public var byTier: [Tier: Int]
    public var taskFactor: [TaskKind: Double]

    public static let defaults = OutputTokenEstimator(
        byTier: [.simple: 150, .medium: 400, .complex: 900, .expert: 1500],
        taskFactor: [
            .coding: 1.5, .reasoning: 1.3, .simpleQA: 0.5,
            .creative: 1.2, .analysis: 1.0, .summarization: 0.6,
        ])

    public func estimate(tier: Tier, task: TaskKind) -> Int {
        let base = Double(byTier[tier] ?? 500)
        return max(1, Int((base * (taskFactor[task] ?? 1)).rounded()))
    }

    public func applying(_ routing: RoutingSettings) -> OutputTokenEstimator {
        var result = self
        for (tier, tokens) in routing.outputTokens { result.byTier[tier] = tokens }
        return result
    }
}
