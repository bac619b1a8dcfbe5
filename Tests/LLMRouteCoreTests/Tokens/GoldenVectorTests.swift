import Testing
@testable import LLMRouteCore

/// Token ids must equal tiktoken's, id for id, on the committed corpus (make_golden.py).
@Suite struct GoldenVectorTests {
    @Test(arguments: TokenEncoding.allCases)
    func encodeMatchesTiktoken(_ encoding: TokenEncoding) throws {
        let cases = try TokenFixtures.golden(encoding.rawValue)
        #expect(cases.count >= 80, "fixture looks truncated")
        let tokenizer = BPETokenizer.shared(encoding)
        for golden in cases where golden.rawBytes == nil {
            let ids = tokenizer.encode(golden.text)
            #expect(ids == golden.ids, "\(encoding.rawValue) case \(golden.name)")
            #expect(tokenizer.count(golden.text) == golden.ids.count, "\(encoding.rawValue) count \(golden.name)")
            #expect(tokenizer.decode(ids) == golden.text, "\(encoding.rawValue) round trip \(golden.name)")
        }
    }

    /// Raw bytes that are not UTF-8 count like tiktoken counts Python's replacement decoding.
    @Test(arguments: TokenEncoding.allCases)
    func invalidUTF8MatchesPythonReplacement(_ encoding: TokenEncoding) throws {
        let cases = try TokenFixtures.golden(encoding.rawValue).filter { $0.rawBytes != nil }
        #expect(cases.count >= 10)
        let tokenizer = BPETokenizer.shared(encoding)
        for golden in cases {
            let bytes = golden.rawBytes!
            // Swift's decoder must replace exactly the byte runs Python replaces.
            #expect(String(decoding: bytes, as: UTF8.self) == golden.text, "decoding of \(golden.name)")
            #expect(tokenizer.encode(bytes: bytes) == golden.ids, "\(encoding.rawValue) case \(golden.name)")
            #expect(tokenizer.count(bytes: bytes) == golden.ids.count, "\(encoding.rawValue) count \(golden.name)")
        }
    }

    @Test func knownIdsForAFewWords() {
        // Spot values anyone can check with tiktoken; independent of the fixture files.
        #expect(BPETokenizer.shared(.o200kBase).encode("hello world") == [24912, 2375])
        #expect(BPETokenizer.shared(.cl100kBase).encode("hello world") == [15339, 1917])
        #expect(BPETokenizer.shared(.o200kBase).encode("") == [])
    }

    /// `shared` is opened lazily from many threads at once; every caller must see the same counts.
    @Test func sharedTokenizerIsSafeAcrossTasks() async throws {
        let text = try TokenFixtures.golden("o200k_base").map(\.text).joined(separator: "\n")
        let counts = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 {
                group.addTask { TokenEncoding.allCases.map { BPETokenizer.shared($0).count(text) } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let serial = TokenEncoding.allCases.map { BPETokenizer.shared($0).count(text) }
        #expect(counts.count == 8)
        #expect(counts.allSatisfy { $0 == serial })
    }

    @Test func decodeRejectsUnknownIds() {
        let tokenizer = BPETokenizer.shared(.cl100kBase)
        #expect(tokenizer.decode([100_256]) == nil) // first special id: not an ordinary token
        #expect(tokenizer.decode([-1]) == nil)
        #expect(tokenizer.decodeBytes([15339]) == Array("hello".utf8))
    }
}
