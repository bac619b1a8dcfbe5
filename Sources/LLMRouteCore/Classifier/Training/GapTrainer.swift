#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Fits `GapHead` to graded outcomes: logistic regression on the soft target
/// (1 − weak) × strong, each source weighted equally (so the 1,400 science questions do not
/// outvote the 420 programming tasks), L2 on every weight but the bias, full-batch Adam with
/// a linearly decaying rate, examples visited in order: the same data give the same weights.
public struct GapTrainer: Sendable {
    public var l2 = 1e-3
    public var iterations = 800
    public var learningRate = 0.05

    public init() {}

    static let dimension = GapHead.kinds + GapHead.shapes + GapHead.kinds * GapHead.shapes

    /// The head's inputs as (index, value) pairs in the flattened weight order (after the bias).
    static func features(_ inputs: GapInputs) -> [(index: Int, value: Double)] {
        var result: [(index: Int, value: Double)] = []
        for k in 0..<GapHead.kinds { result.append((k, inputs.taskProbabilities[k])) }
        var bits = inputs.structural
        while bits != 0 {
            let feature = bits.trailingZeroBitCount
            bits &= bits - 1
            guard feature < GapHead.shapes else { continue }
            result.append((GapHead.kinds + feature, 1))
            for k in 0..<GapHead.kinds {
                result.append((GapHead.kinds + GapHead.shapes + k * GapHead.shapes + feature, inputs.taskProbabilities[k]))
            }
        }
        return result
    }

    /// Fits on `subset` of the examples (their inputs computed by the task head that ships).
    public func fit(inputs: [GapInputs], examples: [OutcomeExample], subset: [Int]) -> GapHead {
        var perSource: [String: Double] = [:]
        for index in subset { perSource[examples[index].source, default: 0] += 1 }
        let sourceCount = Double(perSource.count)
        let exampleWeight = subset.map { 1 / (perSource[examples[$0].source]! * sourceCount) }
        let rows = subset.map { Self.features(inputs[$0]) }
        let targets = subset.map { examples[$0].target }

        let meanTarget = zip(targets, exampleWeight).reduce(0) { $0 + $1.0 * $1.1 }
        var bias = log(meanTarget / (1 - meanTarget))
        var weights = [Double](repeating: 0, count: Self.dimension)
        var adam = DoubleAdam(count: Self.dimension + 1)
        var gradient = [Double](repeating: 0, count: Self.dimension + 1)
        for step in 0..<iterations {
            for index in gradient.indices { gradient[index] = 0 }
            for (row, features) in rows.enumerated() {
                var logit = bias
                for feature in features { logit += weights[feature.index] * feature.value }
                let residual = exampleWeight[row] * (1 / (1 + exp(-logit)) - targets[row])
                for feature in features { gradient[feature.index] += residual * feature.value }
                gradient[Self.dimension] += residual
            }
            for index in 0..<Self.dimension { gradient[index] += l2 * weights[index] }
            let rate = learningRate * (1 - Double(step) / Double(iterations))
            adam.step(gradient: gradient, learningRate: rate) { index, delta in
                if index == Self.dimension { bias -= delta } else { weights[index] -= delta }
            }
        }
        var head = GapHead()
        head.bias = Float(bias)
        let floats = weights.map { Float($0) }
        head.kind = Array(floats[0..<GapHead.kinds])
        head.shape = Array(floats[GapHead.kinds..<(GapHead.kinds + GapHead.shapes)])
        head.within = Array(floats[(GapHead.kinds + GapHead.shapes)...])
        return head
    }

    /// Tier cuts on the score, calibrated so that the share of prompts in each tier over a
    /// reference set of real prompts stays the share the labels gave (the LLM labeller's
    /// tiers, which users have seen): tiers keep their meaning as a ranking of need while the
    /// order comes from the score.
    public static func tierCuts(head: GapHead, reference: [GapInputs], labels: [Tier]) -> [Float] {
        let scores = reference.map { head.score($0) }.sorted()
        var cuts: [Float] = []
        var below = 0
        for tier in Tier.allCases.dropLast() {
            below += labels.filter { $0 == tier }.count
            let index = min(max(below, 0), scores.count - 1)
            // Midway between the last score below the cut and the first above it.
            let low = scores[max(index - 1, 0)], high = scores[index]
            cuts.append(Float((low + high) / 2))
        }
        return cuts
    }
}

/// Adam (Kingma & Ba) in double precision, for the small gap head.
struct DoubleAdam {
    var first: [Double]
    var second: [Double]
    var steps = 0
    init(count: Int) {
        first = [Double](repeating: 0, count: count)
        second = [Double](repeating: 0, count: count)
    }

    /// Calls `apply(index, delta)`; the caller subtracts delta from parameter `index`.
    mutating func step(gradient: [Double], learningRate: Double, apply: (Int, Double) -> Void) {
        steps += 1
        let correction1 = 1 - pow(0.9, Double(steps)), correction2 = 1 - pow(0.999, Double(steps))
        for index in gradient.indices {
            let g = gradient[index]
            first[index] = 0.9 * first[index] + 0.1 * g
            second[index] = 0.999 * second[index] + 0.001 * g * g
            apply(index, learningRate * (first[index] / correction1) / ((second[index] / correction2).squareRoot() + 1e-8))
        }
    }
}
