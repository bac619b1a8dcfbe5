import LLMRouteCore

/// The raw result of parsing: which command, which flags with which (validated) values, operands.
/// Commands resolve these, with config and environment, into settings.
public struct ParsedArguments: Sendable {
    /// e.g. ["config", "init"]; empty when no command was given.
    public var commandPath: [String] = []
    /// Values by long flag name, in order of appearance ("" for switches).
    public var values: [String: [String]] = [:]
    public var operands: [String] = []

    public init() {}

    public func has(_ flag: FlagSpec) -> Bool { values[flag.long] != nil }
    public func count(_ flag: FlagSpec) -> Int { values[flag.long]?.count ?? 0 }
    /// The last value given (flags that are not repeatable: the last one wins, as in most tools).
    public func string(_ flag: FlagSpec) -> String? { values[flag.long]?.last }
    public func strings(_ flag: FlagSpec) -> [String] { values[flag.long] ?? [] }
    /// Values were validated while parsing, so conversions here cannot fail.
    public func integer(_ flag: FlagSpec) -> Int? { string(flag).flatMap { Int($0) } }
    public func decimal(_ flag: FlagSpec) -> Double? { string(flag).flatMap { Double($0) } }
    public func choice<E: RawRepresentable>(_ flag: FlagSpec, as: E.Type) -> E? where E.RawValue == String {
        string(flag).flatMap { E(rawValue: $0) }
    }
}

/// A command-line mistake: one line naming it, and the usage line of the command involved.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var usage: String
    public var description: String { message }
}
