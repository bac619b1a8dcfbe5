import Testing
@testable import LLMRouteCLI
import LLMRouteCore

@Suite("ask --jsonl input lines")
struct BatchInputTests {
    @Test func everyLineGivesOneRequestOrOneNumberedError() {
        let text = "{\"id\": \"a\", \"prompt\": \"hi\", \"model\": \"m\", \"system\": \"s\"}\nnot json\n\n{\"prompt\": \"\"}\r\n[1]\n{\"prompt\": \"x\"}\r\n"
        let lines = BatchInput.lines(of: text)
        #expect(lines.count == 6, "a final newline starts no line; an empty line is a line")
        let parsed = lines.enumerated().map { BatchInput.parse($1, number: $0 + 1) }
        #expect(parsed[0] == .request(id: .string("a"), prompt: "hi", system: "s", model: "m"))
        guard case .invalid(let id, let message) = parsed[1] else { Issue.record("line 2 is not JSON"); return }
        #expect(id == .integer(2) && message.hasPrefix("line 2: invalid JSON"))
        guard case .invalid(_, let empty) = parsed[2] else { Issue.record("empty line"); return }
        #expect(empty.hasPrefix("line 3: "))
        guard case .invalid(_, let noPrompt) = parsed[3] else { Issue.record("empty prompt"); return }
        #expect(noPrompt == "line 4: needs a non-empty \"prompt\" string")
        guard case .invalid(_, let array) = parsed[4] else { Issue.record("array"); return }
        #expect(array.hasPrefix("line 5: "))
        #expect(parsed[5] == .request(id: .integer(6), prompt: "x", system: nil, model: nil), "CR before LF is whitespace")
    }

    @Test func oddBytes() {
        #expect(BatchInput.lines(of: "").isEmpty)
        #expect(BatchInput.lines(of: "\n").count == 1)
        let nul = BatchInput.parse("{\"prompt\": \"a\u{0}b\"}", number: 1)
        guard case .invalid(_, let message) = nul else { Issue.record("a raw NUL in a JSON string is invalid"); return }
        #expect(message.hasPrefix("line 1: "))
        let invalid = String(decoding: [0x7B, 0xFF, 0x7D], as: UTF8.self)
        guard case .invalid = BatchInput.parse(invalid[...], number: 9) else { Issue.record("replacement char outside a string"); return }
    }
}
