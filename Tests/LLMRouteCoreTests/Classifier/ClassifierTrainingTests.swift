import Testing
@testable import LLMRouteCore

/// The trainer: deterministic, and consistent with the shipped classifier's arithmetic.
@Suite struct ClassifierTrainingTests {
    /// A small labeled set with learnable signal (no shared data needed).
    static let data: [LabeledPrompt] = {
        let easy = [("What is the capital of ", "?"), ("Who wrote ", "?"), ("Define ", "."), ("How do you say ", " in French?")]
        let code = [("Write a Python function to sort ", "."), ("Fix this bug in ", ": ```x = 1;```"), ("Write a SQL query for ", ".")]
        let hard = [("Prove the theorem about ", " rigorously."), ("Design a distributed system for ", " with consensus.")]
        let topics = ["Spain", "Hamlet", "entropy", "cheese", "graphs", "orders", "matrices", "caching"]
        var prompts: [LabeledPrompt] = []
        for (index, topic) in topics.enumerated() {
            for template in easy {
                prompts.append(LabeledPrompt(id: "e\(prompts.count)", source: "test", prompt: template.0 + topic + template.1,
                                             tier: .simple, task: .simpleQA, difficulty: 1 + index % 2))
            }
            for template in code {
                prompts.append(LabeledPrompt(id: "c\(prompts.count)", source: "test", prompt: template.0 + topic + template.1,
                                             tier: .medium, task: .coding, difficulty: 3 + index % 2))
            }
            for template in hard {
                prompts.append(LabeledPrompt(id: "h\(prompts.count)", source: "test", prompt: template.0 + topic + template.1,
                                             tier: .expert, task: .reasoning, difficulty: 8 + index % 2))
            }
        }
        return prompts
    }()

    static var configuration: TrainingConfiguration {
        var configuration = TrainingConfiguration()
        configuration.features.hashBits = 10
        configuration.iterations = 40
        configuration.folds = 3
        return configuration
    }

    @Test func trainingTwiceGivesIdenticalBytes() {
        let first = ClassifierModelLayout.serialize(ClassifierTrainer.train(Self.data, configuration: Self.configuration))
        let second = ClassifierModelLayout.serialize(ClassifierTrainer.train(Self.data, configuration: Self.configuration))
        #expect(first == second)
    }

    @Test func trainedWeightsLearnTheSignal() {
        let classifier = LocalClassifier(weights: ClassifierTrainer.train(Self.data, configuration: Self.configuration))
        #expect(classifier.classify("What is the capital of Peru?").task == .simpleQA)
        #expect(classifier.classify("Write a SQL query for invoices.").task == .coding)
        // The difficulty head (LLM labels); the score head is fitted separately (GapTrainerTests).
        let easy = classifier.gapInputs("Who wrote Dune?")!.llmDifficulty
        let hard = classifier.gapInputs("Prove the theorem about primes rigorously.")!.llmDifficulty
        #expect(easy < hard)
    }

    @Test func classifierComputesWhatTheTrainerComputes() {
        // Cross-validation decodes the trainer's sparse sums; the shipped path adds int8 rows per
        // namespace. Both must give the same numbers, or the report would not describe the product.
        let weights = ClassifierModelLayout.roundTrip(ClassifierTrainer.train(Self.data, configuration: Self.configuration))
        let classifier = LocalClassifier(weights: weights)
        let prompts = Self.data.prefix(12).map(\.prompt) + ["Ünïcødé 解释 test with 42 numbers?"]
        let examples = SparseExamples(prompts: prompts, configuration: weights.features)
        weights.matrix.withUnsafeBufferPointer { matrix in
            var sums = [Float](repeating: 0, count: weights.columns.count)
            for (index, prompt) in prompts.enumerated() {
                examples.sums(example: index, matrix: matrix, columns: weights.columns.count, into: &sums)
                let shipped = classifier.columnSums(prompt)!
                for column in sums.indices { #expect(abs(sums[column] - shipped[column]) < 1e-4) }
            }
        }
    }

    @Test func crossValidationIsDeterministicAndStratified() {
        let first = ClassifierTrainer.crossValidate(Self.data, configuration: Self.configuration)
        let second = ClassifierTrainer.crossValidate(Self.data, configuration: Self.configuration)
        #expect(first.summary == second.summary)
        #expect(first.count == Self.data.count)
        let folds = StratifiedFolds.assign(Self.data, folds: 3, seed: 7)
        for fold in 0..<3 {
            let members = Self.data.indices.filter { folds[$0] == fold }
            #expect(Set(members.map { Self.data[$0].tier }).count == 3)
            #expect(abs(members.count - Self.data.count / 3) <= 1)
        }
    }

    @Test func spearmanHandlesTies() {
        #expect(abs(Metrics.spearman([1, 2, 3, 4], [10, 20, 30, 40]) - 1) < 1e-12)
        #expect(abs(Metrics.spearman([1, 2, 3, 4], [4, 3, 2, 1]) + 1) < 1e-12)
        #expect(Metrics.ranks([5, 1, 5, 2]) == [3.5, 1, 3.5, 2])
    }
}
