import Testing
@testable import LLMRouteCore

@Suite struct JSONTests {
    @Test func roundTripsAndKeepsKeyOrder() throws {
        let text = #"{"b":1,"a":[true,false,null,-2.5e3,"x\"y\\z\n\u00e9\ud83d\ude00"],"c":{}}"#
        let value = try JSONParser.parse(text)
        #expect(value["b"] == .integer(1))
        #expect(value.serialized() == #"{"b":1,"a":[true,false,null,-2500,"x\"y\\z\né😀"],"c":{}}"#)
        #expect(try JSONParser.parse(value.pretty()) == value)
    }

    @Test(arguments: [
        "", "{", "{\"a\"}", "{\"a\":}", "[1,]", "01", "1.", "-", "\"abc", "\"\\x\"", "tru", "{} x", "\"a\u{01}\"", "[1 2]",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
    }

    @Test func stringsWithAndWithoutEscapesDecodeTheSame() throws {
        #expect(try JSONParser.parse(#""plain €ü 😀""#) == .string("plain €ü 😀"))
        #expect(try JSONParser.parse(#""€\n\u00e9x\"""#) == .string("€\néx\""))
        #expect(try JSONParser.parse(#"["", "\\", "a\/b"]"#) == .array([.string(""), .string("\\"), .string("a/b")]))
        // Invalid UTF-8 before or after an escape is still rejected.
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xFF, 0x5C, 0x6E, 0x22]) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0x5C, 0x6E, 0xC3, 0x22]) }
    }

    @Test func loneSurrogateBecomesReplacement() throws {
        #expect(try JSONParser.parse(#""\ud800x""#) == .string("\u{FFFD}x"))
    }

    @Test func escapesControlCharacters() {
        #expect(JSONValue.string("a\u{01}\u{7F}").serialized() == #""a\u0001\u007f""#)
        #expect(JSONValue.number(.nan).serialized() == "null")
        #expect(JSONValue.number(1.5e-07).serialized() == "1.5e-07")
    }
}
