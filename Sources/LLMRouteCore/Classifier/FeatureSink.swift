/// Where a hashed feature came from in the scanned bytes, so it can be named for `--explain`.
struct FeatureSpan: Sendable, Equatable {
    var start: Int32
    var end: Int32
    /// `leadingBoundary`/`trailingBoundary` for character n-grams touching a word's edge,
    /// `number` for a digits-only token (hashed as one shared "<number>" token).
    var flags: UInt8

    static let leadingBoundary: UInt8 = 1
    static let trailingBoundary: UInt8 = 2
    static let number: UInt8 = 4
}

/// Receives the features of one prompt as the extractor finds them. The shipped classifier's
/// sink adds weight rows as it goes; the trainer's sink records them. Each hashed row arrives
/// at most once per prompt (presence, not counts).
protocol FeatureSink {
    mutating func addHashed(row: Int, namespace: FeatureNamespace, span: FeatureSpan)
    mutating func addStructural(_ feature: StructuralFeature)
}

/// How many distinct hashed features each namespace produced; values are normalised by it.
/// Plain fields, not an array: it is bumped once per feature in the hot loop.
struct NamespaceCounts: Sendable {
    var words = 0, wordPairs = 0, charGrams = 0, firstWords = 0

    subscript(namespace: FeatureNamespace) -> Int {
        get {
            switch namespace {
            case .word: words
            case .wordPair: wordPairs
            case .charGram: charGrams
            case .firstWord: firstWords
            }
        }
        set {
            switch namespace {
            case .word: words = newValue
            case .wordPair: wordPairs = newValue
            case .charGram: charGrams = newValue
            case .firstWord: firstWords = newValue
            }
        }
    }
}
