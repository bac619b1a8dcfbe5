import CLLMRouteFuzz
import Glibc
@testable import LLMRouteCore

// The BPE tokenizer against a slow reference: the same pieces (from our pre-tokenizer), merged
// by the textbook loop over a plain dictionary of the vocabulary (rank = token id), instead of
// the production code's hashed blob lookups, linear scan and heap. Also: decode(encode(x)) gives
// back x's bytes, count equals encode's length, and the splitter always moves forward.
// Input: first byte picks the encoding, the rest is the text (invalid UTF-8 is replaced).

struct Reference {
    let tokenizer: BPETokenizer
    let ranks: [[UInt8]: Int]

    init(_ encoding: TokenEncoding) {
        tokenizer = BPETokenizer.shared(encoding)
        var ranks: [[UInt8]: Int] = [:]
        ranks.reserveCapacity(tokenizer.vocabularySize)
        for id in 0..<tokenizer.vocabularySize { ranks[tokenizer.decodeBytes([id])!] = id }
        self.ranks = ranks
    }

    /// The textbook loop: merge the adjacent pair whose concatenation has the lowest rank
    /// (leftmost on ties) until no pair is a token. Only the two pairs next to a merge are
    /// looked up again, so long pieces stay affordable.
    func merge(_ piece: [UInt8]) -> [Int] {
        if let whole = ranks[piece] { return [whole] }
        var parts = piece.map { [$0] }
        func pairRank(_ i: Int) -> Int { ranks[parts[i] + parts[i + 1]] ?? Int.max }
        var pairRanks = (0..<(parts.count - 1)).map(pairRank)
        while let best = pairRanks.min(), best != Int.max {
            let i = pairRanks.firstIndex(of: best)!
            parts[i] += parts[i + 1]
            parts.remove(at: i + 1)
            pairRanks.remove(at: i)
            if i < parts.count - 1 { pairRanks[i] = pairRank(i) }
            if i > 0 { pairRanks[i - 1] = pairRank(i - 1) }
        }
        return parts.map { ranks[$0]! }
    }

    func pieces(_ text: String) -> [[UInt8]] {
        var text = text
        return text.withUTF8 { utf8 -> [[UInt8]] in
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return [] }
            let scan = ScanText(bytes: base, count: utf8.count, classes: tokenizer.vocabulary.classifier)
            var pieces: [[UInt8]] = []
            var start = 0
            while start < utf8.count {
                let end = switch tokenizer.encoding {
                case .o200kBase: O200kSplitter.pieceEnd(from: start, in: scan)
                case .cl100kBase: Cl100kSplitter.pieceEnd(from: start, in: scan)
                }
                guard end > start, end <= utf8.count else { fatalError("splitter went from \(start) to \(end) of \(utf8.count)") }
                pieces.append(Array(utf8[start..<end]))
                start = end
            }
            return pieces
        }
    }
}

let references = [Reference(.o200kBase), Reference(.cl100kBase)]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = UnsafeBufferPointer(start: start, count: size)
    guard let selector = input.first else { return 0 }
    let reference = references[Int(selector & 1)]
    let text = String(decoding: input.dropFirst(), as: UTF8.self)
    let tokens = reference.tokenizer.encode(text)

    guard reference.tokenizer.decodeBytes(tokens) == Array(text.utf8) else { fatalError("decode(encode(text)) != text") }
    guard reference.tokenizer.count(text) == tokens.count else { fatalError("count(text) != encode(text).count") }
    // The reference is quadratic; long inputs are checked by the properties above only.
    if size <= 1_024 {
        let expected = reference.pieces(text).flatMap(reference.merge)
        guard tokens == expected else { fatalError("encode \(tokens) differs from the reference merge \(expected)") }
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
