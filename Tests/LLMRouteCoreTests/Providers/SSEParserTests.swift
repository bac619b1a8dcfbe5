import Testing
@testable import LLMRouteCore

@Suite("SSE parser")
struct SSEParserTests {
    func parse(_ chunks: [[UInt8]]) -> [SSEEvent] {
        var parser = SSEParser()
        return chunks.flatMap { parser.feed($0) } + parser.finish()
    }

    @Test func lineEndingsCommentsEventNamesAndMultilineData() {
        let text = ": comment\r\nevent: delta\r\ndata: one\r\ndata:two\r\n\r\ndata: lf\n\ndata: cr\r\rid: 7\nretry: 10\nunknown: x\ndata: after\n\n"
        let events = parse([Array(text.utf8)])
        #expect(events == [
            SSEEvent(type: "delta", data: "one\ntwo"),
            SSEEvent(data: "lf"),
            SSEEvent(data: "cr"),
            SSEEvent(data: "after"),
        ])
    }

    @Test func anEventWithoutItsBlankLineAtTheEndIsDropped() {
        #expect(parse([Array("data: a\n\ndata: incomplete\n".utf8)]) == [SSEEvent(data: "a")])
    }

    @Test func fieldWithoutColonAndEmptyData() {
        // "data" alone is a data field with an empty value: an event with empty data is dispatched.
        #expect(parse([Array("data\n\nevent: x\n\n".utf8)]) == [SSEEvent(data: "")])
    }

    @Test func everySplitOfTheStreamGivesTheSameEvents() {
        let text = "\u{FEFF}event: a\r\ndata: h\u{E9}llo \u{1F600}\r\n\r\n: ping\n\ndata: {\"x\":1}\rdata: 2\r\r"
        let bytes = Array(text.utf8)
        let whole = parse([bytes])
        #expect(whole == [SSEEvent(type: "a", data: "h\u{E9}llo \u{1F600}"), SSEEvent(data: "{\"x\":1}\n2")])
        for cut in 0...bytes.count {
            #expect(parse([Array(bytes[..<cut]), Array(bytes[cut...])]) == whole, "split at \(cut)")
        }
        // One byte at a time, and in a few random splits.
        #expect(parse(bytes.map { [$0] }) == whole)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var chunks: [[UInt8]] = []
            var index = 0
            while index < bytes.count {
                let size = Int.random(in: 1...7, using: &generator)
                chunks.append(Array(bytes[index..<min(bytes.count, index + size)]))
                index += size
            }
            #expect(parse(chunks) == whole)
        }
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let events = parse([Array("data: a".utf8) + [0xFF, 0xFE] + Array("b\n\n".utf8)])
        #expect(events == [SSEEvent(data: "a\u{FFFD}\u{FFFD}b")])
    }
}
