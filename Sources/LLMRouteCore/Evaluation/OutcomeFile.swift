/// An outcome file for `llmroute eval`: JSON lines with `prompt`, `weak`, `strong`, an optional
/// `id`, and optionally a precomputed score in a field the caller names.
///
/// Reading never stops at a bad line: each one becomes a problem naming its line number and the
/// rest are still read, so one broken line in a large file costs one line, not the evaluation.
public struct OutcomeFile: Sendable {
    public struct Record: Sendable, Equatable {
        /// 1-based line number in the file.
        public var line: Int
        public var id: JSONValue?
        /// Nil when a score field was given (no classifier needs it).
        public var prompt: String?
        public var weak: Double
        public var strong: Double
        /// The score field's value, when one was named.
        public var score: Double?
    }

    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public var records: [Record] = []
    public var problems: [Problem] = []

    /// Reads `bytes`; lines are split at LF (a CR before it is JSON whitespace). Blank lines are
    /// skipped without a problem: a trailing blank line is an editor's habit, not bad data.
    public init(_ bytes: [UInt8], scoreField: String?) {
        var number = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            switch Self.parse(Array(line), scoreField: scoreField) {
            case .success(var record):
                record.line = number
                records.append(record)
            case .failure(let problem):
                problems.append(Problem(line: number, message: problem.message))
            }
        }
    }

    /// Why a line is not a record (its number is filled in by the caller).
    public struct LineError: Error, Equatable {
        public var message: String
    }

    public static func parse(_ line: [UInt8], scoreField: String?) -> Result<Record, LineError> {
        func fail(_ message: String) -> Result<Record, LineError> { .failure(LineError(message: message)) }
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch { return fail("not JSON: \(error.description)") }
        guard case .object = value else {
            return fail("expected a JSON object with \"prompt\", \"weak\" and \"strong\", got \(kind(value))")
        }
        var record = Record(line: 0, id: value["id"], prompt: nil, weak: 0, strong: 0, score: nil)
        for (name, keyPath) in [("weak", \Record.weak), ("strong", \Record.strong)] {
            switch number(value[name]) {
            case .success(let number) where abs(number) > maximumOutcome:
                return fail("\"\(name)\" is \(number), outside ±1e12 (outcomes are correctness or judge scores)")
            case .success(let number): record[keyPath: keyPath] = number
            case .failure(let what): return fail("\"\(name)\" \(what.message)")
            }
        }
        if let scoreField {
            switch number(value[scoreField]) {
            case .success(let number): record.score = number
            case .failure(let what): return fail("score field \"\(scoreField)\" \(what.message)")
            }
        } else {
            guard let prompt = value["prompt"] else {
                return fail("missing \"prompt\" (a string to score; or give precomputed scores with --score-field)")
            }
            guard case .string(let text) = prompt else { return fail("\"prompt\" must be a string, got \(kind(prompt))") }
            record.prompt = text
        }
        return .success(record)
    }

    /// The largest outcome magnitude read: APGR sums differences of outcomes, and values near
    /// Double's limit would overflow those sums to infinity (a score is only sorted, so any finite
    /// score is fine).
    static let maximumOutcome = 1e12

    /// A finite JSON number, or what is wrong with the field.
    private static func number(_ value: JSONValue?) -> Result<Double, LineError> {
        guard let value else { return .failure(LineError(message: "is missing (a number)")) }
        guard let number = value.doubleValue else { return .failure(LineError(message: "must be a number, got \(kind(value))")) }
        return .success(number)
    }

    /// The JSON type of a value, for messages ("a string", "null").
    static func kind(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
