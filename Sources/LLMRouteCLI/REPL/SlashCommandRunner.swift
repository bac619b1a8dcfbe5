import LLMRouteCore

/// Carries out the slash commands against the session.
struct SlashCommandRunner {
    let context: CommandContext
    let catalog: Catalog
    let session: REPLSession
    let runner: TurnRunner

    private var console: Console { context.console }

    /// False when the command ends the session.
    func run(_ command: SlashCommand) -> Bool {
        switch command {
        case .help: help()
        case .model(nil): say("mode: \(session.mode)" + (session.pinnedModel == nil ? " (each turn is routed, strategy \(session.strategy.rawValue))" : ""))
        case .model("auto"?):
            session.pinnedModel = nil
            say("mode: auto (each turn is routed, strategy \(session.strategy.rawValue))")
        case .model(let name?):
            guard let model = catalog.model(named: name) else {
                console.error(RoutingError.unknownModel(name, suggestion: NearestMatch.suggest(name, among: catalog.models.map(\.id))).description)
                return true
            }
            session.pinnedModel = model.id
            var text = "mode: \(model.id) (\(model.provider)) for every turn; /model auto routes again"
            if !catalog.isUsable(model, environment: context.environment) { text += " (note: provider \(model.provider) has no API key set)" }
            say(text)
        case .strategy(nil): say("strategy: \(session.strategy.rawValue)")
        case .strategy(let name?):
            session.strategy = StrategyKind(rawValue: name) ?? session.strategy
            say("strategy: \(session.strategy.rawValue)" + (session.pinnedModel.map { " (used after /model auto; \($0) is pinned)" } ?? ""))
        case .system(nil): say(session.system.map { "system prompt: \($0)" } ?? "no system prompt (/system TEXT sets one)")
        case .system("off"?):
            session.system = nil
            say("system prompt removed")
        case .system(let text?):
            session.system = text
            say("system prompt set")
        case .route: route()
        case .cost: cost()
        case .clear:
            let count = session.exchanges.count
            session.clear()
            say("conversation cleared (\(count) turn\(count == 1 ? "" : "s") forgotten)")
        case .retry:
            guard let prompt = session.takeLastPrompt() else {
                console.error("nothing to retry yet")
                return true
            }
            runner.ask(prompt)
        case .save(let path, let force): save(to: path, force: force)
        case .exit: return false
        }
        return true
    }

    private func say(_ text: String) { console.line(text) }

    private func help() {
        for entry in SlashCommand.catalog {
            let synopsis = ("/" + entry.name + (entry.arguments.isEmpty ? "" : " " + entry.arguments))
            say("  " + console.style(HelpRenderer.pad(synopsis, 22), .bold) + entry.summary)
        }
        say("""

        Each message is routed like `ask` unless a model is pinned; earlier turns are sent as context.
        A line ending in \\ continues on the next line; \"\"\" opens and closes a multi-line block.
        // at the start sends a leading /. Ctrl-C cancels an answer or clears the line; Ctrl-D leaves.
        """)
    }

    private func route() {
        guard let last = session.lastTurn else {
            say("no turn yet")
            return
        }
        guard let decision = last.decision else {
            say("the last turn was not routed: \(last.message ?? last.outcome)")
            return
        }
        RouteCommand.print(decision, context: context)
        if last.droppedMessages > 0 {
            say("context: the \(last.droppedMessages) oldest messages were not sent (window \(decision.model.contextWindow) tokens)")
        }
        for attempt in last.attempts {
            say("attempt: \(attempt.provider)/\(attempt.model): \(attempt.outcome)" + (attempt.message.map { " - \($0)" } ?? ""))
        }
        say("outcome: \(last.outcome)")
    }

    private func cost() {
        let totals = session.totals
        func row(_ label: String, _ value: String) { say(console.style(HelpRenderer.pad(label, 11), .bold) + value) }
        row("turns", "\(totals.turns) answered")
        row("tokens", "\(totals.inputTokens) in / \(totals.outputTokens) out")
        if totals.cacheReadTokens > 0 {
            row("cached", "\(totals.cacheReadTokens) input tokens read from the prompt cache: \(Money.format(totals.cacheSaved)) saved")
        }
        row("spent", Money.format(totals.spent))
        guard let strongest = runner.strongest else { return }
        row("strongest", "\(Money.format(totals.strongestCost)) if every turn had gone to \(strongest.id) (same token counts)")
        if totals.strongestCost > 0 {
            let saved = totals.strongestCost - totals.spent
            let share = Int((saved / totals.strongestCost * 100).rounded())
            row("saved", "\(Money.format(saved)) (\(share)%)")
        }
    }

    private func save(to path: String, force: Bool) {
        let expanded = path.hasPrefix("~/") ? (context.environment.nonEmpty("HOME") ?? "") + path.dropFirst() : path
        if FileIO.exists(expanded) && !force {
            console.error("\(expanded) exists; /save -f \(path) overwrites it")
            return
        }
        let text = ConversationMarkdown.render(system: session.system, exchanges: session.exchanges)
        do {
            try FileIO.write(Array(text.utf8), to: expanded, mode: 0o600)
            say("saved \(session.exchanges.count) turn\(session.exchanges.count == 1 ? "" : "s") to \(expanded)")
        } catch {
            console.error("cannot save: \(error)")
        }
    }
}
