import LLMRouteCore

/// Checks a flag's value against its declared type; the message names the flag and what it takes.
enum FlagValueValidator {
    static func problem(with value: String, for flag: FlagSpec) -> String? {
        switch flag.value {
        case .none: return nil
        case .text, .path, .model:
            return value.isEmpty ? "--\(flag.long) needs a non-empty value" : nil
        case .integer(_, let minimum):
            guard let number = Int(value) else {
                return "--\(flag.long) takes a whole number, got '\(value)'"
            }
            return number < minimum ? "--\(flag.long) must be at least \(minimum), got \(number)" : nil
        case .decimal(_, let minimum, let maximum):
            guard let number = Double(value), number.isFinite else {
                return "--\(flag.long) takes a number, got '\(value)'"
            }
            if number < minimum { return "--\(flag.long) must be at least \(FixedPoint.trim(minimum)), got \(value)" }
            if let maximum, number > maximum { return "--\(flag.long) must be at most \(FixedPoint.trim(maximum)), got \(value)" }
            return nil
        case .choice(_, let choices):
            guard !choices.contains(value) else { return nil }
            var message = "--\(flag.long) must be one of \(choices.joined(separator: ", ")); got '\(value)'"
            if let near = NearestMatch.suggest(value, among: choices) { message += " (did you mean '\(near)'?)" }
            return message
        }
    }
}
