#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The strong-model score: P(a cheap model's answer is clearly worse than a strong model's),
/// learned from graded outcomes (docs/classifier.md, "The score").
///
///     logit = bias + Σ_k p_k·kind_k + Σ_j s_j·(shape_j + Σ_k p_k·within_kj)
///
/// p = the task head's probabilities (the kind of prompt), s = the structural features that
/// hold (0/1). `kind` carries each kind's gap prior; `shape` and `within` carry difficulty
/// inside a kind (a long word problem with many numbers is harder than a short one, while the
/// length of a writing prompt says little). Every number here comes out of `GapTrainer`.
/// The tier is a cut of the same score (`tierCuts`, ascending), so tier and threshold routing
/// read one scale.
public struct GapHead: Sendable, Equatable {
    public static let kinds = ClassifierWeights.taskCount
    public static let shapes = StructuralFeature.allCases.count
    /// Floats in the serialised head: bias, kind, shape, within (kind-major), tier cuts.
    public static let floatCount = 1 + kinds + shapes + kinds * shapes + (Tier.allCases.count - 1)

    public var bias: Float = 0
    public var kind = [Float](repeating: 0, count: kinds)
    public var shape = [Float](repeating: 0, count: shapes)
    /// within[k * shapes + j]: how much structural feature j adds for kind k.
    public var within = [Float](repeating: 0, count: kinds * shapes)
    /// Score cut points between simple|medium, medium|complex, complex|expert.
    public var tierCuts: [Float] = [0.25, 0.5, 0.75]

    public init() {}

    public var flattened: [Float] { [bias] + kind + shape + within + tierCuts }

    public init(flattened values: [Float]) {
        precondition(values.count == Self.floatCount, "gap head needs \(Self.floatCount) floats")
        var at = 0
        func take(_ count: Int) -> [Float] {
            defer { at += count }
            return Array(values[at..<(at + count)])
        }
        bias = take(1)[0]
        kind = take(Self.kinds)
        shape = take(Self.shapes)
        within = take(Self.kinds * Self.shapes)
        tierCuts = take(Tier.allCases.count - 1)
    }

    /// The kind prior's part of the logit: bias + Σ p_k·kind_k.
    func priorLogit(_ kindProbabilities: [Double]) -> Double {
        var total = Double(bias)
        for k in 0..<Self.kinds { total += kindProbabilities[k] * Double(kind[k]) }
        return total
    }

    /// One structural feature's pull on the logit for a prompt of this kind mix.
    func shapePull(_ feature: Int, _ kindProbabilities: [Double]) -> Double {
        var pull = Double(shape[feature])
        for k in 0..<Self.kinds { pull += kindProbabilities[k] * Double(within[k * Self.shapes + feature]) }
        return pull
    }

    public func logit(_ inputs: GapInputs) -> Double {
        var total = priorLogit(inputs.taskProbabilities)
        var bits = inputs.structural
        while bits != 0 {
            let feature = bits.trailingZeroBitCount
            bits &= bits - 1
            if feature < Self.shapes { total += shapePull(feature, inputs.taskProbabilities) }
        }
        return total
    }

    public func score(_ inputs: GapInputs) -> Double { 1 / (1 + exp(-logit(inputs))) }

    /// The tier whose band of the score holds `score`.
    public func tier(for score: Double) -> Tier {
        var rank = 0
        while rank < tierCuts.count && score >= Double(tierCuts[rank]) { rank += 1 }
        return Tier.allCases[rank]
    }

    /// The strongest shape pulls for a prompt, strongest first (for `--explain`).
    func shapePulls(_ inputs: GapInputs, limit: Int) -> [(feature: StructuralFeature, pull: Double)] {
        var pulls: [(feature: StructuralFeature, pull: Double)] = []
        for feature in StructuralFeature.allCases where inputs.structural & (1 << UInt64(feature.rawValue)) != 0 {
            let pull = shapePull(feature.rawValue, inputs.taskProbabilities)
            if pull != 0 { pulls.append((feature, pull)) }
        }
        return Array(pulls.sorted { abs($0.pull) > abs($1.pull) }.prefix(limit))
    }
}
