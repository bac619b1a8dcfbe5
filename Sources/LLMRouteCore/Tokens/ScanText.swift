/// UTF-8 text being split into pieces, with the scanning steps both split patterns share.
/// Positions are byte offsets at scalar boundaries; `count` is the end of the text.
struct ScanText {
    let bytes: UnsafePointer<UInt8>
    let count: Int
    let classes: ScalarClassifier

    @inline(__always) func scalar(at i: Int) -> (rawClass: UInt8, length: Int) {
        classes.scalar(at: i, in: bytes)
    }

    /// End of the run of scalars in `set` starting at `i` (`i` itself if there is none).
    @inline(__always) func runEnd(from i: Int, in set: ScalarClassSet) -> Int {
        var k = i
        while k < count {
            let (rawClass, length) = scalar(at: k)
            if !set.contains(rawClass) { break }
            k &+= length
        }
        return k
    }

    /// `\p{N}{1,3}` at `i`, whose first scalar is known to be a number of `firstLength` bytes.
    @inline(__always) func numberEnd(from i: Int, firstLength: Int) -> Int {
        var k = i &+ firstLength
        for _ in 0..<2 where k < count {
            let (rawClass, length) = scalar(at: k)
            if !ScalarClassSet.number.contains(rawClass) { break }
            k &+= length
        }
        return k
    }

    /// End of the run of `\r`, `\n` (and `/` when asked) bytes starting at `i`.
    @inline(__always) func newlineRunEnd(from i: Int, includingSlash: Bool) -> Int {
        var k = i
        while k < count {
            let b = bytes[k]
            guard b == 0x0A || b == 0x0D || (includingSlash && b == 0x2F) else { break }
            k &+= 1
        }
        return k
    }

    /// End of a contraction at `i`, or nil. Both patterns accept the same set, case-insensitively:
    /// 's 't 'm 'd 're 've 'll. Case-insensitive matching in tiktoken's regex engine uses Unicode
    /// simple case folding, under which U+017F LATIN SMALL LETTER LONG S also matches `s`.
    @inline(__always) func contractionEnd(at i: Int) -> Int? {
        guard i &+ 1 < count, bytes[i] == 0x27 else { return nil }
        let b1 = bytes[i &+ 1]
        switch b1 | 0x20 { // ASCII lowercase; no other byte ORs to these letters
        case 0x73, 0x74, 0x6D, 0x64: // s t m d
            return i &+ 2
        case 0x72, 0x76: // r v, then e
            return i &+ 2 < count && bytes[i &+ 2] | 0x20 == 0x65 ? i &+ 3 : nil
        case 0x6C: // l, then l
            return i &+ 2 < count && bytes[i &+ 2] | 0x20 == 0x6C ? i &+ 3 : nil
        default:
            // U+017F is C5 BF in UTF-8.
            return b1 == 0xC5 && i &+ 2 < count && bytes[i &+ 2] == 0xBF ? i &+ 3 : nil
        }
    }

    /// Facts about the whitespace run starting at `i`, for the patterns' `\s` alternatives.
    struct WhitespaceRun {
        /// Where the run ends (the first non-`\s` scalar, or the end of the text).
        var end: Int
        /// End of the run's last `\r` or `\n`, or nil when it has none.
        var lastNewlineEnd: Int?
        /// Start of the run's last scalar: where `\s+(?!\S)` stops when more text follows.
        var lastScalarStart: Int
        var scalarCount: Int
    }

    @inline(__always) func whitespaceRun(from i: Int) -> WhitespaceRun {
        var run = WhitespaceRun(end: i, lastNewlineEnd: nil, lastScalarStart: i, scalarCount: 0)
        while run.end < count {
            let (rawClass, length) = scalar(at: run.end)
            guard ScalarClassSet.whitespace.contains(rawClass) else { break }
            run.lastScalarStart = run.end
            run.end &+= length
            run.scalarCount &+= 1
            if rawClass == ScalarClass.newline.rawValue { run.lastNewlineEnd = run.end }
        }
        return run
    }
}

/// One encoding's pre-tokenization pattern, hand-compiled: given where a piece starts, where
/// does the regex's leftmost-first match end? Every position starts a match for both patterns
/// (each scalar class is covered by some alternative), so pieces tile the text.
protocol PieceSplitter {
    static func pieceEnd(from start: Int, in text: ScanText) -> Int
}
