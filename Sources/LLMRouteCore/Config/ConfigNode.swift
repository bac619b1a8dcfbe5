/// A parsed TOML value with the line it was written on, so validation errors can point at it.
/// We convert TOMLKit's tree into this once; validation then never touches the C++ side.
public indirect enum ConfigValue: Sendable, Equatable {
    case table([ConfigEntry])
    case array([ConfigNode])
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    /// Dates and times: valid TOML, but no llmroute key takes one.
    case other(String)

    /// The type's name as error messages say it ("a string", "a table").
    public var typeDescription: String {
        switch self {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a number"
        case .bool: "a boolean"
        case .other(let kind): "a \(kind)"
        }
    }
}

public struct ConfigNode: Sendable, Equatable {
    public var value: ConfigValue
    /// 1-based line in the file, when known.
    public var line: Int?

    public init(_ value: ConfigValue, line: Int?) {
        self.value = value
        self.line = line
    }
}

public struct ConfigEntry: Sendable, Equatable {
    public var key: String
    public var node: ConfigNode

    public init(key: String, node: ConfigNode) {
        self.key = key
        self.node = node
    }
}
