import Testing
@testable import LLMRouteCore

/// Long pieces merge with a heap instead of tiktoken's linear scan; both must give the same
/// tokens (the golden and differential tests also cover long pieces against tiktoken itself).
@Suite struct MergeStrategyTests {
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: TokenEncoding.allCases)
    func heapAndLinearMergesAgree(_ encoding: TokenEncoding) {
        let tokenizer = BPETokenizer.shared(encoding)
        var random = SeededGenerator(state: 42)
        let alphabets: [[UInt8]] = [Array("ab".utf8), Array("etaoinshrdlu".utf8), Array(0...255), Array("0123456789".utf8)]
        for round in 0..<300 {
            let alphabet = alphabets[round % alphabets.count]
            let length = Int.random(in: 2...600, using: &random)
            let piece = (0..<length).map { _ in alphabet.randomElement(using: &random)! }
            var linear = TokenList(), heap = TokenList()
            tokenizer.withMerger(readableEnd: piece) { merger, base in
                merger.mergeLinear(base, piece.count, into: &linear)
                merger.mergeWithHeap(base, piece.count, into: &heap)
            }
            #expect(linear.tokens == heap.tokens, "round \(round), length \(length)")
            #expect(tokenizer.decodeBytes(heap.tokens) == piece)
        }
    }
}

extension BPETokenizer {
    /// A merger over `bytes` for tests that call the merge strategies directly.
    func withMerger(readableEnd bytes: [UInt8], _ body: (BytePairMerger, UnsafePointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            withByteRanks { byteRanks in
                body(BytePairMerger(vocabulary: vocabulary, byteRanks: byteRanks,
                                    readableEnd: buffer.baseAddress! + buffer.count), buffer.baseAddress!)
            }
        }
    }
}
