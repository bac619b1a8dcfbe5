import LLMRouteCore

/// A REPL command: a line starting with `/`. (`//text` sends `/text` as a prompt.)
enum SlashCommand: Equatable {
    case help
    /// nil: show the mode; "auto": route each turn; a name: pin that model.
    case model(String?)
    case strategy(String?)
    /// nil: show the system prompt; "off": remove it; other text: set it.
    case system(String?)
    case route
    case cost
    case clear
    case retry
    case save(path: String, force: Bool)
    case exit

    /// Each command with its argument synopsis and what it does, in `/help` order.
    static let catalog: [(name: String, arguments: String, summary: String)] = [
        ("help", "", "this list"),
        ("model", "[auto|NAME]", "pin a model for the next turns, or route each turn (auto); no argument: show the mode"),
        ("strategy", "[NAME]", "routing strategy: tier, task, cost or threshold"),
        ("system", "[TEXT|off]", "set the system prompt; off removes it; no argument: show it"),
        ("route", "", "why the last turn went where it did"),
        ("cost", "", "session tokens and spend, and what the strongest model would have cost"),
        ("clear", "", "forget the conversation (keeps model, strategy and system prompt)"),
        ("retry", "", "ask the last question again (routed again)"),
        ("save", "[-f] FILE", "write the conversation as Markdown (-f overwrites)"),
        ("exit", "", "leave (also Ctrl-D)"),
    ]

    static var names: [String] { catalog.map(\.name) + ["quit"] }

    struct ParseError: Error, Equatable {
        var message: String
    }

    /// True for a command line; false for a prompt (including `//`, which escapes a leading slash).
    static func isCommand(_ line: String) -> Bool {
        line.hasPrefix("/") && !line.hasPrefix("//")
    }

    static func parse(_ line: String) -> Result<SlashCommand, ParseError> {
        let body = line.dropFirst().trimmingTrailingSpacesAndNewlines()
        let name: Substring
        let argument: String?
        if let space = body.firstIndex(where: { $0 == " " || $0 == "\t" }) {
            name = body[..<space]
            let rest = body[space...].drop { $0 == " " || $0 == "\t" }
            argument = rest.isEmpty ? nil : String(rest)
        } else {
            name = body
            argument = nil
        }
        func noArgument(_ command: SlashCommand) -> Result<SlashCommand, ParseError> {
            guard let argument else { return .success(command) }
            return .failure(ParseError(message: "/\(name) takes no argument (got '\(argument)')"))
        }
        switch name {
        case "help", "?": return noArgument(.help)
        case "model": return .success(.model(argument))
        case "strategy":
            if let argument, StrategyKind(rawValue: argument) == nil {
                let names = StrategyKind.allCases.map(\.rawValue)
                var message = "unknown strategy '\(argument)'"
                if let near = NearestMatch.suggest(argument, among: names) { message += "; did you mean '\(near)'?" }
                return .failure(ParseError(message: message + " (one of: \(names.joined(separator: ", ")))"))
            }
            return .success(.strategy(argument))
        case "system": return .success(.system(argument))
        case "route": return noArgument(.route)
        case "cost": return noArgument(.cost)
        case "clear": return noArgument(.clear)
        case "retry": return noArgument(.retry)
        case "save":
            guard var path = argument else { return .failure(ParseError(message: "/save needs a file name: /save FILE")) }
            var force = false
            if path == "-f" { return .failure(ParseError(message: "/save -f needs a file name: /save -f FILE")) }
            if path.hasPrefix("-f ") {
                force = true
                path = String(path.dropFirst(3).drop { $0 == " " })
            }
            return .success(.save(path: path, force: force))
        case "exit", "quit": return noArgument(.exit)
        case "":
            return .failure(ParseError(message: "a command name must follow '/' (/help lists them; // sends a leading slash)"))
        default:
            var message = "unknown command /\(name)"
            if let near = NearestMatch.suggest(String(name), among: names) { message += "; did you mean /\(near)?" }
            return .failure(ParseError(message: message + " (/help lists the commands)"))
        }
    }
}

extension Substring {
    func trimmingTrailingSpacesAndNewlines() -> Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\n" || last == "\r" { text = text.dropLast() }
        return text
    }
}
