/// o200k_base's split pattern (tiktoken 0.14), seven alternatives joined by `|`:
///
///     1 [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
///     2 [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
///     3 \p{N}{1,3}
///     4  ?[^\s\p{L}\p{N}]+[\r\n/]*
///     5 \s*[\r\n]+
///     6 \s+(?!\S)
///     7 \s+
///
/// Below, "upper" is the first bracket of 1 and 2 (`ScalarClassSet.casedUpper`) and "lower" the
/// second (`casedLower`). They overlap (Lm, Lo, M), so 1 and 2 backtrack; the helpers return
/// the end the backtracking regex engine would reach, worked out in closed form.
enum O200kSplitter: PieceSplitter {
    @inline(__always)
    static func pieceEnd(from start: Int, in text: ScanText) -> Int {
        let (first, firstLength) = text.scalar(at: start)
        let afterFirst = start &+ firstLength

        // 1 and 2: each tries "with the optional prefix scalar" before "without it".
        let prefixable = ScalarClassSet.wordPrefix.contains(first) && afterFirst < text.count
        let cased = ScalarClassSet.casedUpper.contains(first) || ScalarClassSet.casedLower.contains(first)
        if prefixable || cased {
            if prefixable, let end = mostlyLowerWordEnd(from: afterFirst, in: text) {
                return contractionOrEnd(end, in: text)
            }
            if cased, let end = mostlyLowerWordEnd(from: start, in: text) {
                return contractionOrEnd(end, in: text)
            }
            if prefixable, let end = mostlyUpperWordEnd(from: afterFirst, in: text) {
                return contractionOrEnd(end, in: text)
            }
            if cased, let end = mostlyUpperWordEnd(from: start, in: text) {
                return contractionOrEnd(end, in: text)
            }
        }
        // 3
        if first == ScalarClass.number.rawValue {
            return text.numberEnd(from: start, firstLength: firstLength)
        }
        // 4, with the leading space
        if text.bytes[start] == 0x20, afterFirst < text.count {
            let (next, nextLength) = text.scalar(at: afterFirst)
            if ScalarClassSet.punctuation.contains(next) {
                let end = text.runEnd(from: afterFirst &+ nextLength, in: .punctuation)
                return text.newlineRunEnd(from: end, includingSlash: true)
            }
        }
        // 4, without it
        if ScalarClassSet.punctuation.contains(first) {
            let end = text.runEnd(from: afterFirst, in: .punctuation)
            return text.newlineRunEnd(from: end, includingSlash: true)
        }
        // Only whitespace is left: 5, 6, 7.
        let run = text.whitespaceRun(from: start)
        if let newlineEnd = run.lastNewlineEnd { return newlineEnd }
        if run.end == text.count { return run.end }
        if run.scalarCount >= 2 { return run.lastScalarStart }
        return run.end
    }

    /// `upper*lower+` from `i`, or nil. Greedy `upper*` takes the whole upper run; if the next
    /// scalar is lower, `lower+` takes the lower run from there. Otherwise the engine gives back
    /// upper scalars one at a time until `lower+` can start on one that is in both sets, and
    /// then `lower+` stops right after it (the scalar after it is upper-only or ends the run).
    @inline(__always)
    private static func mostlyLowerWordEnd(from i: Int, in text: ScanText) -> Int? {
        var k = i
        var lastInBothEnd: Int?
        while k < text.count {
            let (rawClass, length) = text.scalar(at: k)
            if !ScalarClassSet.casedUpper.contains(rawClass) {
                if ScalarClassSet.casedLower.contains(rawClass) {
                    return text.runEnd(from: k &+ length, in: .casedLower)
                }
                break
            }
            k &+= length
            if ScalarClassSet.casedLower.contains(rawClass) { lastInBothEnd = k }
        }
        return lastInBothEnd
    }

    /// `upper+lower*` from `i`, or nil: no backtracking needed, since `lower*` may be empty.
    @inline(__always)
    private static func mostlyUpperWordEnd(from i: Int, in text: ScanText) -> Int? {
        let upperEnd = text.runEnd(from: i, in: .casedUpper)
        if upperEnd == i { return nil }
        return text.runEnd(from: upperEnd, in: .casedLower)
    }

    /// The optional `(?i:'s|'t|'re|'ve|'m|'ll|'d)` after a word.
    @inline(__always)
    private static func contractionOrEnd(_ end: Int, in text: ScanText) -> Int {
        if end < text.count, text.bytes[end] == 0x27, let longer = text.contractionEnd(at: end) {
            return longer
        }
        return end
    }
}
