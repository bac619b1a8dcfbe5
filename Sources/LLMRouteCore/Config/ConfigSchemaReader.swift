/// Typed access to a `ConfigNode` tree that turns every mismatch into a `file:line` error.
struct ConfigSchemaReader {
    let file: String

    func fail(_ node: ConfigNode?, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node?.line, message: message)
    }

    /// The entries of a table, after checking that every key is one we know.
    func table(_ node: ConfigNode, at path: String, allowed: [String]?) throws(ConfigError) -> [ConfigEntry] {
        guard case .table(let entries) = node.value else {
            throw fail(node, "\(path) must be a table, found \(node.value.typeDescription)")
        }
        if let allowed {
            for entry in entries where !allowed.contains(entry.key) {
                var message = "unknown key '\(entry.key)' in \(path.isEmpty ? "the top level" : "[\(path)]")"
                if let near = NearestMatch.suggest(entry.key, among: allowed) {
                    message += "; did you mean '\(near)'?"
                } else {
                    message += " (known keys: \(allowed.joined(separator: ", ")))"
                }
                throw fail(entry.node, message)
            }
        }
        return entries
    }

    func string(_ node: ConfigNode, _ path: String) throws(ConfigError) -> String {
        guard case .string(let value) = node.value else {
            throw fail(node, "\(path) must be a string, found \(node.value.typeDescription)")
        }
        return value
    }

    func number(_ node: ConfigNode, _ path: String, min: Double? = nil, max: Double? = nil) throws(ConfigError) -> Double {
        let value: Double
        switch node.value {
        case .float(let v): value = v
        case .integer(let v): value = Double(v)
        default: throw fail(node, "\(path) must be a number, found \(node.value.typeDescription)")
        }
        guard value.isFinite else { throw fail(node, "\(path) must be a finite number") }
        if let min, value < min { throw fail(node, "\(path) must be at least \(min), found \(value)") }
        if let max, value > max { throw fail(node, "\(path) must be at most \(max), found \(value)") }
        return value
    }

    func bool(_ node: ConfigNode, _ path: String) throws(ConfigError) -> Bool {
        guard case .bool(let value) = node.value else {
            throw fail(node, "\(path) must be true or false, found \(node.value.typeDescription)")
        }
        return value
    }

    func integer(_ node: ConfigNode, _ path: String, min: Int = 0) throws(ConfigError) -> Int {
        guard case .integer(let value) = node.value else {
            throw fail(node, "\(path) must be an integer, found \(node.value.typeDescription)")
        }
        guard value >= min else { throw fail(node, "\(path) must be at least \(min), found \(value)") }
        return value
    }

    /// A string or an array of strings (a list is an ordered fallback group).
    func stringList(_ node: ConfigNode, _ path: String) throws(ConfigError) -> [String] {
        switch node.value {
        case .string(let value): return [value]
        case .array(let items):
            var result: [String] = []
            for item in items { result.append(try string(item, "each entry of \(path)")) }
            guard !result.isEmpty else { throw fail(node, "\(path) must not be empty") }
            return result
        default:
            throw fail(node, "\(path) must be a model name or a list of model names, found \(node.value.typeDescription)")
        }
    }

    func choice<E: RawRepresentable & CaseIterable>(_ node: ConfigNode, _ path: String, as: E.Type) throws(ConfigError) -> E
    where E.RawValue == String {
        let raw = try string(node, path)
        if let value = E(rawValue: raw) { return value }
        let names = E.allCases.map(\.rawValue)
        var message = "\(path) must be one of \(names.joined(separator: ", ")), found \"\(raw)\""
        if let near = NearestMatch.suggest(raw, among: names) { message += "; did you mean \"\(near)\"?" }
        throw fail(node, message)
    }

    func choices<E: RawRepresentable & CaseIterable>(_ node: ConfigNode, _ path: String, as type: E.Type) throws(ConfigError) -> [E]
    where E.RawValue == String {
        guard case .array(let items) = node.value else {
            throw fail(node, "\(path) must be an array, found \(node.value.typeDescription)")
        }
        var result: [E] = []
        for item in items { result.append(try choice(item, "each entry of \(path)", as: type)) }
        return result
    }
}
