/// Finds the line each key of a TOML document was written on.
///
/// TOMLKit reports lines for syntax errors only; for "unknown key" or "wrong type" we want
/// `file:line` too. This scanner reads the text once, tracking table headers, dotted and quoted
/// keys, inline tables and multi-line strings/arrays. It only runs on text TOMLKit has already
/// accepted, so it can be forgiving: a key it cannot place simply has no line.
struct TOMLKeyLocator {
    private(set) var lines: [String: Int] = [:]
    /// How many `[[name]]` headers were seen so far, to give array-of-tables entries an index.
    private var arrayCounts: [String: Int] = [:]

    static func pathKey(_ path: [String]) -> String { path.joined(separator: "\u{1F}") }

    init(text: String) {
        var table: [String] = []
        var lineNumber = 0
        var pendingCloser: String? = nil  // inside a multi-line string: its closing quotes
        var bracketDepth = 0  // inside a multi-line array or inline table
        // By scalar: "\r\n" is a single Character, so a Character split would see one line.
        for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init) {
            lineNumber += 1
            var line = Substring(raw)
            if let closer = pendingCloser {
                guard let end = line.firstRange(of: closer) else { continue }
                pendingCloser = nil
                line = line[end.upperBound...]
            }
            if bracketDepth > 0 {
                bracketDepth += Self.bracketBalance(line, pendingCloser: &pendingCloser)
                continue
            }
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix("[") {
                let isArray = trimmed.hasPrefix("[[")
                let inner = trimmed.dropFirst(isArray ? 2 : 1)
                let keys = Self.parseKey(inner).keys
                var path = keys
                if isArray {
                    let name = Self.pathKey(keys)
                    let index = arrayCounts[name, default: 0]
                    arrayCounts[name] = index + 1
                    path.append(String(index))
                }
                table = path
                record(path, lineNumber)
                continue
            }
            let (keys, rest) = Self.parseKey(trimmed)
            guard !keys.isEmpty, rest.first == "=" else { continue }
            let full = table + keys
            record(full, lineNumber)
            let value = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
            if value.hasPrefix("{") { recordInline(value, prefix: full, line: lineNumber) }
            bracketDepth = Self.bracketBalance(value, pendingCloser: &pendingCloser)
        }
    }

    func line(of path: [String]) -> Int? { lines[Self.pathKey(path)] }

    private mutating func record(_ path: [String], _ line: Int) {
        // Intermediate tables of a dotted key live where they are first mentioned.
        for count in 1...max(path.count, 1) where count <= path.count {
            let key = Self.pathKey(Array(path.prefix(count)))
            if lines[key] == nil { lines[key] = line }
        }
    }

    /// `name = { a = 1, b = { c = 2 } }`: record the keys inside, on the same line.
    private mutating func recordInline(_ value: Substring, prefix: [String], line: Int) {
        var stack = [prefix]
        var rest = value.dropFirst()
        while !rest.isEmpty {
            rest = rest.drop(while: { $0 == " " || $0 == "," || $0 == "\t" })
            if rest.first == "}" { stack.removeLast(); rest = rest.dropFirst(); if stack.isEmpty { return }; continue }
            let (keys, after) = Self.parseKey(rest)
            guard !keys.isEmpty, after.first == "=" else { return }
            let path = (stack.last ?? prefix) + keys
            record(path, line)
            rest = after.dropFirst().drop(while: { $0 == " " })
            if rest.first == "{" { stack.append(path); rest = rest.dropFirst(); continue }
            rest = Self.skipValue(rest)
        }
    }

    /// Skips one scalar or array value inside an inline table.
    private static func skipValue(_ text: Substring) -> Substring {
        var depth = 0
        var quote: Character? = nil
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if let q = quote {
                if c == "\\" && q == "\"" { index = text.index(after: index) } else if c == q { quote = nil }
            } else if c == "\"" || c == "'" { quote = c
            } else if c == "[" { depth += 1
            } else if c == "]" { depth -= 1
            } else if depth == 0 && (c == "," || c == "}") { return text[index...] }
            if index < text.endIndex { index = text.index(after: index) }
        }
        return text[text.endIndex...]
    }

    /// Parses `a."b c".d` up to `=` or `]`; returns the keys and what follows (trimmed).
    static func parseKey(_ text: Substring) -> (keys: [String], rest: Substring) {
        var keys: [String] = []
        var rest = text.drop(while: { $0 == " " || $0 == "\t" })
        while let first = rest.first {
            if first == "\"" || first == "'" {
                var key = ""
                var index = rest.index(after: rest.startIndex)
                var closed = false
                while index < rest.endIndex {
                    let c = rest[index]
                    if c == first { closed = true; break }
                    if c == "\\" && first == "\"" {
                        index = rest.index(after: index)
                        guard index < rest.endIndex else { break }  // a backslash ending the line
                        key.append(rest[index])
                    } else { key.append(c) }
                    index = rest.index(after: index)
                }
                guard closed else { return ([], rest) }
                keys.append(key)
                rest = rest[rest.index(after: index)...]
            } else {
                let bare = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
                guard !bare.isEmpty else { return ([], rest) }
                keys.append(String(bare))
                rest = rest[bare.endIndex...]
            }
            rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            guard rest.first == "." else { break }
            rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        }
        return (keys, rest)
    }

    /// Net `[`/`{` minus `]`/`}` outside strings and comments on one line.
    private static func bracketBalance(_ text: Substring, pendingCloser: inout String?) -> Int {
        var depth = 0
        var quote: Character? = nil
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if let q = quote {
                if c == "\\" && q == "\"" { index = text.index(after: index) } else if c == q { quote = nil }
            } else {
                switch c {
                case "#": return depth
                case "\"", "'":
                    let triple = String(repeating: String(c), count: 3)
                    if text[index...].hasPrefix(triple) {
                        let after = text[text.index(index, offsetBy: 3)...]
                        guard let end = after.firstRange(of: triple) else { pendingCloser = triple; return depth }
                        index = end.upperBound
                        continue
                    }
                    quote = c
                case "[", "{": depth += 1
                case "]", "}": depth -= 1
                default: break
                }
            }
            if index < text.endIndex { index = text.index(after: index) }
        }
        return depth
    }
}
