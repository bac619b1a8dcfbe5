/// Small edits to a config file's text that keep the user's comments and layout:
/// used by `route --calibrate --write-config` to store the calibrated threshold.
public enum ConfigEditor {
    /// Sets `key = value` in `[table]`: replaces the key's line if present, else adds it right
    /// after the table header, else appends the table at the end.
    public static func set(_ key: String, to value: String, inTable table: String, text: String) -> String {
        // By scalar, so CRLF files split into lines too (each keeps its CR, so they stay CRLF).
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(Substring($0)) }
        var inTable = false
        var headerIndex: Int? = nil
        for index in lines.indices {
            let trimmed = lines[index].drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix("[") {
                let (keys, _) = TOMLKeyLocator.parseKey(trimmed.dropFirst(trimmed.hasPrefix("[[") ? 2 : 1))
                inTable = keys.joined(separator: ".") == table
                if inTable { headerIndex = index }
                continue
            }
            guard inTable else { continue }
            let (keys, rest) = TOMLKeyLocator.parseKey(trimmed)
            if keys == [key], rest.first == "=" {
                lines[index] = "\(key) = \(value)"
                return lines.joined(separator: "\n")
            }
        }
        if let headerIndex {
            lines.insert("\(key) = \(value)", at: headerIndex + 1)
            return lines.joined(separator: "\n")
        }
        var result = text
        if !result.isEmpty && result.utf8.last != 0x0A { result += "\n" }  // "\r\n" is no "\n" Character
        if !result.isEmpty { result += "\n" }
        return result + "[\(table)]\n\(key) = \(value)\n"
    }
}
