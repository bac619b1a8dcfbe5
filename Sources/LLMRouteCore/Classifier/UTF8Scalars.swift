/// Decoding and classifying Unicode scalars straight from UTF-8 bytes: the classifier's hot loop
/// works on the prompt's bytes in place and never builds `Character`s (grapheme breaking would
/// cost more than the whole model).
enum UTF8Scalars {
    /// Decodes the scalar at `index`; returns it with its byte length. Malformed bytes (possible
    /// only in a cut sample) decode as U+FFFD of length 1, so scanning always moves forward.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        let count = bytes.count
        func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < count else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xc0 == 0x80 ? UInt32(byte & 0x3f) : nil
        }
        if lead & 0xe0 == 0xc0, let b1 = continuation(1) {
            return (((lead & 0x1f) << 6) | b1, 2)
        }
        if lead & 0xf0 == 0xe0, let b1 = continuation(1), let b2 = continuation(2) {
            return (((lead & 0x0f) << 12) | (b1 << 6) | b2, 3)
        }
        if lead & 0xf8 == 0xf0, let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) {
            return (((lead & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3, 4)
        }
        return (0xfffd, 1)
    }

    /// Simple case folding for the scripts where it matters for matching words; other scalars
    /// are returned unchanged (a full Unicode lowercase mapping allocates a String per scalar).
    @inline(__always)
    static func lowercased(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5a: return value + 0x20                         // ASCII A-Z
        case 0xc0...0xde where value != 0xd7: return value + 0x20      // Latin-1 À-Þ
        case 0x391...0x3a9: return value + 0x20                        // Greek Α-Ω
        case 0x410...0x42f: return value + 0x20                        // Cyrillic А-Я
        case 0x400...0x40f: return value + 0x50                        // Cyrillic Ѐ-Џ
        case 0x100...0x17f where value & 1 == 0: return value + 1      // Latin Extended-A pairs
        default: return value
        }
    }

    /// How the tokenizer treats a scalar.
    enum Role {
        /// Part of a word (letters, digits, underscore, combining marks).
        case wordPart
        /// A word by itself: ideographs and kana, whose languages write no spaces.
        case standalone
        /// Punctuation or a symbol: ends a word and is a one-scalar token of its own.
        case symbol
        /// Whitespace: ends a word.
        case space
        /// Control or replacement characters: ends a word, counted as binary-looking.
        case control
    }

    /// The role of an ASCII scalar (the hot path; `role` handles the rest).
    @inline(__always)
    static func asciiRole(_ value: UInt32) -> Role {
        switch value {
        case 0x30...0x39, 0x41...0x5a, 0x61...0x7a, 0x5f: .wordPart
        case 0x09, 0x0a, 0x0d, 0x20: .space
        case 0x00...0x1f, 0x7f: .control
        default: .symbol
        }
    }

    static func role(_ value: UInt32) -> Role {
        if value < 0x80 { return asciiRole(value) }
        switch value {
        case 0x3040...0x30ff, 0x3400...0x4dbf, 0x4e00...0x9fff, 0xf900...0xfaff, 0x20000...0x2fa1f:
            return .standalone
        case 0x0e00...0x0e7f: return .standalone                      // Thai: no spaces either
        case 0x80...0x9f, 0xfffd, 0xfeff: return .control
        default:
            guard let scalar = Unicode.Scalar(value) else { return .control }
            let properties = scalar.properties
            if properties.isWhitespace { return .space }
            if properties.isAlphabetic || properties.numericType != nil || properties.isGraphemeExtend {
                return .wordPart
            }
            return .symbol
        }
    }

    /// Writing systems the structural features count letters in.
    enum Script: Int, CaseIterable {
        case latin, cyrillic, greek, arabicHebrew, indic, cjk, hangul, thai, other

        var label: String {
            switch self {
            case .latin: "latin"
            case .cyrillic: "cyrillic"
            case .greek: "greek"
            case .arabicHebrew: "arabic_hebrew"
            case .indic: "indic"
            case .cjk: "cjk"
            case .hangul: "hangul"
            case .thai: "thai"
            case .other: "other"
            }
        }
    }

    @inline(__always)
    static func script(_ value: UInt32) -> Script {
        switch value {
        case 0...0x24f: return .latin
        case 0x370...0x3ff: return .greek
        case 0x400...0x52f: return .cyrillic
        case 0x590...0x6ff, 0x750...0x77f: return .arabicHebrew
        case 0x900...0xdff: return .indic
        case 0xe00...0xe7f: return .thai
        case 0x1100...0x11ff, 0xac00...0xd7af: return .hangul
        case 0x3040...0x30ff, 0x3400...0x4dbf, 0x4e00...0x9fff, 0xf900...0xfaff, 0x20000...0x2fa1f: return .cjk
        default: return .other
        }
    }
}
