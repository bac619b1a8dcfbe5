/// The only facts about a Unicode scalar that tiktoken's split patterns ask: which of
/// `\p{Lu}\p{Lt}`, `\p{Ll}`, `\p{Lm}\p{Lo}`, `\p{M}`, `\p{N}`, `\s` it is in, and whether it is
/// `\r`/`\n`. Raw values are what the blob's class table stores (make_vocab_blob.py), and each
/// regex character class becomes a bit mask over them (`ScalarClassSet`).
enum ScalarClass: UInt8 {
    case other = 0       // punctuation, symbols, controls, unassigned, ...
    case upper = 1       // Lu, Lt
    case lower = 2       // Ll
    case otherLetter = 3 // Lm, Lo: in both of o200k's "upper" and "lower" sets
    case mark = 4        // Mn, Mc, Me: not \p{L}, but in both of o200k's letter sets
    case number = 5      // Nd, Nl, No
    case space = 6       // White_Space other than \r and \n
    case newline = 7     // \r, \n
}

/// A set of `ScalarClass` values as a bit mask, so a regex class test is one AND.
struct ScalarClassSet {
    let bits: UInt8

    @inline(__always) func contains(_ rawClass: UInt8) -> Bool { bits & (1 &<< rawClass) != 0 }

    // Computed (not stored) so each mask is a literal the optimizer folds into the test;
    // a `static let` would cost a lazy-initialisation check on every use in the scanners.
    /// `\p{L}`
    static var letter: ScalarClassSet { ScalarClassSet(bits: 0b00001110) } // .upper, .lower, .otherLetter
    /// `\p{N}`
    static var number: ScalarClassSet { ScalarClassSet(bits: 0b00100000) } // .number
    /// `\s`
    static var whitespace: ScalarClassSet { ScalarClassSet(bits: 0b11000000) } // .space, .newline
    /// `[^\s\p{L}\p{N}]`
    static var punctuation: ScalarClassSet { ScalarClassSet(bits: 0b00010001) } // .other, .mark
    /// `[^\r\n\p{L}\p{N}]`, the optional one-scalar prefix before a word.
    static var wordPrefix: ScalarClassSet { ScalarClassSet(bits: 0b01010001) } // .other, .mark, .space
    /// o200k's `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`
    static var casedUpper: ScalarClassSet { ScalarClassSet(bits: 0b00011010) } // .upper, .otherLetter, .mark
    /// o200k's `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`
    static var casedLower: ScalarClassSet { ScalarClassSet(bits: 0b00011100) } // .lower, .otherLetter, .mark
}

/// Decodes UTF-8 at a byte offset and looks the scalar's class up in the blob's two-stage table.
/// The input must be valid UTF-8 (it comes from a Swift `String`), so decoding checks nothing.
struct ScalarClassifier {
    /// Stage 1: code point >> 8 -> block number. Stage 2: block * 256 + low byte -> class.
    let stage1: UnsafePointer<UInt8>
    let stage2: UnsafePointer<UInt8>
    /// Stage 2's block for U+0000...U+00FF, so ASCII costs one load.
    let latin1: UnsafePointer<UInt8>

    init(stage1: UnsafePointer<UInt8>, stage2: UnsafePointer<UInt8>) {
        self.stage1 = stage1
        self.stage2 = stage2
        self.latin1 = stage2 + Int(stage1[0]) &* 256
    }

    /// Class of the code point (for callers that already decoded it).
    @inline(__always) func rawClass(ofCodePoint cp: UInt32) -> UInt8 {
        stage2[Int(stage1[Int(cp &>> 8)]) &<< 8 | Int(cp & 0xFF)]
    }

    /// Class raw value and byte length of the scalar starting at `bytes[i]`.
    @inline(__always) func scalar(at i: Int, in bytes: UnsafePointer<UInt8>) -> (rawClass: UInt8, length: Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (latin1[Int(b0)], 1) }
        let cp: UInt32
        let length: Int
        if b0 < 0xE0 {
            cp = UInt32(b0 & 0x1F) &<< 6 | UInt32(bytes[i &+ 1] & 0x3F)
            length = 2
        } else if b0 < 0xF0 {
            cp = UInt32(b0 & 0x0F) &<< 12 | UInt32(bytes[i &+ 1] & 0x3F) &<< 6 | UInt32(bytes[i &+ 2] & 0x3F)
            length = 3
        } else {
            cp = UInt32(b0 & 0x07) &<< 18 | UInt32(bytes[i &+ 1] & 0x3F) &<< 12
                | UInt32(bytes[i &+ 2] & 0x3F) &<< 6 | UInt32(bytes[i &+ 3] & 0x3F)
            length = 4
        }
        return (rawClass(ofCodePoint: cp), length)
    }
}
