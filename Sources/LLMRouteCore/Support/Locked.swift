/// A value behind a pthread mutex: the one lock type of the project (batch workers, the
/// circuit breaker's shared state, the ledger, the console buffer).
///
/// Why not `Synchronization.Mutex`: on Linux it locks with a raw futex, which ThreadSanitizer
/// does not model, so `make check-tsan` reported every value it guards as a data race (and
/// aborted batches), burying real races under false ones. pthread_mutex_lock/unlock are
/// intercepted by TSan (and cost the same uncontended: glibc's fast path is one atomic).
///
/// Why not NIO's `NIOLockedValueBox` (also a pthread mutex): the CLI target would need a direct
/// NIO dependency for its counters, and the engine's locking would hang on an HTTP library;
/// this is 30 lines with `Mutex`'s `withLock` shape, so call sites read the same.
public final class Locked<Value>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Only touched between lock and unlock (hence @unchecked Sendable).
    private var value: Value

    public init(_ value: Value) {
        self.value = value
        // Default attributes: a normal, non-recursive mutex. Re-entering withLock from its own
        // body deadlocks, as with Mutex; no caller does (each body only edits the value).
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed: \(status)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value; the lock is released however it ends.
    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
