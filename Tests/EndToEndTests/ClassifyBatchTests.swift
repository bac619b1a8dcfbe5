import Foundation
import Testing

/// `classify --jsonl` classifies chunks in parallel: the output must still be one line per
/// input line, in input order, with bad lines reported at their own line numbers.
@Suite("End to end: classify --jsonl in parallel")
struct ClassifyBatchTests {
    @Test func manyChunksComeOutInInputOrder() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let count = 5_000
        var input = ""
        for index in 1...count {
            if index % 10 == 0 {
                input += "{\"id\": \(index), \"prompt\": broken\n"
            } else {
                let prompt = index % 3 == 0 ? "Prove that there are infinitely many primes, case \(index)" : "What is \(index) + 1?"
                input += "{\"id\": \(index), \"prompt\": \"\(prompt)\"}\n"
            }
        }
        let result = try runner.run(["classify", "--jsonl"], stdin: input)
        #expect(result.status == 1, "bad lines make the exit status 1")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == count)
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            let object = try #require(try BinaryRunner.json(String(line)) as? [String: Any])
            if number % 10 == 0 {
                #expect(object["line"] as? Int == number, "\(line)")
            } else {
                #expect(object["id"] as? Int == number, "\(line)")
                #expect(object["tier"] is String)
            }
        }
        #expect(result.stderr.contains("500 of 5000 lines were not valid input"))
    }
}
