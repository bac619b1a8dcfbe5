/// A snapshot of the environment variables llmroute reads. Commands take one explicitly so
/// tests can run the whole engine against a made-up environment.
public struct Environment: Sendable, Equatable {
    public var variables: [String: String]

    public init(_ variables: [String: String] = [:]) { self.variables = variables }

    /// The process environment, read once.
    public static func current() -> Environment {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "=") {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            pointer += 1
        }
        return Environment(result)
    }

    public subscript(name: String) -> String? { variables[name] }

    /// A variable's value when set and not empty (an empty key is as good as none).
    public func nonEmpty(_ name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }
}
