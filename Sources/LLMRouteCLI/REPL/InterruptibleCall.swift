import Dispatch

/// Runs one answer's async work from the REPL's thread; Ctrl-C cancels that answer only.
enum InterruptibleCall {
    /// The body's result, or nil when Ctrl-C interrupted it.
    static func run<T>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error>? {
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox<T>()
        _ = InterruptSignal.take()  // a Ctrl-C from before the question does not cancel it
        let task = Task {
            do { result.value = .success(try await body()) } catch { result.value = .failure(error) }
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if InterruptSignal.take() {
                task.cancel()
                // Cancellation ends the request; a socket that does not notice must not hold
                // the prompt, so after a second the task is left to finish on its own (muted).
                _ = done.wait(timeout: .now() + .seconds(1))
                return nil
            }
        }
        return result.value
    }
}
