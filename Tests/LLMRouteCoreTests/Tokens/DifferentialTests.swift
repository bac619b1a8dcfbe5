import Foundation
import Testing
@testable import LLMRouteCore

/// Compares against tiktoken on a file that Scripts/tokenizer/differential.py writes (thousands of
/// seeded random and adversarial strings) and names in LLMROUTE_DIFF_FILE. Without the variable
/// the test is skipped; `make test-tokenizer` always sets it, and the script checks the result
/// file this test writes, so a skipped or partial run fails there instead of passing quietly.
@Suite struct DifferentialTests {
    static let inputPath = ProcessInfo.processInfo.environment["LLMROUTE_DIFF_FILE"]

    @Test(.enabled(if: inputPath != nil, "set LLMROUTE_DIFF_FILE (make test-tokenizer does)"))
    func matchesTiktokenOnGeneratedStrings() throws {
        let path = try #require(Self.inputPath)
        let lines = try TokenFixtures.jsonLines(URL(fileURLWithPath: path))
        var compared = 0
        var mismatches: [String] = []
        for (index, line) in lines.enumerated() {
            let hex = line.hex
            let bytes = hex.map(TokenFixtures.bytes(fromHex:))
            let text = line.text
            for encoding in TokenEncoding.allCases {
                guard let expected = line.ids(for: encoding) else { continue }
                let tokenizer = BPETokenizer.shared(encoding)
                let actual = bytes.map { tokenizer.encode(bytes: $0) } ?? tokenizer.encode(text!)
                let counted = bytes.map { tokenizer.count(bytes: $0) } ?? tokenizer.count(text!)
                compared += 1
                if actual != expected || counted != expected.count {
                    let kind = line.kind ?? "?"
                    let shown = hex ?? String(reflecting: String(text!.prefix(120)))
                    mismatches.append("line \(index + 1) [\(kind)] \(encoding.rawValue): \(shown)\n  expected \(expected.prefix(40))\n  actual   \(actual.prefix(40))")
                }
            }
        }
        let summary = "compared \(compared) mismatches \(mismatches.count)\n"
        try summary.write(toFile: path + ".result", atomically: true, encoding: .utf8)
        #expect(compared > 0)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(20).joined(separator: "\n"))")
    }
}
