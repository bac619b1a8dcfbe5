#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Fits all heads of the classifier on a subset of examples by full-batch Adam on the convex
/// loss: class-weighted cross-entropy (tier/task softmax) or all-threshold logistic loss
/// (ordinal tier, difficulty) plus L2. Examples are visited in index order in one thread, so
/// the result is bit-for-bit reproducible.
struct LinearTrainer {
    let examples: SparseExamples
    let labels: [LabeledPrompt]
    let configuration: TrainingConfiguration

    func train(on subset: [Int]) -> ClassifierWeights {
        var weights = ClassifierWeights(features: configuration.features, tierHead: configuration.tierHead,
                                        scoreCut: configuration.scoreCut, trainingExamples: subset.count)
        let columns = weights.columns
        let columnCount = columns.count
        let tierWeights = classWeights(subset.map { labels[$0].tier.rank }, classes: ClassifierWeights.tierCount)
        let taskWeights = classWeights(subset.map { labels[$0].taskIndex }, classes: ClassifierWeights.taskCount)
        initialiseBiases(&weights, subset: subset)

        // Flat parameter vector: matrix, then tier bias, tier cuts, task bias, difficulty cuts.
        let matrixCount = weights.matrix.count
        var parameters = weights.matrix + weights.tierBias + weights.tierCuts + weights.taskBias + weights.difficultyCuts
        let tierBiasAt = matrixCount, tierCutsAt = tierBiasAt + 4, taskBiasAt = tierCutsAt + 3, difficultyCutsAt = taskBiasAt + 6
        var gradient = [Float](repeating: 0, count: parameters.count)
        var adam = AdamState(count: parameters.count)
        var columnL2 = [Float](repeating: configuration.taskL2, count: columnCount)
        for column in columns.tier { columnL2[column] = configuration.tierL2 }
        columnL2[columns.difficulty] = configuration.difficultyL2

        let tierTotal = subset.reduce(Float(0)) { $0 + tierWeights[labels[$1].tier.rank] }
        let taskTotal = subset.reduce(Float(0)) { $0 + taskWeights[labels[$1].taskIndex] }
        let exampleTotal = Float(subset.count)
        var sums = [Float](repeating: 0, count: columnCount)
        var delta = [Float](repeating: 0, count: columnCount)

        for step in 0..<configuration.iterations {
            for index in gradient.indices { gradient[index] = 0 }
            parameters.withUnsafeBufferPointer { theta in
                gradient.withUnsafeMutableBufferPointer { grad in
                    let matrix = UnsafeBufferPointer(rebasing: theta[0..<matrixCount])
                    for example in subset {
                        let label = labels[example]
                        examples.sums(example: example, matrix: matrix, columns: columnCount, into: &sums)
                        for column in 0..<columnCount { delta[column] = 0 }
                        // Tier head.
                        let tierWeight = tierWeights[label.tier.rank] / tierTotal
                        if !columns.tierSoftmax.isEmpty {
                            softmaxDelta(sums: sums, columns: columns.tierSoftmax, bias: theta, biasAt: tierBiasAt,
                                         target: label.tier.rank, weight: tierWeight, delta: &delta, biasGradient: grad)
                        }
                        if let ordinal = columns.tierOrdinal {
                            ordinalDelta(score: sums[ordinal], column: ordinal,
                                         cuts: theta, cutsAt: tierCutsAt, cutCount: 3, target: label.tier.rank,
                                         weight: tierWeight, delta: &delta, cutGradient: grad)
                        }
                        softmaxDelta(sums: sums, columns: columns.task, bias: theta, biasAt: taskBiasAt,
                                     target: label.taskIndex, weight: taskWeights[label.taskIndex] / taskTotal,
                                     delta: &delta, biasGradient: grad)
                        ordinalDelta(score: sums[columns.difficulty], column: columns.difficulty,
                                     cuts: theta, cutsAt: difficultyCutsAt, cutCount: 9, target: label.difficulty - 1,
                                     weight: 1 / exampleTotal, delta: &delta, cutGradient: grad)
                        for entry in examples.rowStarts[example]..<examples.rowStarts[example + 1] {
                            let base = Int(examples.featureRows[entry]) * columnCount
                            let value = examples.values[entry]
                            for column in 0..<columnCount { grad[base + column] += value * delta[column] }
                        }
                    }
                    for index in 0..<matrixCount { grad[index] += columnL2[index % columnCount] * theta[index] }
                }
            }
            let rate = configuration.learningRate * (1 - Float(step) / Float(configuration.iterations))
            adam.step(parameters: &parameters, gradient: gradient, learningRate: rate)
        }

        weights.matrix = Array(parameters[0..<matrixCount])
        weights.tierBias = Array(parameters[tierBiasAt..<tierCutsAt])
        weights.tierCuts = Array(parameters[tierCutsAt..<taskBiasAt])
        weights.taskBias = Array(parameters[taskBiasAt..<difficultyCutsAt])
        weights.difficultyCuts = Array(parameters[difficultyCutsAt...])
        return weights
    }

