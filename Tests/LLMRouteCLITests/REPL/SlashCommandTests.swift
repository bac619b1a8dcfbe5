import Foundation
import Testing
@testable import LLMRouteCLI

@Suite("REPL slash commands")
struct SlashCommandTests {
    func parse(_ line: String) -> SlashCommand? { try? SlashCommand.parse(line).get() }
    func error(_ line: String) -> String? {
        if case .failure(let error) = SlashCommand.parse(line) { return error.message }
        return nil
    }

    @Test func commandsAndArguments() {
        #expect(parse("/help") == .help)
        #expect(parse("/model") == .model(nil))
        #expect(parse("/model auto") == .model("auto"))
        #expect(parse("/model   gpt-4o-mini  ") == .model("gpt-4o-mini"))
        #expect(parse("/strategy tier") == .strategy("tier"))
        #expect(parse("/strategy") == .strategy(nil))
        #expect(parse("/system You are terse.  Very.") == .system("You are terse.  Very."))
        #expect(parse("/system") == .system(nil))
        #expect(parse("/route") == .route)
        #expect(parse("/cost") == .cost)
        #expect(parse("/clear") == .clear)
        #expect(parse("/retry") == .retry)
        #expect(parse("/save notes/chat.md") == .save(path: "notes/chat.md", force: false))
        #expect(parse("/save -f my chat.md") == .save(path: "my chat.md", force: true))
        #expect(parse("/exit") == .exit)
        #expect(parse("/quit") == .exit)
    }

    @Test func unknownCommandsSuggestTheNearest() {
        #expect(error("/modle gpt")?.contains("did you mean /model?") == true)
        #expect(error("/hlep")?.contains("did you mean /help?") == true)
        #expect(error("/xyzzy")?.hasPrefix("unknown command /xyzzy") == true)
        #expect(error("/xyzzy")?.contains("did you mean") == false)
    }

    @Test func badArguments() {
        #expect(error("/strategy cheapest")?.contains("unknown strategy 'cheapest'") == true)
        #expect(error("/strategy cots")?.contains("did you mean 'cost'?") == true)
        #expect(error("/save")?.contains("needs a file name") == true)
        #expect(error("/save -f")?.contains("needs a file name") == true)
        #expect(error("/cost now")?.contains("takes no argument") == true)
        #expect(error("/")?.contains("command name must follow") == true)
    }

    @Test func aDoubleSlashIsAPrompt() {
        #expect(SlashCommand.isCommand("/help"))
        #expect(!SlashCommand.isCommand("//etc/passwd is a path"))
        #expect(!SlashCommand.isCommand("what does /model do?"))
    }

    @Test func everyCatalogCommandParses() {
        for entry in SlashCommand.catalog {
            let line = "/" + entry.name + (entry.name == "save" ? " x.md" : "")
            #expect(parse(line) != nil, "\(line)")
        }
    }
}

@Suite("REPL Tab completion")
struct SlashCompleterTests {
    let completer = SlashCompleter(modelNames: ["gpt-4o", "gpt-4o-mini", "claude-haiku-5-5"])

    @Test func commandNames() {
        #expect(completer.complete(before: "", word: "/mo") == .words(["/model"]))
        #expect(completer.complete(before: "", word: "/s") == .words(["/strategy", "/system", "/save"]))
        #expect(completer.complete(before: "", word: "hello") == .nothing)
    }

    @Test func argumentsOfModelStrategyAndSave() {
        #expect(completer.complete(before: "/model ", word: "gpt-4o") == .words(["gpt-4o", "gpt-4o-mini"]))
        #expect(completer.complete(before: "/model ", word: "a") == .words(["auto"]))
        #expect(completer.complete(before: "/strategy ", word: "t") == .words(["tier", "task", "threshold"]))
        #expect(completer.complete(before: "/save ", word: "no") == .files)
        #expect(completer.complete(before: "/save -f ", word: "") == .files)
        #expect(completer.complete(before: "/model gpt-4o ", word: "x") == .nothing)
        #expect(completer.complete(before: "tell me about ", word: "gp") == .nothing)
    }
}

@Suite("REPL multi-line input")
struct InputAssemblerTests {
    func run(_ lines: [String]) -> (results: [String], pending: Bool) {
        var assembler = InputAssembler()
        var results: [String] = []
        for line in lines {
            if case .complete(let text) = assembler.feed(line) { results.append(text) }
        }
        return (results, assembler.isContinuing)
    }

