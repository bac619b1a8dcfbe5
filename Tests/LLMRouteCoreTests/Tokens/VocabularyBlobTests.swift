import CLLMRouteData
import Foundation
import Testing
@testable import LLMRouteCore

/// The embedded blobs hold exactly the published vocabularies.
@Suite struct VocabularyBlobTests {
    /// Re-serialises a blob as a .tiktoken file ("base64 rank" lines).
    static func renderTiktoken(_ vocabulary: VocabularyTable) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4_000_000)
        for rank in 0..<vocabulary.tokenCount {
            out.append(contentsOf: Data(vocabulary.bytes(ofToken: rank)).base64EncodedData())
            out.append(0x20)
            out.append(contentsOf: String(rank).utf8)
            out.append(0x0A)
        }
        return out
    }

    @Test(arguments: TokenEncoding.allCases)
    func headerRecordsThePinnedSourceHash(_ encoding: TokenEncoding) throws {
        let vocabulary = try VocabularyTable(blob: encoding.blob)
        #expect(vocabulary.name == encoding.rawValue)
        #expect(vocabulary.sourceSHA256 == encoding.sourceSHA256)
        #expect(vocabulary.unicodeVersion == "16.0.0")
        #expect(vocabulary.tokenCount == (encoding == .o200kBase ? 199_998 : 100_256))
    }

    /// Strongest check: rebuild the .tiktoken text from the blob and hash it; it must be the
    /// very file tiktoken pins, so no token or rank can have been lost or altered.
    @Test(arguments: TokenEncoding.allCases)
    func blobRebuildsThePublishedFile(_ encoding: TokenEncoding) throws {
        let vocabulary = try VocabularyTable(blob: encoding.blob)
        let rendered = Self.renderTiktoken(vocabulary)
        #expect(SHA256.hex(rendered) == encoding.sourceSHA256)
        if let shared = TokenFixtures.sharedVocabularyDirectory {
            let file = try Data(contentsOf: shared.appendingPathComponent("\(encoding.rawValue).tiktoken"))
            #expect(Array(file) == rendered)
        }
    }

    @Test func sha256OfKnownInputs() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func everyTokenIsFoundAtItsRank() throws {
        for encoding in TokenEncoding.allCases {
            let vocabulary = try VocabularyTable(blob: encoding.blob)
            var misses = 0
            for rank in 0..<vocabulary.tokenCount {
                let bytes = Array(vocabulary.bytes(ofToken: rank))
                let found = bytes.withUnsafeBufferPointer { buffer in
                    vocabulary.rank(of: buffer.baseAddress!, count: buffer.count, readableEnd: buffer.baseAddress! + buffer.count)
                }
                if found != UInt32(rank) { misses += 1 }
            }
            #expect(misses == 0, "\(encoding.rawValue): \(misses) tokens not found at their rank")
        }
    }

    /// Two-byte lookups skip the hash table and read the pair table, which must hold exactly the
    /// vocabulary's two-byte tokens.
    @Test(arguments: TokenEncoding.allCases)
    func pairTableHoldsExactlyTheTwoByteTokens(_ encoding: TokenEncoding) throws {
        let vocabulary = try VocabularyTable(blob: encoding.blob)
        var expected = [UInt32](repeating: VocabularyTable.noRank, count: 65536)
        for rank in 0..<vocabulary.tokenCount {
            let bytes = vocabulary.bytes(ofToken: rank)
            if bytes.count == 2 { expected[Int(bytes[0]) << 8 | Int(bytes[1])] = UInt32(rank) }
        }
        let table = (0..<65536).map { vocabulary.pairRanks[$0] }
        #expect(table == expected)
        #expect(expected.filter { $0 != VocabularyTable.noRank }.count > 1000)
    }

    @Test func damagedBlobsAreRejected() {
        var bytes = [UInt8](repeating: 0, count: 256)
        bytes.withUnsafeBufferPointer { buffer in
            let blob = llmrouteBlob(buffer)
            #expect(throws: VocabularyError.badMagic) { try VocabularyTable(blob: blob) }
        }
        bytes.replaceSubrange(0..<8, with: VocabularyTable.magic)
        bytes.withUnsafeBufferPointer { buffer in
            let blob = llmrouteBlob(buffer)
            #expect(throws: VocabularyError.unsupportedVersion(0)) { try VocabularyTable(blob: blob) }
        }
        // A real header whose stated total size disagrees with the blob's length.
        let real = TokenEncoding.cl100kBase.blob
        let truncated = llmroute_blob(bytes: real.bytes, count: real.count - 1)
        #expect(throws: VocabularyError.truncated) { try VocabularyTable(blob: truncated) }
    }
}

private func llmrouteBlob(_ buffer: UnsafeBufferPointer<UInt8>) -> llmroute_blob {
    llmroute_blob(bytes: buffer.baseAddress, count: buffer.count)
}
