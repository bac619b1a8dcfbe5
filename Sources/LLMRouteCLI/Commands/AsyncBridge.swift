import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// A value handed across the sync/async boundary of a command. The command's thread blocks
/// until the task ends, so nothing touches it concurrently.
struct Unchecked<T>: @unchecked Sendable {
    var value: T
}

/// Runs async work from the synchronous command dispatch, with Ctrl-C cancelling it.
enum AsyncBridge {
    /// Set when SIGINT arrived during `run`.
    nonisolated(unsafe) static var interrupted = false

    static func run<T>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let semaphore = DispatchSemaphore(value: 0)
        let result = ResultBox<T>()
        let task = Task {
            do { result.value = .success(try await body()) } catch { result.value = .failure(error) }
            semaphore.signal()
        }
        // Ctrl-C cancels the request; what was printed stays printed (the caller exits 130).
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            AsyncBridge.interrupted = true
            task.cancel()
            // A cancelled request whose socket is stuck must not keep the user waiting.
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) { _exit(130) }
        }
        source.resume()
        semaphore.wait()
        source.cancel()
        signal(SIGINT, SIG_DFL)
        return try result.value!.get()
    }
}

final class ResultBox<T>: @unchecked Sendable {
    var value: Result<T, any Error>?
}
