import LLMRouteCore

/// Runs one REPL turn: route it like `ask` (or use the pinned model), fit the earlier turns into
/// the chosen model's window, stream the answer, keep it in the session, record it. A failure
/// is reported and the session goes on.
final class TurnRunner {
    let context: CommandContext
    let router: Router
    let caller: ResilientCaller
    let session: REPLSession
    let recorder: any TurnRecorder
    /// Budgets are checked before each turn's call, as for `ask`.
    let ledger: LedgerSupport
    /// The highest-quality model routing could use, for /cost's comparison.
    let strongest: ModelInfo?

    init(context: CommandContext, router: Router, caller: ResilientCaller, session: REPLSession, recorder: any TurnRecorder,
         ledger: LedgerSupport) {
        self.ledger = ledger
        self.context = context
        self.router = router
        self.caller = caller
        self.session = session
        self.recorder = recorder
        strongest = router.pool().models.max { ($0.quality, -$0.outputCostPerToken) < ($1.quality, -$1.outputCostPerToken) }
    }

    private var console: Console { context.console }

    func ask(_ prompt: String) {
        let turn = session.beginTurn()
        let started = Clock.monotonicSeconds()
        let (report, answered) = perform(prompt, started: started)
        session.lastTurn = report
        let model = answered?.model ?? report.decision?.model
        recorder.turnFinished(TurnRecord(
            sessionID: session.id, turn: turn, model: model?.id, provider: model?.provider,
            strategy: session.strategy.rawValue, pinned: session.pinnedModel != nil,
            inputTokens: answered?.usage.inputTokens ?? 0, outputTokens: answered?.usage.outputTokens ?? 0,
            costUSD: answered.map(AskJSON.cost) ?? 0, latency: Clock.monotonicSeconds() - started,
            timeToFirstToken: answered?.timeToFirstToken, outcome: report.outcome, attempts: report.attempts,
            prompt: prompt, decision: report.decision, result: answered))
    }

    /// The turn's report, and the result when a model answered.
    private func perform(_ prompt: String, started: Double) -> (TurnReport, ChatResult?) {
        var report = TurnReport(prompt: prompt, decision: nil, droppedMessages: 0, attempts: [], outcome: "ok")
        let history = session.context
        let decision: RoutingDecision
        do {
            decision = try route(prompt, context: history)
        } catch {
            report.outcome = "routing_error"
            report.message = "\(error)"
            console.error("\(error)")
            return (report, nil)
        }
        report.decision = decision
        if decision.exceedsMaxCost {
            report.outcome = "over_max_cost"
            console.error("refused: the estimated cost \(Money.format(decision.estimatedCost)) of \(decision.model.id) exceeds --max-cost")
            return (report, nil)
        }
        do {
            try ledger.enforce(estimate: decision.estimatedCost)
        } catch {
            // Over budget: this turn is refused, the session goes on (a smaller model, /model, or --force).
            report.outcome = "over_budget"
            console.error("\(error)")
            return (report, nil)
        }

        let args = context.arguments
        let maxTokens = args.integer(Flags.maxTokens)
        let model = decision.model
        let tokens = router.tokens
        let fit = ContextTrimmer.fit(
            system: session.system, messages: history + [ChatMessage(role: .user, content: prompt)],
            window: model.contextWindow, reservedOutput: min(maxTokens ?? decision.outputTokens, model.maxOutputTokens),
            count: { tokens.count($0, for: model).tokens })
        report.droppedMessages = fit.dropped
        if fit.dropped > 0 && !context.quiet {
            note("the conversation does not fit \(model.id)'s \(model.contextWindow)-token window: the \(fit.dropped) oldest messages are not sent")
        }

        // The conversation goes on: mark its prefix so the next turn reads it from the cache.
        let request = ChatRequest(system: session.system, messages: fit.messages, maxTokens: maxTokens,
                                  temperature: args.decimal(Flags.temperature), stream: true, cachePrefix: true)
        let chain = [model] + decision.fallbacks
        let echo = StreamEcho(console: console, printText: true, showReasoning: args.has(Flags.showReasoning))
        let shared = Unchecked(value: caller)
        let outcome = InterruptibleCall.run {
            try await shared.value.call(request, chain: chain, onEvent: { _, event in try echo.event(event) },
                                        onRestart: { echo.restart(failed: $0, next: $1) },
                                        afterChunk: { echo.chunkEnded() })
        }
        guard let outcome else { return (cancelled(report, echo: echo), nil) }
        switch outcome {
        case .success(let answer):
            let result = answer.0
            report.attempts = answer.1
            if !echo.atLineStart || result.text.isEmpty { console.out("\n") }
            console.flush()
            report.outcome = finish(result, prompt: prompt, elapsed: Clock.monotonicSeconds() - started)
            session.warmCache = WarmCache(model: result.model.id, sentAt: Clock.wallSeconds(), prefix: fit.messages)
            return (report, result)
        case .failure(let error):
            if error is CancellationError { return (cancelled(report, echo: echo), nil) }
            if let failure = error as? CallFailure {
                _ = AskCommand.report(failure, context: context)
                report.attempts = failure.attempts
            } else {
                console.error("\(error)")
            }
            report.outcome = "failed"
            session.failedTurns += 1
            return (report, nil)
        }
    }

