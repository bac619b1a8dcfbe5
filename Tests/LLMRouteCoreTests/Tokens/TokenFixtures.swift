import Foundation
@testable import LLMRouteCore

/// Finds and reads the test fixtures and the optional shared vocabulary files.
enum TokenFixtures {
    /// The package root, from this file's path (Tests/LLMRouteCoreTests/Tokens/<file>).
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    static let directory = packageRoot.appendingPathComponent("Tests/LLMRouteCoreTests/Tokens/Fixtures")

    /// One golden case as make_golden.py writes it.
    struct GoldenCase {
        let name: String
        /// The string case's text, or for a byte case Python's replacement-decoded text.
        let text: String
        /// Raw bytes for a byte case (not valid UTF-8), nil for a string case.
        let rawBytes: [UInt8]?
        let ids: [Int]
    }

    /// One line of a fixture or differential file; which fields are set depends on the file.
    /// Parsed with JSONDecoder: JSONSerialization on Linux drops a U+FEFF that follows a string's
    /// opening quote or an escape, which the differential test caught.
    struct Line: Decodable {
        var name: String?
        var kind: String?
        var text: String?
        var hex: String?
        var decoded: String?
        var ids: [Int]?
        var o200kBase: [Int]?
        var cl100kBase: [Int]?

        enum CodingKeys: String, CodingKey {
            case name, kind, text, hex, decoded, ids
            case o200kBase = "o200k_base"
            case cl100kBase = "cl100k_base"
        }

        func ids(for encoding: TokenEncoding) -> [Int]? {
            switch encoding {
            case .o200kBase: o200kBase
            case .cl100kBase: cl100kBase
            }
        }
    }

    /// Lines split on the newline byte (JSON escapes every newline inside strings).
    static func jsonLines(_ url: URL) throws -> [Line] {
        let data = try Data(contentsOf: url)
        let decoder = JSONDecoder()
        return try data.split(separator: 0x0A).map { try decoder.decode(Line.self, from: Data($0)) }
    }

    static func golden(_ encoding: String) throws -> [GoldenCase] {
        try jsonLines(directory.appendingPathComponent("golden_\(encoding).jsonl")).map { line in
            GoldenCase(name: line.name!, text: (line.text ?? line.decoded)!,
                       rawBytes: line.hex.map(bytes(fromHex:)), ids: line.ids!)
        }
    }

    static func bytes(fromHex hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }

    /// Folder with the published .tiktoken files, if this machine has one:
    /// $LLMROUTE_TIKTOKEN_DIR, else the repository's data/tiktoken.
    static var sharedVocabularyDirectory: URL? {
        var candidates: [URL] = []
        if let dir = ProcessInfo.processInfo.environment["LLMROUTE_TIKTOKEN_DIR"] {
            candidates.append(URL(fileURLWithPath: dir))
        }
        candidates.append(packageRoot.appendingPathComponent("data/tiktoken"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("o200k_base.tiktoken").path) }
    }
}
