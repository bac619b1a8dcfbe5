/// Stable 64-bit hashing for feature n-grams. The training tool and the shipped classifier must
/// map every n-gram to the same bucket on every platform and Swift version, so this is a fixed
/// FNV-1a walk with a final avalanche step, never `Hasher` (which is seeded per process).
enum FeatureHashing {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Starts a hash for one feature namespace, so "prove" as a word and "prove" as a first word
    /// land in different buckets.
    @inline(__always)
    static func start(_ namespace: FeatureNamespace) -> UInt64 {
        mix(offsetBasis, UInt32(namespace.rawValue) &+ 0x9e37)
    }

    /// Folds one Unicode scalar value (already lowercased) into a running hash: one FNV step
    /// over the whole 21-bit value (a bijection of the running hash for each value; `finish`
    /// supplies the avalanche that byte-wise FNV would otherwise need).
    @inline(__always)
    static func mix(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* prime
    }

    /// Combines two finished token hashes into a bigram hash (order matters).
    @inline(__always)
    static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 {
        finish((first &* 0x9e37_79b9_7f4a_7c15) ^ (second &+ 0x632b_e59b_d9b4_e019))
    }

    /// Murmur3's 64-bit finaliser: spreads FNV's weak low bits before bucketing by mask.
    @inline(__always)
    static func finish(_ hash: UInt64) -> UInt64 {
        var h = hash
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }
}

/// The families of hashed features. Raw values are part of the weights format: never renumber.
enum FeatureNamespace: UInt8, CaseIterable, Sendable {
    case word = 0, wordPair = 1, charGram = 2, firstWord = 3

    /// Prefix used when a feature of this family is shown in `classify --explain`.
    var label: String {
        switch self {
        case .word: "word"
        case .wordPair: "words"
        case .charGram: "chars"
        case .firstWord: "first_word"
        }
    }
}