    private func cancelled(_ report: TurnReport, echo: StreamEcho) -> TurnReport {
        if !echo.atLineStart { console.out("\n") }
        console.err(console.errorStyle("answer cancelled (not kept; /retry asks again)", .dim) + "\n")
        var report = report
        report.outcome = "interrupted"
        return report
    }

    /// Routes with the earlier turns counted, so models whose window cannot hold them are left
    /// out; when no model can hold them all, routes on the new prompt alone (the context is trimmed).
    private func route(_ prompt: String, context history: [ChatMessage]) throws -> RoutingDecision {
        var request = try context.routeRequest(prompt: prompt)
        request.system = session.system
        request.strategy = session.strategy
        request.forcedModel = session.pinnedModel
        request.cachePrefix = true
        request.warmCache = session.warmCache
        let promptOnly = request
        request.context = history
        // With the llm classifier each turn is labelled by a call of its own.
        let router = context.classifierName == "llm" ? try context.router(for: prompt) : self.router
        let result = Result { () throws(RoutingError) -> RoutingDecision in try router.route(request) }
        if case .failure(.noCandidates) = result, !history.isEmpty {
            return try router.route(promptOnly)
        }
        return try result.get()
    }

    /// Keeps the answer and adds up its usage; the turn's outcome.
    private func finish(_ result: ChatResult, prompt: String, elapsed: Double) -> String {
        var outcome = "ok"
        if result.refused {
            outcome = "refused"
            console.error("\(result.model.id) refused to answer (stop reason: \(result.stopReason ?? "refusal")); not kept")
        } else {
            session.keep(Exchange(prompt: prompt, answer: result.text, model: result.model.id))
        }
        session.totals.turns += 1
        session.totals.inputTokens += result.usage.inputTokens
        session.totals.outputTokens += result.usage.outputTokens
        session.totals.spent += AskJSON.cost(result)
        session.totals.cacheReadTokens += result.usage.cacheReadTokens
        session.totals.cacheSaved += result.model.uncachedCost(result.usage) - AskJSON.cost(result)
        if let strongest {
            session.totals.strongestCost += strongest.cost(result.usage)
        }
        // Scripted sessions print answers only, unless -v asks for the footer.
        let terminal = console.stdinIsTerminal && console.stderrIsTerminal
        if !context.quiet && (terminal || context.verbosity > 1) {
            console.err(AskCommand.footer(result, elapsed: elapsed, console: console) + "\n")
        }
        return outcome
    }

    private func note(_ text: String) {
        console.err(console.errorStyle("\(CLISpec.programName): note: \(text)", .dim) + "\n")
    }
}
