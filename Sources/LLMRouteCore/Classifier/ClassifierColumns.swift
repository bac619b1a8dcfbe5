/// How the tier is read from the weights.
public enum TierHeadKind: UInt32, Sendable {
    /// One logit per tier (multinomial logistic regression).
    case softmax = 0
    /// One ordinal score and three cut points (all-threshold ordinal regression): uses the
    /// order simple < medium < complex < expert, so mistakes tend to land on a neighbour.
    case ordinal = 1
    /// Both, with their probabilities averaged: the softmax is better at the exact tier, the
    /// ordinal head at staying within one tier; the average measured better than either.
    case blend = 2
}

/// Which columns of a weight row feed which head.
public struct ClassifierColumns: Sendable, Equatable {
    public let tierHead: TierHeadKind
    public var tier: Range<Int> {
        switch tierHead {
        case .softmax: 0..<ClassifierWeights.tierCount
        case .ordinal: 0..<1
        case .blend: 0..<(ClassifierWeights.tierCount + 1)
        }
    }
    /// The softmax tier logits' columns (empty for `.ordinal`).
    public var tierSoftmax: Range<Int> { tierHead == .ordinal ? 0..<0 : 0..<ClassifierWeights.tierCount }
    /// The ordinal tier score's column, if any.
    public var tierOrdinal: Int? { tierHead == .softmax ? nil : tier.upperBound - 1 }
    public var task: Range<Int> { tier.upperBound..<(tier.upperBound + ClassifierWeights.taskCount) }
    public var difficulty: Int { task.upperBound }
    public var count: Int { difficulty + 1 }
}
