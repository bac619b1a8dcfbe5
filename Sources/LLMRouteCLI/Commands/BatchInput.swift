import LLMRouteCore

/// `ask --jsonl` input: one JSON object per line. Kept apart from the batch runner so the fuzz
/// target (Fuzz/Sources/fuzz-jsonl) and the tests can check the one promise that matters: every
/// input line yields exactly one request or one error naming its line number.
enum BatchInput {
    /// A line's request fields, or why the line is not a request.
    enum Line: Sendable, Equatable {
        case request(id: JSONValue, prompt: String, system: String?, model: String?)
        case invalid(id: JSONValue, message: String)
    }

    /// The lines of `text`: split at LF only (a CR before it is JSON whitespace), and a final
    /// newline does not start another line. Split by scalar, not Character: "\r\n" is one
    /// Character, so splitting Characters at "\n" would merge every line of a CRLF file.
    static func lines(of text: String) -> [Substring] {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Line `number` (1-based) read as a request; the id defaults to the line number.
    static func parse(_ line: Substring, number: Int) -> Line {
        let json: JSONValue
        do { json = try JSONParser.parse(Array(line.utf8)) } catch {
            return .invalid(id: .integer(number), message: "line \(number): \(error.description)")
        }
        let id = json["id"] ?? .integer(number)
        guard case .object = json, let prompt = json["prompt"]?.stringValue, !prompt.isEmpty else {
            return .invalid(id: id, message: "line \(number): needs a non-empty \"prompt\" string")
        }
        return .request(id: id, prompt: prompt, system: json["system"]?.stringValue, model: json["model"]?.stringValue)
    }
}