    /// (n / (classes × n_k))^power, with absent classes weighted 0.
    func classWeights(_ classes: [Int], classes count: Int) -> [Float] {
        var counts = [Float](repeating: 0, count: count)
        for label in classes { counts[label] += 1 }
        let total = Float(classes.count)
        return counts.map { $0 == 0 ? 0 : powf(total / (Float(count) * $0), configuration.classWeightPower) }
    }

    /// Biases at the label priors and cut points at the prior odds, so training starts from the
    /// "know nothing" model rather than from all-equal.
    func initialiseBiases(_ weights: inout ClassifierWeights, subset: [Int]) {
        let total = Float(subset.count)
        var tiers = [Float](repeating: 0.5, count: ClassifierWeights.tierCount)
        var tasks = [Float](repeating: 0.5, count: ClassifierWeights.taskCount)
        var difficulties = [Float](repeating: 0.5, count: 10)
        for example in subset {
            tiers[labels[example].tier.rank] += 1
            tasks[labels[example].taskIndex] += 1
            difficulties[labels[example].difficulty - 1] += 1
        }
        weights.tierBias = tiers.map { logf($0 / total) }
        weights.taskBias = tasks.map { logf($0 / total) }
        weights.tierCuts = cuts(from: tiers)
        weights.difficultyCuts = cuts(from: difficulties)
    }

    /// θ_k with σ(−θ_k) = P(label > k).
    private func cuts(from counts: [Float]) -> [Float] {
        let total = counts.reduce(0, +)
        var above = total
        return (0..<(counts.count - 1)).map { k in
            above -= counts[k]
            let share = min(max(above / total, 1e-4), 1 - 1e-4)
            return -logf(share / (1 - share))
        }
    }
}

/// Gradient pieces of the two loss shapes, written into `delta` (d loss / d column sum).
@inline(__always)
private func softmaxDelta(sums: [Float], columns: Range<Int>, bias: UnsafeBufferPointer<Float>, biasAt: Int,
                          target: Int, weight: Float, delta: inout [Float], biasGradient: UnsafeMutableBufferPointer<Float>) {
    var top = -Float.infinity
    for (k, column) in columns.enumerated() { top = max(top, sums[column] + bias[biasAt + k]) }
    var total: Float = 0
    var exps = [Float](repeating: 0, count: columns.count)
    for (k, column) in columns.enumerated() {
        exps[k] = expf(sums[column] + bias[biasAt + k] - top)
        total += exps[k]
    }
    for (k, column) in columns.enumerated() {
        let g = weight * (exps[k] / total - (k == target ? 1 : 0))
        delta[column] += g
        biasGradient[biasAt + k] += g
    }
}

/// All-threshold ordinal loss: one logistic loss per cut k on "label > k".
@inline(__always)
private func ordinalDelta(score: Float, column: Int, cuts: UnsafeBufferPointer<Float>, cutsAt: Int, cutCount: Int,
                          target: Int, weight: Float, delta: inout [Float], cutGradient: UnsafeMutableBufferPointer<Float>) {
    for k in 0..<cutCount {
        let p = 1 / (1 + expf(-(score - cuts[cutsAt + k])))
        let g = weight * (p - (target > k ? 1 : 0))
        delta[column] += g
        cutGradient[cutsAt + k] -= g
    }
}

/// Adam (Kingma & Ba) with bias correction.
struct AdamState {
    var first: [Float]
    var second: [Float]
    var steps = 0
    init(count: Int) {
        first = [Float](repeating: 0, count: count)
        second = [Float](repeating: 0, count: count)
    }

    mutating func step(parameters: inout [Float], gradient: [Float], learningRate: Float) {
        steps += 1
        let beta1: Float = 0.9, beta2: Float = 0.999
        let correction1 = 1 - powf(beta1, Float(steps)), correction2 = 1 - powf(beta2, Float(steps))
        for index in parameters.indices {
            let g = gradient[index]
            first[index] = beta1 * first[index] + (1 - beta1) * g
            second[index] = beta2 * second[index] + (1 - beta2) * g * g
            let mHat = first[index] / correction1, vHat = second[index] / correction2
            parameters[index] -= learningRate * mHat / (vHat.squareRoot() + 1e-8)
        }
    }
}
