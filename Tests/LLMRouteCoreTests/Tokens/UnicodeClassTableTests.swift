import Testing
@testable import LLMRouteCore

/// The blob's class table (made from unicodedata2 16.0 by make_vocab_blob.py) against Swift's own
/// Unicode data, an independent source: they must agree on every scalar both versions know.
@Suite struct UnicodeClassTableTests {
    static func expectedClass(_ scalar: Unicode.Scalar) -> ScalarClass {
        if scalar == "\n" || scalar == "\r" { return .newline }
        if scalar.properties.isWhitespace { return .space }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: return .upper
        case .lowercaseLetter: return .lower
        case .modifierLetter, .otherLetter: return .otherLetter
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .decimalNumber, .letterNumber, .otherNumber: return .number
        default: return .other
        }
    }

    @Test func tableAgreesWithSwiftUnicodeData() throws {
        let classifier = try VocabularyTable(blob: TokenEncoding.o200kBase.blob).classifier
        var checked = 0
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue } // surrogates
            let ours = classifier.rawClass(ofCodePoint: value)
            let swift = Self.expectedClass(scalar)
            checked += 1
            if ours == swift.rawValue { continue }
            // Allowed: scalars assigned after Unicode 16.0 (tiktoken 0.14's regex does not know
            // them either), and U+0295, which Unicode 17 moved from Ll to Lo.
            if let age = scalar.properties.age, age.major > 16, ours == ScalarClass.other.rawValue { continue }
            if value == 0x0295, ours == ScalarClass.lower.rawValue { continue }
            mismatches.append("U+\(String(value, radix: 16)) ours \(ours) swift \(swift)")
        }
        #expect(checked == 0x110000 - 0x800)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(10))")
    }

    @Test func bothBlobsCarryTheSameTable() throws {
        let a = try VocabularyTable(blob: TokenEncoding.o200kBase.blob).classifier
        let b = try VocabularyTable(blob: TokenEncoding.cl100kBase.blob).classifier
        for value in stride(from: UInt32(0), through: 0x10FFFF, by: 7) {
            #expect(a.rawClass(ofCodePoint: value) == b.rawClass(ofCodePoint: value))
        }
    }

    /// The masks are written as literals for speed; recompute them from the enum.
    @Test func classSetMasksMatchTheirDefinitions() {
        func mask(_ classes: [ScalarClass]) -> UInt8 { classes.reduce(0) { $0 | 1 << $1.rawValue } }
        #expect(ScalarClassSet.letter.bits == mask([.upper, .lower, .otherLetter]))
        #expect(ScalarClassSet.number.bits == mask([.number]))
        #expect(ScalarClassSet.whitespace.bits == mask([.space, .newline]))
        #expect(ScalarClassSet.punctuation.bits == mask([.other, .mark]))
        #expect(ScalarClassSet.wordPrefix.bits == mask([.other, .mark, .space]))
        #expect(ScalarClassSet.casedUpper.bits == mask([.upper, .otherLetter, .mark]))
        #expect(ScalarClassSet.casedLower.bits == mask([.lower, .otherLetter, .mark]))
    }
}