    @Test func aSingleLine() {
        #expect(run(["hello"]).results == ["hello"])
    }

    @Test func backslashContinues() {
        let (results, pending) = run(["first \\", "second\\", "third", "next"])
        #expect(results == ["first \nsecond\nthird", "next"])
        #expect(!pending)
    }

    @Test func tripleQuotesMakeABlock() {
        let (results, pending) = run(["\"\"\"", "line one", "", "  indented \\", "\"\"\"", "after"])
        #expect(results == ["line one\n\n  indented \\", "after"])
        #expect(!pending)
    }

    @Test func blockTextOnTheFenceLines() {
        #expect(run(["\"\"\"start", "middle", "end\"\"\""]).results == ["start\nmiddle\nend"])
        #expect(run(["\"\"\"all in one\"\"\""]).results == ["all in one"])
    }

    @Test func anOpenBlockWaitsAndCanBeFinishedOrReset() {
        var assembler = InputAssembler()
        #expect(assembler.feed("\"\"\"") == .more)
        #expect(assembler.feed("/model x") == .more, "inside a block a slash line is text")
        #expect(assembler.isContinuing)
        #expect(assembler.finishPending() == "/model x")
        #expect(!assembler.isContinuing)
        #expect(assembler.feed("a \\") == .more)
        assembler.reset()
        #expect(assembler.feed("b") == .complete("b"))
    }
}

@Suite("REPL history and Markdown")
struct REPLHistoryTests {
    @Test func ignoreSpaceAndRepeats() {
        #expect(HistoryFile.shouldKeep("hello", previous: nil))
        #expect(!HistoryFile.shouldKeep(" secret", previous: nil))
        #expect(!HistoryFile.shouldKeep("", previous: nil))
        #expect(!HistoryFile.shouldKeep("\t ", previous: nil))
        #expect(!HistoryFile.shouldKeep("again", previous: "again"))
        #expect(HistoryFile.shouldKeep("again", previous: "other"))
    }

    @Test func markdownHasEachMessageAndTheModel() {
        let text = ConversationMarkdown.render(system: "Be brief.", exchanges: [
            Exchange(prompt: "hi", answer: "Hello!", model: "gpt-4o-mini"),
            Exchange(prompt: "and?", answer: "Bye.\n", model: "claude-haiku-5-5"),
        ])
        #expect(text == """
        # llmroute conversation

        ## System

        Be brief.

        ## You

        hi

        ## gpt-4o-mini

        Hello!

        ## You

        and?

        ## claude-haiku-5-5

        Bye.

        """)
    }

    @Test func retryTakesBackTheLastKeptAnswer() {
        let session = REPLSession(system: nil, pinnedModel: nil, strategy: .cost)
        #expect(session.takeLastPrompt() == nil)
        session.keep(Exchange(prompt: "q1", answer: "a1", model: "m"))
        session.lastTurn = TurnReport(prompt: "q1", decision: nil, droppedMessages: 0, attempts: [], outcome: "ok")
        #expect(session.takeLastPrompt() == "q1")
        #expect(session.exchanges.isEmpty)
        session.lastTurn = TurnReport(prompt: "q2", decision: nil, droppedMessages: 0, attempts: [], outcome: "failed")
        session.keep(Exchange(prompt: "q0", answer: "a0", model: "m"))
        #expect(session.takeLastPrompt() == "q2")
        #expect(session.exchanges.count == 1, "a failed turn kept nothing to take back")
    }
}

@Suite("REPL history file")
struct HistoryFileTests {
    /// Real readline history functions on a temporary file: bounded, private, ignorespace.
    @Test func boundedPrivateAndWithoutSpaceLines() throws {
        let directory = "/tmp/llmroute-history-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var warnings: [String] = []
        let history = HistoryFile(stateDirectory: directory + "/state", limit: 20, warn: { warnings.append($0) })
        history.load()
        for index in 1...25 { history.add("line \(index)") }
        history.add(" hidden")
        history.add("line 25")
        let text = try String(contentsOfFile: history.path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 20, "bounded to the limit")
        #expect(lines.first == "line 6" && lines.last == "line 25", "the oldest lines go first; a repeat is not added")
        #expect(!text.contains("hidden"))
        let mode = try FileManager.default.attributesOfItem(atPath: history.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(warnings.isEmpty)
    }
}
