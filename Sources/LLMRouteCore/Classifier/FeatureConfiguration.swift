/// The feature settings a set of weights was trained with; stored in the weights header so the
/// shipped classifier always extracts exactly what the trainer did.
public struct FeatureConfiguration: Sendable, Equatable {
    /// log2 of the number of hashed buckets.
    public var hashBits: Int
    /// Bit n set: character n-grams of length n (2...8) inside words are extracted (they help
    /// with unseen word forms; they are most of the extraction time). Default: 4-grams only, which
    /// measured as good as 3–5-grams at a third of the cost (docs/classifier.md).
    public var characterGramLengths: UInt32
    /// Scale of each hashed namespace (indexed by `FeatureNamespace.rawValue`); a namespace's
    /// features get value scale / sqrt(number of its features in the prompt).
    public var namespaceScales: [Float]
    /// Value of each structural indicator that holds.
    public var structuralScale: Float

    public init(hashBits: Int = 15, characterGramLengths: UInt32 = 0b1_0000,
                namespaceScales: [Float] = [1, 1, 1, 0.5], structuralScale: Float = 0.5) {
        self.hashBits = hashBits
        self.characterGramLengths = characterGramLengths & 0b1_1111_1100
        self.namespaceScales = namespaceScales
        self.structuralScale = structuralScale
    }

    public var characterGrams: Bool { characterGramLengths != 0 }
    /// The longest character n-gram extracted (0 when none).
    var longestCharacterGram: Int { characterGramLengths == 0 ? 0 : 31 - characterGramLengths.leadingZeroBitCount }

    public var bucketCount: Int { 1 << hashBits }
    /// Rows of the weight matrix: structural features first, then the hashed buckets.
    public var rowCount: Int { StructuralFeature.allCases.count + bucketCount }

    func scale(_ namespace: FeatureNamespace) -> Float { namespaceScales[Int(namespace.rawValue)] }
}
