/// A trained model in memory: what `llmroute-train` produces and serialises into
/// `classifier.bin`. The shipped classifier reads the same numbers in place (`ClassifierModel`).
public struct ClassifierWeights: Sendable, Equatable {
    public static let tierCount = Tier.allCases.count
    public static let taskCount = TaskKind.allCases.count
    /// Difficulty runs 1...10; the ordinal head has one cut point per "difficulty ≥ d", d = 2...10.
    public static let difficultyCutCount = 9

    public var features: FeatureConfiguration
    public var tierHead: TierHeadKind
    /// A prompt "needs a strong model" when its difficulty is ≥ this; `score` is that probability.
    public var scoreCut: Int
    /// Row-major [row][column]; rows = `features.rowCount`, columns = `columns.count`.
    public var matrix: [Float]
    public var tierBias: [Float]
    public var tierCuts: [Float]
    public var taskBias: [Float]
    public var difficultyCuts: [Float]
    public var trainingExamples: Int
    /// The strong-model score and the tier cuts on it, learned from graded outcomes.
    public var gap = GapHead()

    /// `allocateMatrix: false` leaves `matrix` empty: the shipped classifier reads the matrix in
    /// place from the linked blob, and zeroing 1.5 MB it never uses cost ~390 page faults per run.
    public init(features: FeatureConfiguration, tierHead: TierHeadKind, scoreCut: Int, trainingExamples: Int,
                allocateMatrix: Bool = true) {
        self.features = features
        self.tierHead = tierHead
        self.scoreCut = scoreCut
        self.trainingExamples = trainingExamples
        let columns = ClassifierColumns(tierHead: tierHead)
        matrix = allocateMatrix ? [Float](repeating: 0, count: features.rowCount * columns.count) : []
        tierBias = [Float](repeating: 0, count: Self.tierCount)
        tierCuts = [Float](repeating: 0, count: Self.tierCount - 1)
        taskBias = [Float](repeating: 0, count: Self.taskCount)
        difficultyCuts = [Float](repeating: 0, count: Self.difficultyCutCount)
    }

    public var columns: ClassifierColumns { ClassifierColumns(tierHead: tierHead) }
}
