/// The three labels a labelling model gives a prompt.
public struct LLMLabels: Sendable, Equatable {
    public var tier: Tier
    public var task: TaskKind
    /// 1...10.
    public var difficulty: Int
}

/// Reads a labelling model's answer. Models wrap JSON in code fences, add a sentence before
/// it, write `"Simple"` or `"simple qa"`, or give the difficulty as `"7"` or `7.0`: all of that
/// is accepted. A missing or unknown label is an error, never a guess.
public enum LLMLabelParser {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    public static func parse(_ answer: String) throws(Failure) -> LLMLabels {
        guard let object = firstObject(in: answer) else {
            throw Failure(description: "the answer holds no JSON object: \(preview(answer))")
        }
        let json: JSONValue
        do { json = try JSONParser.parse(object) } catch {
            throw Failure(description: "the answer's JSON is malformed (\(error.description)): \(preview(answer))")
        }
        guard case .object = json else { throw Failure(description: "expected a JSON object: \(preview(answer))") }
        guard let tierText = json["tier"]?.stringValue, let tier = Tier(rawValue: normalized(tierText)) else {
            throw Failure(description: "no valid \"tier\" (simple, medium, complex, expert) in \(preview(answer))")
        }
        guard let taskText = json["task"]?.stringValue, let task = TaskKind(rawValue: normalized(taskText)) else {
            throw Failure(description: "no valid \"task\" in \(preview(answer))")
        }
        guard let difficulty = number(json["difficulty"]), difficulty.isFinite else {
            throw Failure(description: "no numeric \"difficulty\" in \(preview(answer))")
        }
        let clamped = Int(min(10, max(1, difficulty.rounded())))
        return LLMLabels(tier: tier, task: task, difficulty: clamped)
    }

    /// The first balanced `{...}` in the text, skipping braces inside JSON strings.
    static func firstObject(in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let start = bytes.firstIndex(of: UInt8(ascii: "{")) else { return nil }
        var depth = 0
        var inString = false
        var escaped = false
        for index in start..<bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return String(decoding: bytes[start...index], as: UTF8.self) }
            default: break
            }
        }
        return nil
    }

    /// "Simple QA" → "simple_qa".
    static func normalized(_ label: String) -> String {
        var out = ""
        for scalar in label.unicodeScalars {
            switch scalar {
            case "A"..."Z": out.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            case " ", "-": out += "_"
            default: out.unicodeScalars.append(scalar)
            }
        }
        while out.hasPrefix("_") { out.removeFirst() }
        while out.hasSuffix("_") { out.removeLast() }
        return out
    }

    static func number(_ value: JSONValue?) -> Double? {
        if let double = value?.doubleValue { return double }
        if let text = value?.stringValue { return Double(text) }
        return nil
    }

    static func preview(_ answer: String) -> String {
        let flat = answer.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 80 ? "\"\(flat.prefix(80))…\"" : "\"\(flat)\""
    }
}
