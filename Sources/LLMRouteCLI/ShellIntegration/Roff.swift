/// Writing man(7) roff: escaping text so that nothing in the spec's prose is read as a request
/// or an escape, and the few constructs the man page uses.
enum Roff {
    /// Escapes text for roff: `\` becomes `\e`; every `-` becomes `\-`, the ASCII hyphen-minus,
    /// so flags, model names and commands copied from the rendered page work in a shell (a plain
    /// `-` may render as a Unicode hyphen); non-ASCII characters become `\[uXXXX]`.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            case _ where scalar.value >= 0x80:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escaped prose in which `code spans` become bold, as in the spec's help texts.
    static func prose(_ text: String) -> String {
        var out = ""
        var inCode = false
        for (index, part) in escape(text).split(separator: "`", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { out += inCode ? "\\fR" : "\\fB" }
            if index > 0 { inCode.toggle() }
            out += part
        }
        return inCode ? out + "\\fR" : out
    }

    static func bold(_ text: String) -> String { "\\fB" + escape(text) + "\\fR" }
    static func italic(_ text: String) -> String { "\\fI" + escape(text) + "\\fR" }

    /// Text lines of at most about 80 columns (mandoc's style check asks for that and diffs of
    /// the committed page stay readable). Breaks only at spaces outside escapes; a line that
    /// would start with `.` or `'` (a request) is protected with `\&`.
    static func lines(_ text: String, width: Int = 80) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { $0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" + $0 : $0 }
    }

    /// A macro argument in double quotes (`.SS "config init"`).
    static func argument(_ text: String) -> String {
        "\"" + escape(text).split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\\(dq") + "\""
    }

    /// A literal line for `.EX` blocks: escaped, protected against a leading `.` or `'`.
    static func literal(_ text: String) -> String {
        let line = escape(text)
        return line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : line
    }
}
