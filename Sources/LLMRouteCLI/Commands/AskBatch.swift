import LLMRouteCore
import Synchronization

/// `ask --jsonl`: a batch over one pooled HTTP client. Every input line gets exactly one output
/// line (a result or an error), in input order unless --unordered; workers share one backoff per
/// provider, so a rate limit slows the whole batch instead of failing it. Each request is
/// recorded in the usage ledger as it ends; when the budget is reached no new request starts
/// and the remaining lines are refused lines (exit 5).
struct AskBatch {
    let context: CommandContext

    /// A line turned into a request, or the error line it yields.
    enum Job: Sendable {
        case call(id: JSONValue, request: ChatRequest, decision: RoutingDecision, prompt: String)
        /// With the llm classifier: routed by a worker once the line's labelling call is back.
        case unrouted(id: JSONValue, route: RouteRequest, request: ChatRequest, number: Int)
        case invalid(id: JSONValue, message: String)
    }

    func run() throws -> Int32 {
        let args = context.arguments
        let text = try context.readStdin()
        let (config, catalog) = try context.configuration()
        let router = try context.router()
        let lines = BatchInput.lines(of: text)
        var jobs: [Job] = []
        jobs.reserveCapacity(lines.count)
        let labelsByCall = context.classifierName == "llm"
        for (index, line) in lines.enumerated() {
            jobs.append(job(BatchInput.parse(line, number: index + 1), number: index + 1, router: labelsByCall ? nil : router))
        }
        let ledger = try LedgerSupport(context: context)
        let console = Unchecked(value: context.console)
        let quiet = context.quiet
        let budget = BatchBudget(check: ledger.currentCheck(), force: ledger.force, shared: ledger.sharedAdmission(),
                                 warn: { message in if !quiet { console.value.warning(message) } })
        let recorder = ledger.recorder(command: "batch")
        let caller = AskCommand.makeCaller(context, catalog: catalog, resilience: config.resilience)
        // The process ends right after this command: no connection-pool shutdown to wait for.
        defer { caller.transport.keepUntilExit() }
        let emitter = BatchEmitter(console: context.console, total: jobs.count, ordered: !args.has(Flags.unordered),
                                   progress: context.console.stderrIsTerminal && !context.quiet)
        let labeller = labelsByCall
            ? BatchLabeller(model: try LLMLabelling(context: context, router: router).labellingModel(), caller: caller,
                            recorder: ledger.recorder(command: "label"))
            : nil
        let workers = max(1, args.integer(Flags.concurrency) ?? 4)
        let stream = !args.has(Flags.noStream)
        let sharedJobs = Unchecked(value: jobs)
        let status = try AsyncBridge.run { () async throws -> Int32 in
                        let next = JobCounter()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<min(workers, max(1, sharedJobs.value.count)) {
                    group.addTask {
                        while true {
                            let index = next.take()
                            guard index < sharedJobs.value.count else { return }
                            try Task.checkCancellation()
                            var job = sharedJobs.value[index]
                            if case .unrouted(let id, let route, let request, let number) = job, let labeller {
                                job = Self.routed(id: id, route: route, request: request, number: number,
                                                  router: await labeller.router(router, for: route.prompt))
                            }
                            emitter.emit(index, await Self.perform(job, caller: caller, stream: stream, budget: budget, recorder: recorder))
                        }
                    }
                }
                try await group.waitForAll()
            }
            return emitter.status
        }
        emitter.finish()
        if let labeller, labeller.fallbackCount > 0, !context.quiet {
            context.console.warning("llm classifier: \(labeller.fallbackCount) of \(jobs.count) lines were labelled by the local classifier (the labelling call failed or no model could be asked)")
        }
        return budget.refusedCount > 0 ? ExitCode.refused : status
    }

    /// A line as a job; `router` nil leaves it unrouted (the llm classifier labels it later).
    private func job(_ line: BatchInput.Line, number: Int, router: Router?) -> Job {
        let (id, prompt, lineSystem, model): (JSONValue, String, String?, String?)
        switch line {
        case .invalid(let id, let message): return .invalid(id: id, message: message)
        case .request(let i, let p, let s, let m): (id, prompt, lineSystem, model) = (i, p, s, m)
        }
        let system = lineSystem ?? context.arguments.string(Flags.system)
        do {
            var request = try context.routeRequest(prompt: prompt)
            request.system = system
            if let model { request.forcedModel = model }
            let chat = ChatRequest(system: system, messages: [ChatMessage(role: .user, content: prompt)],
                                   maxTokens: context.arguments.integer(Flags.maxTokens),
                                   temperature: context.arguments.decimal(Flags.temperature))
            guard let router else { return .unrouted(id: id, route: request, request: chat, number: number) }
            return Self.routed(id: id, route: request, request: chat, number: number, router: router)
        } catch {
            return .invalid(id: id, message: "line \(number): \(error)")
        }
    }

    static func routed(id: JSONValue, route: RouteRequest, request: ChatRequest, number: Int, router: Router) -> Job {
        do {
            let decision = try router.route(route)
            if decision.exceedsMaxCost {
                return .invalid(id: id, message: "refused: estimated cost above --max-cost")
            }
            return .call(id: id, request: request, decision: decision, prompt: route.prompt)
        } catch {
            return .invalid(id: id, message: "line \(number): \(error)")
        }
    }

    /// One output line; never throws, so no input line can be lost.
    static func perform(_ job: Job, caller: ResilientCaller, stream: Bool, budget: BatchBudget,
                        recorder: UsageRecorder) async -> (JSONValue, failed: Bool) {
        switch job {
        case .invalid(let id, let message):
            return (.object([("id", id), ("error", .string(message)), ("attempts", .array([]))]), true)
        case .unrouted(let id, _, _, let number):
            return (.object([("id", id), ("error", .string("line \(number): not routed")), ("attempts", .array([]))]), true)
        case .call(let id, var request, let decision, let prompt):
            if let refusal = budget.admit(estimate: decision.estimatedCost) {
                return (.object([("id", id), ("error", .string(refusal)), ("refused", .bool(true)), ("attempts", .array([]))]), true)
            }
            request.stream = stream
            let started = Clock.monotonicSeconds()
            func record(_ result: ChatResult?, _ attempts: [Attempt], outcome: String, errorKind: String? = nil) {
                budget.settle(estimate: decision.estimatedCost, actual: result.map(AskJSON.cost) ?? 0)
                recorder.record(UsageRecorder.Request(
                    decision: decision, prompt: prompt, conversationID: UsageRecorder.newID(), result: result,
                    attempts: attempts, outcome: outcome, errorKind: errorKind, latency: Clock.monotonicSeconds() - started))
            }
            do {
                let (result, attempts) = try await caller.call(request, chain: [decision.model] + decision.fallbacks,
                                                               onEvent: { _, _ in }, onRestart: { _, _ in })
                record(result, attempts, outcome: result.refused ? "refused" : "ok")
                return (.object([
                    ("id", id), ("model", .string(result.model.id)), ("text", .string(result.text)),
                    ("usage", AskJSON.usage(result.usage)), ("cost_usd", .number(AskJSON.cost(result))),
                ]), false)
            } catch let failure as CallFailure {
                record(nil, failure.attempts, outcome: "failed", errorKind: failure.lastError?.kind.rawValue)
                let message = failure.lastError.map { "\($0)" } ?? "every provider failed"
                return (.object([("id", id), ("error", .string(message)), ("attempts", AskJSON.attempts(failure.attempts))]), true)
            } catch {
                record(nil, [], outcome: error is CancellationError ? "interrupted" : "failed")
                return (.object([("id", id), ("error", .string("\(error)")), ("attempts", .array([]))]), true)
            }
        }
    }
}

