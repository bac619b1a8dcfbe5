import Dispatch

/// Work started now on a thread of its own (on an idle core, see DetachedThread) and awaited
/// later: `ask` writes its conversation file while the calling thread records the usage row,
/// the two writes that stand between the last answer byte and the shell prompt.
public final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the job before `finished` is signalled; read after waiting for it.
    private var value: Value?

    public init(_ body: @escaping @Sendable () -> Value) {
        let started = DetachedThread.start { [self] in
            value = body()
            finished.signal()
        }
        if !started {  // no thread to be had: do it here
            value = body()
            finished.signal()
        }
    }

    /// Blocks until the job has finished; call it once.
    public func wait() -> Value {
        finished.wait()
        return value!
    }
}
