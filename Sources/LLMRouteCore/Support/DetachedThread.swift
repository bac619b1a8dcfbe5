import CLLMRouteThreads

/// Runs a closure on a new detached thread that starts on an idle core, for start-up work that
/// must overlap the command's own. A thread created the usual way waits on its busy creator's
/// core: a plain pthread 0.6 to 3 ms in a test program whose creator kept working, the first
/// `DispatchQueue.global().async` of `ask` 0.5 to 0.9 ms, which was the whole overlap `ask`
/// hoped for (see llmroute_threads.h).
public enum DetachedThread {
    /// Returns false if the thread could not be created (the closure then never runs).
    @discardableResult
    public static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        let status = llmroute_thread_start_elsewhere({ raw in
            Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, box)
        if status != 0 {
            Unmanaged<Box>.fromOpaque(box).release()
            return false
        }
        return true
    }

    /// How many CPUs the calling thread may run on (-1 if unknown): a started thread must end up
    /// with the same as its creator, not pinned to the core it started on.
    static func allowedCPUs() -> Int { Int(llmroute_thread_allowed_cpus()) }

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
