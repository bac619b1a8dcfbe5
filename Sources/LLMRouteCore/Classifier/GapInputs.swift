/// What the strong-model score reads from a prompt: the task head's probabilities (the kind of
/// prompt), the structural features that held (its shape), and the LLM-difficulty head's
/// ordinal score. Computed by the same scan as the rest of the classification.
public struct GapInputs: Sendable, Equatable {
    public var taskProbabilities: [Double]
    /// One bit per `StructuralFeature` raw value.
    public var structural: UInt64
    /// The difficulty head's ordinal score (trained on an LLM's difficulty opinion).
    public var llmDifficulty: Double

    public init(taskProbabilities: [Double], structural: UInt64, llmDifficulty: Double) {
        self.taskProbabilities = taskProbabilities
        self.structural = structural
        self.llmDifficulty = llmDifficulty
    }

    /// Names of the structural features, by bit (for reports and explanations).
    public static let structuralNames: [String] = StructuralFeature.allCases.map(\.name)
}

extension LocalClassifier {
    /// The score's inputs for one prompt (training tools; nil without weights).
    public func gapInputs(_ prompt: String) -> GapInputs? {
        guard let model = bundledOrGiven else { return nil }
        return PromptSample.withBytes(of: prompt) { bytes, sample in
            var sink = ScoringSink(model: model, explain: false, byteCount: bytes.count)
            let (_, counts) = model.extractor.extract(bytes, sample: sample, into: &sink)
            return ClassifierDecoding.decode(sums: sink.sums(counts: counts), structural: sink.structuralMask,
                                             weights: model.header).gapInputs
        }
    }
}