/// Writes result lines, in input order or as they finish, and the progress bar.
final class BatchEmitter: Sendable {
    private struct State {
        var pending: [Int: String] = [:]
        var nextToWrite = 0
        var done = 0
        var failed = 0
    }

    private let state = Locked(State())
    private let console: Unchecked<Console>
    private let total: Int
    private let ordered: Bool
    private let progress: Bool

    init(console: Console, total: Int, ordered: Bool, progress: Bool) {
        self.console = Unchecked(value: console)
        self.total = total
        self.ordered = ordered
        self.progress = progress
    }

    var status: Int32 { state.withLock { $0.failed > 0 ? ExitCode.providersFailed : ExitCode.success } }

    func emit(_ index: Int, _ line: (JSONValue, failed: Bool)) {
        let text = line.0.serialized()
        state.withLock { s in
            s.done += 1
            if line.failed { s.failed += 1 }
            if ordered {
                s.pending[index] = text
                while let ready = s.pending.removeValue(forKey: s.nextToWrite) {
                    console.value.line(ready)
                    s.nextToWrite += 1
                }
            } else {
                console.value.line(text)
            }
            // Each finished line goes out now: a batch that is killed or stops at the budget
            // must not lose results that were already paid for (and recorded in the ledger).
            console.value.flush()
            if progress { drawProgress(done: s.done, failed: s.failed) }
        }
    }

    func finish() {
        console.value.flush()
        if progress { console.value.err(ProgressBar.clear) }
    }

    private func drawProgress(done: Int, failed: Int) {
        console.value.err(ProgressBar.line(done: done, total: total, failed: failed))
    }
}

/// Hands out job indices to the workers.
/// An atomic counter rather than a `Mutex`: ThreadSanitizer sees atomics but not
/// `Synchronization.Mutex`'s futex locking on Linux (it reported this counter as a race).
final class JobCounter: Sendable {
    private let next = Atomic(0)

    func take() -> Int { next.wrappingAdd(1, ordering: .relaxed).oldValue }
}
