import Dispatch
import LLMRouteCore

/// `llmroute repl`: an interactive chat. Readline on a terminal; plain lines, no prompt and no
/// decoration when stdin is piped, so it can be scripted.
enum REPLCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        let console = context.console
        if context.json {
            throw CLIError("repl has no --json output", exitCode: ExitCode.usage,
                           hint: "For one answer as JSON, use 'llmroute ask --json'.")
        }
        let (config, catalog) = try context.configuration()
        let router = try context.router()
        let pinned = context.arguments.string(Flags.model)
        if let pinned, catalog.model(named: pinned) == nil {
            throw RoutingError.unknownModel(pinned, suggestion: NearestMatch.suggest(pinned, among: catalog.models.map(\.id)))
        }
        let strategy = context.arguments.choice(Flags.strategy, as: StrategyKind.self) ?? config.routing.strategy ?? .cost
        let session = REPLSession(system: context.arguments.string(Flags.system), pinnedModel: pinned, strategy: strategy)
        let caller = AskCommand.makeCaller(context, catalog: catalog, resilience: config.resilience)
        defer { shutdown(caller.transport) }
        let ledger = try LedgerSupport(context: context)
        let recorder = makeRecorder(context, ledger: ledger)
        let runner = TurnRunner(context: context, router: router, caller: caller, session: session, recorder: recorder, ledger: ledger)
        let commands = SlashCommandRunner(context: context, catalog: catalog, session: session, runner: runner)

        let interactive = console.stdinIsTerminal
        let reader: any LineReader
        if interactive {
            let quiet = context.quiet
            let history = HistoryFile(stateDirectory: XDGPaths(environment: context.environment).stateHome,
                                      warn: { if !quiet { console.warning($0) } })
            reader = ReadlineLineReader(history: history, completer: SlashCompleter(modelNames: catalog.models.map(\.id)),
                                        output: { console.out($0); console.flush() })
        } else {
            reader = PlainLineReader()
        }
        InterruptSignal.install()
        defer {
            reader.close()
            InterruptSignal.uninstall()
        }
        recorder.sessionStarted(id: session.id, mode: session.mode, strategy: session.strategy.rawValue)
        if interactive && !context.quiet {
            let mode = pinned.map { "every turn goes to \($0)" } ?? "each turn is routed (strategy \(strategy.rawValue))"
            console.line(console.style("llmroute repl: \(mode). /help for commands, Ctrl-D to leave.", .dim))
        }

        var assembler = InputAssembler()
        while true {
            let prompt = interactive ? self.prompt(session, continuing: assembler.isContinuing, console: console) : ""
            switch reader.read(prompt: prompt) {
            case .endOfInput:
                // Piped input that ends inside a block still sends what it has.
                if let text = assembler.finishPending(), !isBlank(text) {
                    runner.ask(text)
                }
                return !interactive && session.failedTurns > 0 ? ExitCode.providersFailed : ExitCode.success
            case .interrupted:
                assembler.reset()
            case .line(let line):
                reader.remember(line)
                if !assembler.isContinuing && SlashCommand.isCommand(line) {
                    switch SlashCommand.parse(line) {
                    case .success(let command):
                        if !commands.run(command) {
                            return !interactive && session.failedTurns > 0 ? ExitCode.providersFailed : ExitCode.success
                        }
                    case .failure(let error):
                        console.error(error.message)
                    }
                    continue
                }
                let text = !assembler.isContinuing && line.hasPrefix("//") ? String(line.dropFirst()) : line
                if case .complete(let message) = assembler.feed(text), !isBlank(message) {
                    runner.ask(message)
                }
            }
        }
    }

    /// Closes the connection pool, waiting at most a second: leaving must not hang on a
    /// connection that a cancelled answer left behind (the process ends right after).
    private static func shutdown(_ transport: HTTPTransport) {
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            transport.shutdownSync()
            done.signal()
        }
        _ = done.wait(timeout: .now() + 1)
    }

    /// The session and its turns go to the usage ledger like `ask` (nothing with --no-log).
    static func makeRecorder(_ context: CommandContext, ledger: LedgerSupport) -> any TurnRecorder {
        guard ledger.ledger != nil, !context.arguments.has(Flags.noLog) else { return NoTurnRecorder() }
        return LedgerTurnRecorder(recorder: ledger.recorder(command: "repl"))
    }

    /// "auto> " or "gpt-4o-mini> "; "... " while a message continues. Colour codes are wrapped
    /// in \001/\002 so readline does not count them in the prompt's width.
    static func prompt(_ session: REPLSession, continuing: Bool, console: Console) -> String {
        if continuing { return "... " }
        guard console.color else { return session.mode + "> " }
        let style = session.pinnedModel == nil ? Console.Style.cyan : Console.Style.green
        return "\u{1}\u{1B}[\(style.rawValue)m\u{2}\(session.mode)\u{1}\u{1B}[0m\u{2}> "
    }

    private static func isBlank(_ text: String) -> Bool {
        text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" }
    }
}
