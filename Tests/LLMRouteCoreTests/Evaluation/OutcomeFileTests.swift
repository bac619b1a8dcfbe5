import Testing
@testable import LLMRouteCore

@Suite("Evaluation: reading outcome files")
struct OutcomeFileTests {
    static func read(_ text: String, scoreField: String? = nil) -> OutcomeFile {
        OutcomeFile(Array(text.utf8), scoreField: scoreField)
    }

    @Test func goodLinesBecomeRecords() {
        let file = Self.read("{\"id\": \"a\", \"prompt\": \"hi\", \"weak\": 1, \"strong\": 0.5}\n\n  \r\n{\"prompt\": \"x\", \"weak\": 0, \"strong\": 1}")
        #expect(file.problems.isEmpty)
        #expect(file.records.map(\.line) == [1, 4], "blank lines are skipped but still counted")
        #expect(file.records[0] == OutcomeFile.Record(line: 1, id: .string("a"), prompt: "hi", weak: 1, strong: 0.5, score: nil))
    }

    @Test func everyBadLineIsNamedAndTheRestAreKept() {
        let text = """
        {"prompt": "ok", "weak": 0, "strong": 1}
        not json
        {"prompt": "w", "weak": "1", "strong": 1}
        {"weak": 0, "strong": 1}
        [1, 2]
        {"prompt": 3, "weak": 0, "strong": 1}
        {"prompt": "s", "weak": 0}
        {"prompt": "ok too", "weak": 1, "strong": 1}
        """
        let file = Self.read(text)
        #expect(file.records.map(\.line) == [1, 8])
        #expect(file.problems.map(\.line) == [2, 3, 4, 5, 6, 7])
        let messages = file.problems.map(\.description)
        #expect(messages[0].hasPrefix("line 2: not JSON"))
        #expect(messages[1] == "line 3: \"weak\" must be a number, got a string")
        #expect(messages[2].hasPrefix("line 4: missing \"prompt\""))
        #expect(messages[3] == "line 5: expected a JSON object with \"prompt\", \"weak\" and \"strong\", got an array")
        #expect(messages[4] == "line 6: \"prompt\" must be a string, got a number")
        #expect(messages[5] == "line 7: \"strong\" is missing (a number)")
    }

    @Test func aScoreFieldReplacesThePrompt() {
        let file = Self.read("""
        {"s": 0.25, "weak": 0, "strong": 1}
        {"prompt": "p", "weak": 0, "strong": 1}
        {"s": "high", "weak": 0, "strong": 1}
        """, scoreField: "s")
        #expect(file.records.count == 1 && file.records[0].score == 0.25 && file.records[0].prompt == nil)
        #expect(file.problems.map(\.description) == [
            "line 2: score field \"s\" is missing (a number)",
            "line 3: score field \"s\" must be a number, got a string",
        ])
    }

    /// Outcomes near Double's limit would overflow APGR's sums of differences to infinity.
    @Test func outcomesBeyondATrillionAreRefusedButAnyFiniteScoreIsRead() {
        let file = Self.read("""
        {"s": 1e300, "weak": -1.7e308, "strong": 1.7e308}
        {"s": -1e300, "weak": 0, "strong": 1e12}
        """, scoreField: "s")
        #expect(file.records.map(\.line) == [2])
        #expect(file.problems.map(\.description) == [
            "line 1: \"weak\" is -1.7e+308, outside ±1e12 (outcomes are correctness or judge scores)",
        ])
    }
}
