/// Rejects table headers that would crash the TOML parser, before it sees them.
///
/// toml++ (bundled by TOMLKit) enters `parse_key()` for a header such as `[ ,x]` or `[[[a]]]`
/// without checking the first character: debug builds abort on an assertion, release builds
/// reach undefined behaviour (the assertion becomes `__builtin_assume`). Fixed upstream in
/// marzer/tomlplusplus#301, not yet in the TOMLKit we depend on; found by Fuzz/fuzz-config.
/// So a header whose name does not start with a key character is reported here, with its line.
enum TOMLHeaderGuard {
    static func problem(in text: String) -> (line: Int, message: String)? {
        let bytes = Array(text.utf8)
        var i = 0
        var line = 1
        var depth = 0  // open arrays and inline tables in values
        var atLineStart = true
        func isKeyStart(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                || b == 0x5F || b == 0x2D || b == 0x22 || b == 0x27
        }
        func skipBlanks(_ j: inout Int) { while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 } }
        func has(_ s: String, at j: Int) -> Bool {
            let needle = Array(s.utf8)
            return j + needle.count <= bytes.count && bytes[j..<(j + needle.count)].elementsEqual(needle)
        }
        /// Skips a string starting at `i`, counting the lines a multi-line one spans.
        func skipString() {
            let quote = bytes[i]
            let multi = has(quote == 0x22 ? "\"\"\"" : "'''", at: i)
            i += multi ? 3 : 1
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x5C && quote == 0x22 {  // an escape; a line-ending backslash continues the line
                    if i + 1 < bytes.count, bytes[i + 1] == 0x0A { line += 1 }
                    i += 2
                    continue
                }
                if b == 0x0A {
                    if !multi { return }  // unterminated: the parser reports it
                    line += 1
                }
                if b == quote && (!multi || has(quote == 0x22 ? "\"\"\"" : "'''", at: i)) {
                    i += multi ? 3 : 1
                    return
                }
                i += 1
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x0A:
                line += 1
                atLineStart = true
                i += 1
            case 0x20, 0x09, 0x0D:
                i += 1
            case 0x23:  // comment
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
            case 0x22, 0x27:
                skipString()
                atLineStart = false
            case 0x5B where depth == 0 && atLineStart:  // a table header: check its first character
                var j = i + 1
                skipBlanks(&j)
                if j < bytes.count, bytes[j] == 0x5B, j == i + 1 {
                    j += 1
                    skipBlanks(&j)
                }
                if j < bytes.count, bytes[j] != 0x5D, !isKeyStart(bytes[j]) {
                    let shown = bytes[j] == 0x0A || bytes[j] == 0x0D ? "end of line" : String(decoding: [bytes[j]], as: UTF8.self)
                    return (line, "TOML syntax error: a table header must start with a name (letters, digits, _ or -, or a quoted string), found '\(shown)'")
                }
                i = j
                atLineStart = false
            case 0x5B, 0x7B:
                depth += 1
                i += 1
                atLineStart = false
            case 0x5D, 0x7D:
                depth = max(0, depth - 1)
                i += 1
                atLineStart = false
            default:
                i += 1
                atLineStart = false
            }
        }
        return nil
    }
}
