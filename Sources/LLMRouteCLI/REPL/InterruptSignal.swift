import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C for the REPL. A process-wide SIGINT handler only counts the signal (the one thing a
/// handler may safely do); the prompt and the turn runner look at the count. It is installed
/// without SA_RESTART, so a blocked poll(2) or read(2) returns EINTR and the prompt notices at once.
/// Unlike `ask`, a Ctrl-C never ends the process: it cancels the answer or clears the line.
enum InterruptSignal {
    static let pending = Atomic<Int>(0)
    nonisolated(unsafe) private static var previous = sigaction()
    nonisolated(unsafe) private static var installed = false

    static func install() {
        guard !installed else { return }
        _ = pending.load(ordering: .relaxed)  // initialise the global before a handler can touch it
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in InterruptSignal.pending.add(1, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, &previous)
        // A launcher may hand us SIGINT blocked (threads of libdispatch block it, and children
        // inherit the mask); unblocked here, the main thread takes it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        installed = true
    }

    static func uninstall() {
        guard installed else { return }
        sigaction(SIGINT, &previous, nil)
        installed = false
    }

    /// True (and the count reset) when Ctrl-C was pressed since the last call.
    static func take() -> Bool {
        pending.exchange(0, ordering: .relaxed) > 0
    }
}
