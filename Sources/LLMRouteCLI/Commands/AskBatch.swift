import LLMRouteCore
import Synchronization

/// `ask --jsonl`: a batch over one pooled HTTP client. Every input line gets exactly one output
/// line (a result or an error), in input order unless --unordered; workers share one backoff per
/// provider, so a rate limit slows the whole batch instead of failing it.
struct AskBatch {
    let context: CommandContext

    /// A line turned into a request, or the error line it yields.
    enum Job: Sendable {
        case call(id: JSONValue, request: ChatRequest, chain: [ModelInfo])
        case invalid(id: JSONValue, message: String)
    }

    func run() throws -> Int32 {
        let args = context.arguments
        let text = try context.readStdin()
        let catalog = try context.configuration().catalog
        let router = try context.router()
        let lines = BatchInput.lines(of: text)
        var jobs: [Job] = []
        jobs.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            jobs.append(job(BatchInput.parse(line, number: index + 1), number: index + 1, router: router))
        }
        let caller = AskCommand.makeCaller(context, catalog: catalog)
        defer { caller.transport.shutdownSync() }
        let emitter = BatchEmitter(console: context.console, total: jobs.count, ordered: !args.has(Flags.unordered),
                                   progress: context.console.stderrIsTerminal && !context.quiet)
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
                            emitter.emit(index, await Self.perform(sharedJobs.value[index], caller: caller, stream: stream))
                        }
                    }
                }
                try await group.waitForAll()
            }
            return emitter.status
        }
        emitter.finish()
        return status
    }

    private func job(_ line: BatchInput.Line, number: Int, router: Router) -> Job {
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
            let decision = try router.route(request)
            if decision.exceedsMaxCost {
                return .invalid(id: id, message: "refused: estimated cost above --max-cost")
            }
            let chat = ChatRequest(system: system, messages: [ChatMessage(role: .user, content: prompt)],
                                   maxTokens: context.arguments.integer(Flags.maxTokens),
                                   temperature: context.arguments.decimal(Flags.temperature))
            return .call(id: id, request: chat, chain: [decision.model] + decision.fallbacks)
        } catch {
            return .invalid(id: id, message: "line \(number): \(error)")
        }
    }

    /// One output line; never throws, so no input line can be lost.
    static func perform(_ job: Job, caller: ResilientCaller, stream: Bool) async -> (JSONValue, failed: Bool) {
        switch job {
        case .invalid(let id, let message):
            return (.object([("id", id), ("error", .string(message)), ("attempts", .array([]))]), true)
        case .call(let id, var request, let chain):
            request.stream = stream
            do {
                let (result, _) = try await caller.call(request, chain: chain, onEvent: { _, _ in }, onRestart: { _, _ in })
                return (.object([
                    ("id", id), ("model", .string(result.model.id)), ("text", .string(result.text)),
                    ("usage", AskJSON.usage(result.usage)), ("cost_usd", .number(AskJSON.cost(result))),
                ]), false)
            } catch let failure as CallFailure {
                let message = failure.lastError.map { "\($0)" } ?? "every provider failed"
                return (.object([("id", id), ("error", .string(message)), ("attempts", AskJSON.attempts(failure.attempts))]), true)
            } catch {
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

    private let state = Mutex(State())
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
            if progress { drawProgress(done: s.done, failed: s.failed) }
        }
    }

    func finish() {
        console.value.flush()
        if progress { console.value.err("\r\u{1B}[K") }
    }

    private func drawProgress(done: Int, failed: Int) {
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        console.value.err("\r[\(bar)] \(done)/\(total)" + (failed > 0 ? " (\(failed) failed)" : ""))
    }
}

/// Hands out job indices to the workers.
final class JobCounter: Sendable {
    private let next = Mutex(0)

    func take() -> Int { next.withLock { value in defer { value += 1 }; return value } }
}
