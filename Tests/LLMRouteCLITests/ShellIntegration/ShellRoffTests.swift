import Testing
@testable import LLMRouteCLI

@Suite("Roff escaping")
struct ShellRoffTests {
    @Test func escapesBackslashesHyphensAndNonASCII() {
        #expect(Roff.escape("a\\b") == "a\\eb")
        #expect(Roff.escape("--max-cost") == "\\-\\-max\\-cost")
        #expect(Roff.escape("0–1 → x") == "0\\[u2013]1 \\[u2192] x")
        #expect(Roff.escape("😀") == "\\[u1F600]")
    }

    @Test func codeSpansBecomeBold() {
        #expect(Roff.prose("see `llmroute models`.") == "see \\fBllmroute models\\fR.")
        #expect(Roff.prose("an `unclosed span") == "an \\fBunclosed span\\fR")
    }

    /// A text line starting with `.` or `'` would be read as a request and vanish.
    @Test func protectsLinesThatWouldBeRequests() {
        #expect(Roff.lines(".config is read") == ["\\&.config is read"])
        #expect(Roff.lines("'quoted' first") == ["\\&'quoted' first"])
        let wrapped = Roff.lines("word " + String(repeating: "x", count: 76) + " .hidden", width: 80)
        #expect(wrapped == ["word", String(repeating: "x", count: 76), "\\&.hidden"])
        #expect(Roff.literal(".profile") == "\\&.profile")
        #expect(Roff.literal("a\\n") == "a\\en")
    }

    @Test func macroArgumentsQuoteDoubleQuotes() {
        #expect(Roff.argument("config init") == "\"config init\"")
        #expect(Roff.argument("say \"hi\"") == "\"say \\(dqhi\\(dq\"")
    }

    @Test func wrapsAtEightyColumns() {
        let text = String(repeating: "word ", count: 50)
        for line in Roff.lines(text) { #expect(line.count <= 80) }
        #expect(Roff.lines(text).joined(separator: " ") == text.trimmingCharacters())
    }
}
