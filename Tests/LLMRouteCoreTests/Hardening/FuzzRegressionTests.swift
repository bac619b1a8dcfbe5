import Testing
@testable import LLMRouteCore

/// Inputs the fuzz targets (Fuzz/) found to break something, kept as tests.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    func loadError(_ text: String) -> ConfigError? {
        do { _ = try ConfigLoader.load(text: text, file: "f.toml"); return nil } catch { return error }
    }

    /// fuzz-config: these headers and array elements made toml++ abort on an assertion (debug
    /// builds) or reach undefined behaviour (release builds).
    @Test(arguments: [("[ ,2x = 2\n", 1), ("[[[1]]]\n", 1), ("[[[a]]]\n", 1), ("[[[]]\n", 1), ("[[=\n", 1),
                      ("a = 1\n\n[\t.b]\n", 3), ("x = \"\"\"\n[\n\"\"\"\n[ *]\n", 4), ("s = \"\"\"a\\\n\\\nb\"\"\"\n[,]\n", 4),
                      ("[\nkind = \"x\"\n", 1), ("[\r\n", 1), ("\u{FEFF}[\r\r", 1),
                      ("u=[}\n", 1), ("a = 1\nu=[1,}\n", 2), ("u={a=[}]}\n", 1), ("u=[ # c\n}\n", 2)])
    func textThatCrashedTheTOMLParser(text: String, line: Int) throws {
        let error = try #require(loadError(text))
        #expect(error.message.contains("TOML syntax error") && (error.message.contains("table header") || error.message.contains("inside an array")), "\(error)")
        #expect(error.line == line, "\(error)")
    }

    @Test func bracketsInsideValuesAreNotHeaders() throws {
        let text = """
        [routing]
        weak = [
          "gpt-4o-mini",
        ]
        strong = ['''[ ,odd''']
        candidates = ["[ ,]", "gpt-4o"]  # [ , in a comment
        """
        let result = loadError(text)
        #expect(result == nil || !(result!.message.contains("table header")), "\(String(describing: result))")
        #expect(TOMLParserGuard.problem(in: "s = \"\"\"\n[ ,\n\"\"\"\ndata = [\n[ 1 ],\n{ a = 1 },\n]\n") == nil)
    }

    /// fuzz-config / fuzz-jsonl: "\r\n" is one Character, so Character-based line splitting
    /// saw a CRLF file as one line: every error said line 1, and batch lines merged.
    @Test func crlfConfigsReportTheRightLine() throws {
        let e = try #require(loadError("[routing]\r\nstrategy = \"cost\"\r\ncolour = 1\r\n"))
        #expect(e.line == 3, "\(e)")
        let edited = ConfigEditor.set("threshold", to: "0.4", inTable: "routing", text: "[routing]\r\nstrategy = \"cost\"\r\n")
        #expect(edited.hasPrefix("[routing]\r\nthreshold = 0.4\nstrategy = \"cost\"\r\n"), "\(edited.debugDescription)")
        let appended = ConfigEditor.set("threshold", to: "0.4", inTable: "routing", text: "[models.x]\r\nquality = 1\r\n")
        #expect(appended == "[models.x]\r\nquality = 1\r\n\n[routing]\nthreshold = 0.4\n")
    }

    /// fuzz-config: toml++ gets the text as a C string, so everything after a NUL was silently
    /// ignored; and the key locator ran off the end of a quoted key ending in a backslash.
    @Test func nulBytesAndTrailingBackslashes() throws {
        let nul = try #require(loadError("[routing]\nstrategy = \"cost\"\n# \u{0}\n[routing.bogus]\n"))
        #expect(nul.line == 3 && nul.message.contains("NUL byte"), "\(nul)")
        let located = TOMLKeyLocator(text: "a = 1\n\"key\\")
        #expect(located.line(of: ["a"]) == 1)
    }

    /// fuzz-openai / fuzz-anthropic: 1e999 parsed as infinity (serialized back as null), and a
    /// usage count like 1e30 trapped in `Int(_:)`, crashing `ask` on a hostile server's reply.
    @Test func hugeNumbersNeitherParseAsInfinityNorTrap() throws {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("44444444444E444") }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("[-1e400]") }
        var openai = OpenAIStreamDecoder()
        let usage = try openai.decode(SSEEvent(data: #"{"choices":[],"usage":{"prompt_tokens":1e30,"completion_tokens":2.5}}"#))
        #expect(usage == [.usage(TokenUsage())])
        #expect(throws: ProviderError.self) { try openai.decode(SSEEvent(data: #"{"error":{"message":"x","code":1e300}}"#)) }
        var anthropic = AnthropicStreamDecoder()
        let big = try anthropic.decode(SSEEvent(type: "message_delta", data: #"{"type":"message_delta","usage":{"output_tokens":9.3e18}}"#))
        #expect(big == [.usage(TokenUsage())])
        #expect(JSONValue.number(12).intValue == 12 && JSONValue.integer(-3).intValue == -3)
    }
}
