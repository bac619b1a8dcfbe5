#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the heads say about one prompt, before it becomes a `Classification`.
struct HeadOutputs: Sendable {
    var tierProbabilities: [Double]
    var taskProbabilities: [Double]
    /// The difficulty head's ordinal score (higher = harder); monotone in `score`.
    var difficultyScore: Double
    /// P(LLM difficulty ≥ scoreCut): what the LLM labeller would say (reports only).
    var llmScore: Double
    /// 1 + Σ P(difficulty ≥ d): the expected 1–10 difficulty by the LLM labels.
    var expectedDifficulty: Double
    /// The tier head's call, imitating the LLM labels (reports only; routing uses `tier`).
    var labelTier: Tier
    var task: TaskKind
    /// The strong-model score (`GapHead`): P(a cheap model's answer is clearly worse).
    var score: Double
    /// Its kind-prior part, as a logit (for reasons).
    var priorLogit: Double
    /// The tier: a cut of `score`.
    var tier: Tier
    var gapInputs: GapInputs
}

/// Turns a prompt's per-column sums (feature values × weights) into probabilities and labels.
/// Shared by the shipped classifier and the trainer's cross-validation, so the reported numbers
/// are those of the code that ships.
enum ClassifierDecoding {
    @inline(__always)
    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    static func softmax(_ logits: [Double]) -> [Double] {
        let top = logits.max() ?? 0
        let exps = logits.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }

    /// P(label = k) from an ordinal score and ascending cut points: P(≥ k) − P(≥ k + 1).
    static func ordinalProbabilities(score: Double, cuts: [Float]) -> [Double] {
        var atLeast = [1.0] + cuts.map { sigmoid(score - Double($0)) } + [0.0]
        // Cuts are learned separately; keep P(≥ k) non-increasing so probabilities stay ≥ 0.
        for index in 1..<atLeast.count { atLeast[index] = min(atLeast[index], atLeast[index - 1]) }
        return (0..<(atLeast.count - 1)).map { atLeast[$0] - atLeast[$0 + 1] }
    }

    static func decode(sums: [Float], structural: UInt64, weights: ClassifierWeights) -> HeadOutputs {
        let columns = weights.columns
        var tierProbabilities = [Double](repeating: 0, count: ClassifierWeights.tierCount)
        var heads = 0.0
        if !columns.tierSoftmax.isEmpty {
            let probabilities = softmax(columns.tierSoftmax.map { Double(sums[$0]) + Double(weights.tierBias[$0]) })
            for k in tierProbabilities.indices { tierProbabilities[k] += probabilities[k] }
            heads += 1
        }
        if let ordinal = columns.tierOrdinal {
            let probabilities = ordinalProbabilities(score: Double(sums[ordinal]), cuts: weights.tierCuts)
            for k in tierProbabilities.indices { tierProbabilities[k] += probabilities[k] }
            heads += 1
        }
        tierProbabilities = tierProbabilities.map { $0 / heads }
        let taskProbabilities = softmax(columns.task.enumerated().map {
            Double(sums[$0.element]) + Double(weights.taskBias[$0.offset])
        })
        let difficultyScore = Double(sums[columns.difficulty])
        var expected = 1.0
        for cut in weights.difficultyCuts { expected += sigmoid(difficultyScore - Double(cut)) }
        let cutIndex = min(max(weights.scoreCut - 2, 0), ClassifierWeights.difficultyCutCount - 1)
        let llmScore = sigmoid(difficultyScore - Double(weights.difficultyCuts[cutIndex]))
        let inputs = GapInputs(taskProbabilities: taskProbabilities, structural: structural, llmDifficulty: difficultyScore)
        let score = weights.gap.score(inputs)
        return HeadOutputs(
            tierProbabilities: tierProbabilities, taskProbabilities: taskProbabilities,
            difficultyScore: difficultyScore, llmScore: llmScore, expectedDifficulty: expected,
            labelTier: Tier.allCases[argmax(tierProbabilities)], task: TaskKind.allCases[argmax(taskProbabilities)],
            score: score, priorLogit: weights.gap.priorLogit(taskProbabilities), tier: weights.gap.tier(for: score),
            gapInputs: inputs)
    }

    static func argmax(_ values: [Double]) -> Int {
        var best = 0
        for index in values.indices where values[index] > values[best] { best = index }
        return best
    }
}
