/// Agreement of held-out predictions with the labels, as printed by `llmroute-train`.
public struct CrossValidationReport: Sendable {
    public let folds: Int
    /// The held-out prediction for each prompt, in data order.
    public let predictions: [ClassifierTrainer.Prediction]
    public let count: Int
    public let tierExact: Double
    public let tierWithinOne: Double
    public let tierMacroF1: Double
    public let tierRecall: [Double]
    public let tierPrecision: [Double]
    public let tierConfusion: [[Int]]
    public let taskExact: Double
    public let taskMacroF1: Double
    public let taskRecall: [Double]
    public let taskPrecision: [Double]
    /// Spearman rank correlation of `score` with the 1–10 difficulty label.
    public let scoreSpearman: Double
    /// Mean absolute error of the expected difficulty.
    public let difficultyMAE: Double
    /// Per data source: (source, count, tier exact, task exact).
    public let bySource: [(source: String, count: Int, tierExact: Double, taskExact: Double)]

    init(data: [LabeledPrompt], predictions: [ClassifierTrainer.Prediction], folds: Int) {
        self.folds = folds
        self.predictions = predictions
        count = data.count
        let tierTruth = data.map(\.tier.rank), tierGuess = predictions.map(\.tier.rank)
        let taskTruth = data.map(\.taskIndex)
        let taskGuess = predictions.map { TaskKind.allCases.firstIndex(of: $0.task)! }
        tierExact = Metrics.accuracy(tierTruth, tierGuess)
        tierWithinOne = Double(zip(tierTruth, tierGuess).filter { abs($0 - $1) <= 1 }.count) / Double(max(count, 1))
        let tierStats = Metrics.perClass(tierTruth, tierGuess, classes: Tier.allCases.count)
        tierRecall = tierStats.recall
        tierPrecision = tierStats.precision
        tierMacroF1 = tierStats.macroF1
        tierConfusion = Metrics.confusion(tierTruth, tierGuess, classes: Tier.allCases.count)
        taskExact = Metrics.accuracy(taskTruth, taskGuess)
        let taskStats = Metrics.perClass(taskTruth, taskGuess, classes: TaskKind.allCases.count)
        taskRecall = taskStats.recall
        taskPrecision = taskStats.precision
        taskMacroF1 = taskStats.macroF1
        scoreSpearman = Metrics.spearman(predictions.map(\.score), data.map { Double($0.difficulty) })
        difficultyMAE = zip(predictions, data).reduce(0) { $0 + abs($1.0.expectedDifficulty - Double($1.1.difficulty)) } / Double(max(count, 1))
        var sources: [String: [Int]] = [:]
        for (index, example) in data.enumerated() { sources[example.source, default: []].append(index) }
        bySource = sources.keys.sorted().map { source in
            let members = sources[source]!
            return (source, members.count,
                    Metrics.accuracy(members.map { tierTruth[$0] }, members.map { tierGuess[$0] }),
                    Metrics.accuracy(members.map { taskTruth[$0] }, members.map { taskGuess[$0] }))
        }
    }

    /// One line with the headline numbers (for comparing variants).
    public var summary: String {
        "tier \(f(tierExact)) within-one \(f(tierWithinOne)) macro-F1 \(f(tierMacroF1)) | task \(f(taskExact)) macro-F1 \(f(taskMacroF1)) | spearman \(f(scoreSpearman)) MAE \(f(difficultyMAE))"
    }

    /// The full human-readable report.
    public var text: String {
        var lines: [String] = []
        lines.append(folds > 0 ? "\(folds)-fold stratified cross-validation on \(count) prompts" : "evaluation on \(count) prompts")
        lines.append("tier: exact \(f(tierExact)), within one tier \(f(tierWithinOne)), macro-F1 \(f(tierMacroF1))")
        for (index, tier) in Tier.allCases.enumerated() {
            lines.append("  \(pad(tier.rawValue, 14)) recall \(f(tierRecall[index]))  precision \(f(tierPrecision[index]))  n=\(tierConfusion[index].reduce(0, +))")
        }
        lines.append("  confusion (rows = label, columns = predicted simple/medium/complex/expert):")
        for (index, tier) in Tier.allCases.enumerated() {
            lines.append("    \(pad(tier.rawValue, 8)) " + tierConfusion[index].map { pad(String($0), 5, left: true) }.joined())
        }
        lines.append("task: exact \(f(taskExact)), macro-F1 \(f(taskMacroF1))")
        for (index, task) in TaskKind.allCases.enumerated() {
            lines.append("  \(pad(task.rawValue, 14)) recall \(f(taskRecall[index]))  precision \(f(taskPrecision[index]))")
        }
        lines.append("score: Spearman with difficulty \(f(scoreSpearman)); expected-difficulty MAE \(f(difficultyMAE))")
        lines.append("by source (tier exact / task exact):")
        for row in bySource {
            lines.append("  \(pad(row.source, 24)) n=\(pad(String(row.count), 4)) \(f(row.tierExact)) / \(f(row.taskExact))")
        }
        return lines.joined(separator: "\n")
    }

    private func f(_ value: Double) -> String { ClassifierExplanation.format(value, digits: 3) }
    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? padding + text : text + padding
    }
}
