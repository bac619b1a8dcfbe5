/// cl100k_base's split pattern, as tiktoken 0.14 writes it:
///
///     '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+
///     |\s++$|\s*[\r\n]|\s+(?!\S)|\s
///
/// Alternatives are tried in order at each start (leftmost-first, like the regex engine); the
/// comments name the alternative each branch implements.
enum Cl100kSplitter: PieceSplitter {
    @inline(__always)
    static func pieceEnd(from start: Int, in text: ScanText) -> Int {
        // '(?i:[sdmt]|ll|ve|re)
        if text.bytes[start] == 0x27, let end = text.contractionEnd(at: start) { return end }

        let (first, firstLength) = text.scalar(at: start)
        let afterFirst = start &+ firstLength
        // [^\r\n\p{L}\p{N}]?+\p{L}++  (a letter run, maybe after one prefix scalar)
        if ScalarClassSet.letter.contains(first) {
            return text.runEnd(from: afterFirst, in: .letter)
        }
        var second: (rawClass: UInt8, length: Int)?
        if afterFirst < text.count { second = text.scalar(at: afterFirst) }
        if ScalarClassSet.wordPrefix.contains(first), let next = second,
           ScalarClassSet.letter.contains(next.rawClass) {
            return text.runEnd(from: afterFirst &+ next.length, in: .letter)
        }
        // \p{N}{1,3}+
        if first == ScalarClass.number.rawValue {
            return text.numberEnd(from: start, firstLength: firstLength)
        }
        //  ?[^\s\p{L}\p{N}]++[\r\n]*+
        if text.bytes[start] == 0x20, let next = second, ScalarClassSet.punctuation.contains(next.rawClass) {
            let end = text.runEnd(from: afterFirst &+ next.length, in: .punctuation)
            return text.newlineRunEnd(from: end, includingSlash: false)
        }
        if ScalarClassSet.punctuation.contains(first) {
            let end = text.runEnd(from: afterFirst, in: .punctuation)
            return text.newlineRunEnd(from: end, includingSlash: false)
        }
        // Only whitespace is left: \s++$ | \s*[\r\n] | \s+(?!\S) | \s
        let run = text.whitespaceRun(from: start)
        if run.end == text.count { return run.end }
        if let newlineEnd = run.lastNewlineEnd { return newlineEnd }
        if run.scalarCount >= 2 { return run.lastScalarStart }
        return run.end
    }
}
