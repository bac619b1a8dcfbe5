#if canImport(Glibc)
import Glibc
#endif

/// A circuit breaker per provider whose state outlives the process, so the next `ask` skips a
/// provider that just failed. Closed: calls go through. Open (after `threshold` consecutive
/// provider faults): skipped until `coolDown` has passed. Half-open after that: one call
/// decides. Stored in $XDG_STATE_HOME/llmroute/circuit-breakers as lines
/// "provider failures open-until-epoch"; updates hold an flock and replace the file by
/// atomic rename, so concurrent processes never see or write a torn file.
public struct CircuitBreaker: Sendable {
    public var path: String
    public var threshold: Int
    public var coolDown: Double

    public struct State: Sendable, Equatable {
        public var failures: Int
        public var openUntil: Double
    }

    /// `[resilience] breaker_threshold` and `breaker_cooldown` when the config leaves them out.
    public static let defaultThreshold = 3
    public static let defaultCoolDown: Double = 30

    public init(stateDirectory: String, threshold: Int = defaultThreshold, coolDown: Double = defaultCoolDown) {
        path = stateDirectory + "/circuit-breakers"
        self.threshold = threshold
        self.coolDown = coolDown
    }

    /// True while the provider's breaker is open (its cool-down has not passed).
    public func isOpen(_ provider: String, now: Double = Clock.wallSeconds()) -> Bool {
        openProviders(now: now).contains(provider)
    }

    /// The providers whose breaker is open, from one read of the state file: a call checks every
    /// provider of its chain, and the gateway does so on each request before its first byte.
    public func openProviders(now: Double = Clock.wallSeconds()) -> Set<String> {
        Set(read().filter { $0.value.openUntil > now }.keys)
    }

    public func recordSuccess(_ provider: String) {
        // Nearly always there is nothing to clear: a plain read spares the lock and the rewrite.
        guard read()[provider] != nil else { return }
        update { states in
            guard states[provider] != nil else { return false }
            states[provider] = nil
            return true
        }
    }

    public func recordFailure(_ provider: String, now: Double = Clock.wallSeconds()) {
        update { states in
            var state = states[provider] ?? State(failures: 0, openUntil: 0)
            state.failures += 1
            // Opens at the threshold; a failed half-open probe opens it again at once.
            if state.failures >= threshold { state.openUntil = now + coolDown }
            states[provider] = state
            return true
        }
    }

    public func read() -> [String: State] {
        guard let bytes = try? FileIO.read(path) else { return [:] }
        return Self.parse(String(decoding: bytes, as: UTF8.self))
    }

    static func parse(_ text: String) -> [String: State] {
        var states: [String: State] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let failures = Int(fields[1]), let until = Double(fields[2]) else { continue }
            states[String(fields[0])] = State(failures: failures, openUntil: until)
        }
        return states
    }

    /// Read-modify-write under an exclusive lock; `change` returns whether anything changed.
    /// State is best effort: an unwritable state directory never fails a request.
    private func update(_ change: (inout [String: State]) -> Bool) {
        let directory = FileIO.parentOf(path)
        try? FileIO.makeDirectories(directory, mode: 0o700)
        let lockFD = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard lockFD >= 0 else { return }
        defer { close(lockFD) }
        while flock(lockFD, LOCK_EX) != 0 { if errno != EINTR { return } }
        defer { _ = flock(lockFD, LOCK_UN) }
        var states = read()
        guard change(&states) else { return }
        var text = ""
        for (name, state) in states.sorted(by: { $0.key < $1.key }) {
            text += "\(name) \(state.failures) \(state.openUntil)\n"
        }
        try? FileIO.write(Array(text.utf8), to: path, mode: 0o600)  // temporary file + rename
    }
}
