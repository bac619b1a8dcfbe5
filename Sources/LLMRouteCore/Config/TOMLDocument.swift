import TOMLKit

/// Parses TOML text into a `ConfigNode` tree with line numbers.
enum TOMLDocument {
    static func parse(_ text: String, file: String) throws(ConfigError) -> ConfigNode {
        if let problem = TOMLParserGuard.problem(in: text) {
            throw ConfigError(file: file, line: problem.line, message: problem.message)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(
                file: file, line: error.source.begin.line,
                message: "TOML syntax error: \(error.description)")
        } catch {
            throw ConfigError(file: file, message: "TOML syntax error: \(error)")
        }
        let locator = TOMLKeyLocator(text: text)
        return ConfigNode(convert(table, path: [], locator: locator), line: nil)
    }

    private static func convert(_ table: TOMLTable, path: [String], locator: TOMLKeyLocator) -> ConfigValue {
        var entries: [ConfigEntry] = []
        for key in table.keys {
            guard let value = table[key] else { continue }
            let childPath = path + [key]
            let node = ConfigNode(convert(value, path: childPath, locator: locator), line: locator.line(of: childPath))
            entries.append(ConfigEntry(key: key, node: node))
        }
        // Report problems in the order the user wrote them.
        entries.sort { ($0.node.line ?? Int.max, $0.key) < ($1.node.line ?? Int.max, $1.key) }
        return .table(entries)
    }

    private static func convert(_ value: TOMLValueConvertible, path: [String], locator: TOMLKeyLocator) -> ConfigValue {
        switch value.type {
        case .table:
            return convert(value.table!, path: path, locator: locator)
        case .array:
            let array = value.array!
            let line = locator.line(of: path)
            var items: [ConfigNode] = []
            for (index, item) in array.enumerated() {
                // `[[name]]` entries are located by their index; plain arrays share the key's line.
                let itemPath = path + [String(index)]
                let itemLine = locator.line(of: itemPath) ?? line
                items.append(ConfigNode(convert(item, path: itemPath, locator: locator), line: itemLine))
            }
            return .array(items)
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .date: return .other("date")
        case .time: return .other("time")
        case .dateTime: return .other("date-time")
        }
    }
}
