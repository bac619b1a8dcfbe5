import LLMRouteCore

/// What Tab offers at a position of the input line: command names after a leading `/`, model
/// names after `/model`, strategy names after `/strategy`, file names after `/save`.
/// Pure (no readline), so it is unit-tested; `ReadlineLineReader` turns it into matches.
struct SlashCompleter {
    enum Completion: Equatable {
        case words([String])
        /// File names: readline's own filename completion handles the word.
        case files
        case nothing
    }

    var modelNames: [String]
    var strategyNames: [String] = StrategyKind.allCases.map(\.rawValue)

    /// `before` is the line up to the start of the word being completed; `word` is that word.
    func complete(before: String, word: String) -> Completion {
        if before.isEmpty {
            guard word.hasPrefix("/") else { return .nothing }
            let commands = SlashCommand.catalog.map { "/" + $0.name }
            return .words(commands.filter { $0.hasPrefix(word) })
        }
        // Only the first argument of a command is completed.
        let parts = before.split(whereSeparator: { $0 == " " || $0 == "\t" })
        switch parts.first {
        case "/model" where parts.count == 1:
            return .words((["auto"] + modelNames).filter { $0.hasPrefix(word) })
        case "/strategy" where parts.count == 1:
            return .words(strategyNames.filter { $0.hasPrefix(word) })
        case "/save" where parts.count == 1 || (parts.count == 2 && parts[1] == "-f"):
            return .files
        default:
            return .nothing
        }
    }
}
