/// Rejects text that would crash or fool the TOML parser, before it sees it: table headers and
/// array elements toml++ mishandles, and NUL bytes.
///
/// toml++ (bundled by TOMLKit) enters `parse_key()` for a header such as `[ ,x]` or `[[[a]]]`
/// without checking the first character: debug builds abort on an assertion, release builds
/// reach undefined behaviour (the assertion becomes `__builtin_assume`). Fixed upstream in
/// marzer/tomlplusplus#301, not yet in the TOMLKit we depend on; found by Fuzz/fuzz-config.
/// Likewise `u = [}`: toml++ asserts that an array element does not start with '}'. So both are
/// reported here, with their line.
enum TOMLParserGuard {
    static func problem(in text: String) -> (line: Int, message: String)? {
        let bytes = Array(text.utf8)
        // TOMLKit hands the text to toml++ as a C string, so a NUL would silently end the file
        // there (found by fuzz-config); TOML allows no NUL anywhere, so it is an error anywhere.
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return (line, "TOML syntax error: NUL byte (\\0) in the file; TOML text cannot contain one")
        }
        // toml++ skips a byte order mark, so a header can follow it.
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var open: [UInt8] = []  // the arrays and inline tables open in values, innermost last
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
            case 0x5B where open.isEmpty && atLineStart:  // a table header: check its first character
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
                open.append(b)
                i += 1
                atLineStart = false
            case 0x7D where open.last == 0x5B:
                // toml++ parses a '}' starting an array element as a value: the same abort.
                return (line, "TOML syntax error: '}' inside an array (a missing ']'?)")
            case 0x5D, 0x7D:
                if !open.isEmpty { open.removeLast() }  // a header's ']' closes nothing here
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
