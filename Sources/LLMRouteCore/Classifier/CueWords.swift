/// Word lists the shape counts, matched by hash so no String is built per word.
enum CueWords {
    /// Words that add a requirement to a task ("must", "at least", "exactly", "without").
    static let constraints = hashes([
        "must", "should", "exactly", "least", "most", "ensure", "include", "including", "without",
        "avoid", "only", "each", "every", "limit", "maximum", "minimum", "require", "required",
        "requirements", "constraint", "constraints", "format", "never", "always", "within", "unless",
    ])
    /// First words of a direct question.
    static let questionStarts = hashes([
        "what", "who", "whom", "whose", "when", "where", "why", "how", "which", "is", "are", "was",
        "were", "can", "could", "do", "does", "did", "should", "would", "will", "whats", "hows",
    ])
    static let numberToken = wordHash("<number>")
    static let http = wordHash("http")
    static let https = wordHash("https")

    static func wordHash(_ word: String) -> UInt64 {
        var hash = FeatureHashing.start(.word)
        for scalar in word.unicodeScalars { hash = FeatureHashing.mix(hash, UTF8Scalars.lowercased(scalar.value)) }
        return FeatureHashing.finish(hash)
    }

    static func hashes(_ words: [String]) -> [UInt64] { words.map(wordHash).sorted() }

    @inline(__always)
    static func contains(_ list: [UInt64], _ hash: UInt64) -> Bool {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) >> 1
            if list[mid] < hash { low = mid + 1 } else { high = mid }
        }
        return low < list.count && list[low] == hash
    }
}
