import Testing
@testable import LLMRouteCore

@Suite struct TOMLKeyLocatorTests {
    @Test func locatesTablesDottedQuotedAndInlineKeys() {
        let text = """
        top = 1
        [a]
        b = "x # not a comment"
        "quoted key" = 2
        c.d = 3
        arr = [
          1,
          2,
        ]
        after = 4
        text = \"\"\"
        fake = 5
        \"\"\"
        inline = { x = 1, y = { z = 2 } }

        [[list]]
        name = "first"
        [[list]]
        name = "second"
        [a . 'e f']
        g = true
        """
        let locator = TOMLKeyLocator(text: text)
        #expect(locator.line(of: ["top"]) == 1)
        #expect(locator.line(of: ["a"]) == 2)
        #expect(locator.line(of: ["a", "b"]) == 3)
        #expect(locator.line(of: ["a", "quoted key"]) == 4)
        #expect(locator.line(of: ["a", "c", "d"]) == 5)
        #expect(locator.line(of: ["a", "arr"]) == 6)
        #expect(locator.line(of: ["a", "after"]) == 10)
        #expect(locator.line(of: ["a", "fake"]) == nil)
        #expect(locator.line(of: ["a", "inline", "y", "z"]) == 14)
        #expect(locator.line(of: ["list", "0", "name"]) == 17)
        #expect(locator.line(of: ["list", "1", "name"]) == 19)
        #expect(locator.line(of: ["a", "e f", "g"]) == 21)
    }
}
