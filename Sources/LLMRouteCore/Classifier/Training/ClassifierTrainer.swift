/// Training entry points used by `llmroute-train` and the tests.
public enum ClassifierTrainer {
    /// Trains on every example.
    public static func train(_ data: [LabeledPrompt], configuration: TrainingConfiguration) -> ClassifierWeights {
        let examples = SparseExamples(prompts: data.map(\.prompt), configuration: configuration.features)
        return LinearTrainer(examples: examples, labels: data, configuration: configuration).train(on: Array(data.indices))
    }

    /// Stratified k-fold cross-validation: each prompt is predicted by a model that never saw it.
    public static func crossValidate(_ data: [LabeledPrompt], configuration: TrainingConfiguration) -> CrossValidationReport {
        let examples = SparseExamples(prompts: data.map(\.prompt), configuration: configuration.features)
        let trainer = LinearTrainer(examples: examples, labels: data, configuration: configuration)
        let folds = StratifiedFolds.assign(data, folds: configuration.folds, seed: configuration.foldSeed)
        var predictions = [Prediction?](repeating: nil, count: data.count)
        for fold in 0..<configuration.folds {
            let trainingSet = data.indices.filter { folds[$0] != fold }
            // Evaluated as shipped: int8-quantised.
            let weights = ClassifierModelLayout.roundTrip(trainer.train(on: trainingSet))
            weights.matrix.withUnsafeBufferPointer { matrix in
                var sums = [Float](repeating: 0, count: weights.columns.count)
                for example in data.indices where folds[example] == fold {
                    examples.sums(example: example, matrix: matrix, columns: weights.columns.count, into: &sums)
                    // This report is about imitating the LLM labels, so it reads the label heads.
                    let outputs = ClassifierDecoding.decode(sums: sums, structural: 0, weights: weights)
                    predictions[example] = Prediction(tier: outputs.labelTier, task: outputs.task, score: outputs.llmScore,
                                                      expectedDifficulty: outputs.expectedDifficulty,
                                                      tierProbabilities: outputs.tierProbabilities,
                                                      taskProbabilities: outputs.taskProbabilities,
                                                      difficultyScore: outputs.difficultyScore)
                }
            }
        }
        return CrossValidationReport(data: data, predictions: predictions.map { $0! }, folds: configuration.folds)
    }

    /// Scores a fixed classifier (e.g. the heuristic baseline) on the data, for comparison.
    public static func evaluate(_ classifier: some PromptClassifier, on data: [LabeledPrompt]) -> CrossValidationReport {
        let predictions = data.map { example in
            let result = classifier.classify(example.prompt)
            return Prediction(tier: result.tier, task: result.task, score: result.score, expectedDifficulty: result.score * 9 + 1,
                              tierProbabilities: [], taskProbabilities: [], difficultyScore: result.score)
        }
        return CrossValidationReport(data: data, predictions: predictions, folds: 0)
    }

    /// A prediction for one held-out prompt.
    public struct Prediction: Sendable {
        public var tier: Tier
        public var task: TaskKind
        public var score: Double
        public var expectedDifficulty: Double
        public var tierProbabilities: [Double]
        public var taskProbabilities: [Double]
        public var difficultyScore: Double
    }
}
