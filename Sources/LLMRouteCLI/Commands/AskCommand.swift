import LLMRouteCore

/// `llmroute ask`: route, call, stream the answer; fall back and retry on failures.
enum AskCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        if context.arguments.has(Flags.askJSONL) { return try AskBatch(context: context).run() }
        let args = context.arguments
        let console = context.console
        let warmup = TransportWarmup(environment: context.environment, timeouts: timeouts(context))
        let prompt = try context.readPrompt()
        let (config, catalog) = try context.configuration()
        let paths = XDGPaths(environment: context.environment)
        let store = ConversationStore(stateDirectory: paths.stateHome)
        let routing = try ConversationRouting(context: context, prompt: prompt, store: store)
        var conversation = routing.conversation
        let routed = routing.routed
        let decision = try context.router(for: routed).route(routing.request)
        let request = ChatRequest(system: conversation.system, messages: conversation.messages,
                                  maxTokens: args.integer(Flags.maxTokens), temperature: args.decimal(Flags.temperature),
                                  stream: !args.has(Flags.noStream), cachePrefix: routing.continued)
        let caller = makeCaller(context, catalog: catalog, resilience: config.resilience, transport: warmup.wait())
        let chain = [decision.model] + decision.fallbacks

        if args.has(Flags.dryRun) {
            let requests = caller.targets(for: chain).compactMap { model in caller.prepare(request, model: model).map { AskJSON.request($0.prepared, model: model) } }
            var pairs = [("decision", DecisionJSON.decision(decision)), ("request", requests.first ?? .null)]
            pairs.append(("fallback_requests", .array(Array(requests.dropFirst()))))
            console.line(JSONValue.object(pairs).pretty())
            return decision.exceedsMaxCost ? ExitCode.refused : ExitCode.success
        }
        if decision.exceedsMaxCost {
            throw CLIError(
                "refused: the estimated cost \(Money.format(decision.estimatedCost)) of \(decision.model.id) exceeds --max-cost",
                exitCode: ExitCode.refused, hint: "Raise --max-cost, or see the estimate with 'llmroute route'.")
        }
        let ledger = try LedgerSupport(context: context)
        let started = Clock.monotonicSeconds()
        try ledger.enforce(estimate: decision.estimatedCost)
        let recorder = ledger.recorder(command: "ask")
        func record(_ result: ChatResult?, _ attempts: [Attempt], outcome: String, errorKind: String? = nil) {
            recorder.record(UsageRecorder.Request(
                decision: decision, prompt: routed, conversationID: conversation.id, result: result, attempts: attempts,
                outcome: outcome, errorKind: errorKind, latency: Clock.monotonicSeconds() - started))
        }

        let openingLedger = ledger.ledger
        let json = context.json
        let echo = StreamEcho(console: console, printText: !json, showReasoning: args.has(Flags.showReasoning))
        let shared = Unchecked(value: caller)
        let outcome: (ChatResult, [Attempt])
        do {
            outcome = try AsyncBridge.run {
                try await shared.value.call(request, chain: chain, onEvent: { _, event in
                    openingLedger?.openInBackground()  // while the answer streams, not after it
                    try echo.event(event)
                },
                                            onRestart: { echo.restart(failed: $0, next: $1) },
                                            afterChunk: { echo.chunkEnded() })
            }
        } catch let failure as CallFailure {
            // The report goes out first: a slow or broken ledger must not hold up the error.
            let status = report(failure, context: context)
            record(nil, failure.attempts, outcome: failure.partialFrom == nil ? "failed" : "partial",
                   errorKind: failure.lastError?.kind.rawValue)
            return status
        } catch is CancellationError {
            console.flush()
            console.err("\n\(CLISpec.programName): interrupted\n")
            record(nil, [], outcome: "interrupted")
            return ExitCode.interrupted
        }
        let (result, attempts) = outcome
        if AsyncBridge.interrupted {
            record(result, attempts, outcome: "interrupted")
            return ExitCode.interrupted
        }
        let elapsed = Clock.monotonicSeconds() - started
        if json {
            console.line(AskJSON.result(result, attempts: attempts, latency: elapsed).pretty())
        } else if !result.text.hasSuffix("\n") {
            console.out("\n")
        }
        console.flush()
        // After the answer is out, so a ledger or state-file problem can only cost a warning.
        // The conversation file is written on another core while this thread records the usage
        // row: together they are most of the time between the last answer byte and the exit.
        conversation.messages.append(ChatMessage(role: .assistant, content: result.text))
        conversation.lastModel = result.model.id
        conversation.lastSentAt = Clock.wallSeconds()
        let finished = conversation
        let saving = BackgroundJob { () -> FileIO.Failure? in
            do throws(FileIO.Failure) { try store.save(finished) } catch { return error }
            return nil
        }
        record(result, attempts, outcome: result.refused ? "refused" : "ok")
        if let error = saving.wait(), !context.quiet {
            console.warning("cannot keep the conversation for -c: \(error)")
        }
        if !json && !context.quiet && (console.stderrIsTerminal || context.verbosity > 1) {
            console.err(footer(result, elapsed: elapsed, console: console) + "\n")
        }
        if result.refused {
            console.error("\(result.model.id) refused to answer (stop reason: \(result.stopReason ?? "refusal"))")
            return ExitCode.failure
        }
        return ExitCode.success
    }

    static func timeouts(_ context: CommandContext, defaultTimeout: Double = 60) -> HTTPTimeouts {
        let timeout = context.arguments.decimal(Flags.timeout) ?? defaultTimeout
        return HTTPTimeouts(connect: min(timeout, 10), read: timeout)
    }

    static func makeCaller(_ context: CommandContext, catalog: Catalog, resilience: ResilienceSettings,
                           transport: HTTPTransport? = nil) -> ResilientCaller {
        let args = context.arguments
        let transport = transport ?? HTTPTransport(environment: context.environment, timeouts: timeouts(context))
        let paths = XDGPaths(environment: context.environment)
        let console = Unchecked(value: context.console)
        let quiet = context.quiet
        return ResilientCaller(
            catalog: catalog, environment: context.environment, transport: transport,
            policy: RetryPolicy.from(environment: context.environment, retries: args.integer(Flags.retries)),
            breaker: CircuitBreaker(stateDirectory: paths.stateHome,
                                    threshold: resilience.breakerThreshold ?? CircuitBreaker.defaultThreshold,
                                    coolDown: resilience.breakerCooldown ?? CircuitBreaker.defaultCoolDown),
            restartAfterPartial: args.has(Flags.restart),
            warn: { message in if !quiet { console.value.warning(message) } })
    }

    /// "gpt-4o-mini (openai)  12 in / 85 out  $0.000053  ttft 312 ms  total 1.84 s"; with a
    /// cache hit, "9632 in (65% cached) / 198 out".
    static func footer(_ result: ChatResult, elapsed: Double, console: Console) -> String {
        let ttft = result.timeToFirstToken.map { "ttft \(Int(($0 * 1000).rounded())) ms" } ?? "ttft -"
        let parts = [
            "\(result.model.id) (\(result.model.provider))",
            "\(result.usage.inputTokens) in\(cachedShare(result.usage)) / \(result.usage.outputTokens) out",
            Money.format(AskJSON.cost(result)),
            ttft,
            "total \(FixedPoint.format(elapsed, digits: 2)) s",
        ]
        return console.errorStyle(parts.joined(separator: "  "), .dim)
    }

    /// " (65% cached)" when part of the input was read from the cache; "" otherwise.
    static func cachedShare(_ usage: TokenUsage) -> String {
        guard usage.cacheReadTokens > 0, usage.inputTokens > 0 else { return "" }
        let percent = Int((Double(usage.cacheReadTokens) / Double(usage.inputTokens) * 100).rounded(.down))
        return " (\(percent)% cached)"
    }

    static func report(_ failure: CallFailure, context: CommandContext) -> Int32 {
        let console = context.console
        if let partial = failure.partialFrom {
            console.out("\n")
            console.flush()
            let what = failure.lastError.map { "\($0)" } ?? "an error"
            console.error("the answer above is partial: the stream from \(partial.id) (\(partial.provider)) failed: \(what)")
        } else {
            console.error("every provider failed")
        }
        for attempt in failure.attempts where !context.quiet || failure.partialFrom == nil {
            console.err("  \(attempt.provider)/\(attempt.model): \(attempt.outcome)\(attempt.message.map { " - " + $0 } ?? "")\n")
        }
        if context.json {
            console.line(AskJSON.failure(failure.partialFrom == nil ? "every provider failed" : "stream failed after partial output",
                                         attempts: failure.attempts).pretty())
        }
        return ExitCode.providersFailed
    }
}
