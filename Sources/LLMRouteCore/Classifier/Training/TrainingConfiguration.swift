/// Everything that determines a training run besides the data. Training is a deterministic
/// function of (data, configuration): no randomness except the seeded fold split.
public struct TrainingConfiguration: Sendable, Equatable {
    public var features = FeatureConfiguration()
    public var tierHead = TierHeadKind.blend
    /// "Strong model needed" = difficulty ≥ scoreCut (the score is that probability).
    public var scoreCut = 5
    /// Full-batch Adam steps; the learning rate decays linearly to zero over them.
    public var iterations = 300
    public var learningRate: Float = 0.05
    /// L2 penalty on each head's weights (biases and cut points are not penalised). The task
    /// head does best nearly unpenalised (the fixed step count already stops it early); tier
    /// and difficulty labels are noisier and want more (see docs/classifier.md for the sweep).
    public var tierL2: Float = 1e-3
    public var taskL2: Float = 1e-5
    public var difficultyL2: Float = 1e-3
    /// Class weight = (n / (classes × n_class))^power: 0 = none, 1 = fully balanced. Between
    /// the two trades exact agreement for recall on rare classes (expert, summarization).
    public var classWeightPower: Float = 0.5
    /// Cross-validation folds (stratified by tier × task) and the seed of their split.
    public var folds = 5
    public var foldSeed: UInt64 = 20_241_127

    public init() {}
}
