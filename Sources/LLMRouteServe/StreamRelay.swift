import LLMRouteCore

/// Carries one streamed call's SSE text from the engine (whose event callback is synchronous)
/// to the HTTP response writer (asynchronous). The call runs in its own task; a client that
/// goes away cancels it, which cancels the upstream request, and the call still records its
/// ledger row before `drain` returns.
final class StreamRelay: @unchecked Sendable {
    enum Item: Sendable {
        case chunk(String, ModelInfo)
        /// The call failed before anything was streamed: the client gets an error status.
        case failed(GatewayError)
    }

    // Only the handler's task touches the iterator, one call at a time (hence @unchecked).
    private var iterator: AsyncStream<Item>.Iterator
    private let task: Task<Void, Never>

    private init(iterator: AsyncStream<Item>.Iterator, task: Task<Void, Never>) {
        self.iterator = iterator
        self.task = task
    }

    static func start(engine: GatewayEngine, plan: GatewayEngine.Plan, format: ChatCompletionFormat) -> StreamRelay {
        let (stream, continuation) = AsyncStream<Item>.makeStream()
        let task = Task {
            let sent = Locked<ModelInfo?>(nil)
            do {
                let result = try await engine.call(plan) { model, event in
                    let text = format.chunk(event, model: model)
                    guard !text.isEmpty else { return }
                    sent.withLock { $0 = model }
                    continuation.yield(.chunk(text, model))
                }
                continuation.yield(.chunk(format.end(result), result.model))
            } catch {
                let failure = GatewayHandlers.failure(error)
                if let model = sent.withLock({ $0 }) {
                    // Headers are out: OpenAI's way to fail mid-stream is an error event.
                    continuation.yield(.chunk(ChatCompletionFormat.event(failure.body), model))
                } else {
                    continuation.yield(.failed(failure))
                }
            }
            continuation.finish()
        }
        return StreamRelay(iterator: stream.makeAsyncIterator(), task: task)
    }

    func next() async -> Item? { await iterator.next() }

    /// Writes `first`, then every chunk until the call ends. A write that fails (the client
    /// hung up) or a cancelled handler cancels the call; either way the call has ended, and
    /// recorded its row, before this returns.
    func drain(first: String, write: (String) async throws -> Void) async throws {
        let task = self.task
        do {
            try await withTaskCancellationHandler {
                try await write(first)
                while let item = await next() {
                    if case .chunk(let text, _) = item { try await write(text) }
                }
            } onCancel: {
                task.cancel()
            }
        } catch {
            task.cancel()
            await task.value
            throw error
        }
        await task.value
    }
}
