/// How a flag's value is typed, validated and completed.
public enum FlagValue: Sendable, Equatable {
    /// A switch: no value.
    case none
    /// Free text; the placeholder names it in help (`TEXT`).
    case text(String)
    /// A whole number, at least `min`.
    case integer(String, min: Int)
    /// A decimal number within a range.
    case decimal(String, min: Double, max: Double?)
    /// One of a fixed set of words.
    case choice(String, [String])
    /// A file path (completed as a file by the shells).
    case path(String)
    /// A model name (completed from `llmroute models --names`).
    case model(String)

    public var takesValue: Bool { self != .none }

    /// The placeholder shown in usage and help (`NAME`, `N`, `USD`).
    public var placeholder: String? {
        switch self {
        case .none: nil
        case .text(let p), .integer(let p, _), .decimal(let p, _, _), .choice(let p, _), .path(let p), .model(let p): p
        }
    }

    public var choices: [String]? {
        if case .choice(_, let values) = self { return values }
        return nil
    }
}

/// One flag, defined once: parsing, `--help`, the man page and the completions all read this.
public struct FlagSpec: Sendable, Equatable {
    public var long: String
    public var short: Character?
    public var value: FlagValue
    public var repeatable: Bool
    /// What applies when the flag is absent, as shown in help (nil: nothing shown).
    public var defaultText: String?
    /// One line for `--help` tables.
    public var help: String
    /// A paragraph for the man page and `help COMMAND`; falls back to `help`.
    public var details: String?

    public init(_ long: String, short: Character? = nil, value: FlagValue = .none, repeatable: Bool = false,
                default defaultText: String? = nil, help: String, details: String? = nil) {
        self.long = long
        self.short = short
        self.value = value
        self.repeatable = repeatable
        self.defaultText = defaultText
        self.help = help
        self.details = details
    }

    /// `-m, --model NAME` as help and the man page print it.
    public var signature: String {
        var text = short.map { "-\($0), " } ?? ""
        text += "--\(long)"
        if let placeholder = value.placeholder { text += " \(placeholder)" }
        return text
    }
}
