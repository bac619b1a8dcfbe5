import LLMRouteCore

/// Where output goes: buffered stdout for results, stderr for notes, colour only where it belongs.
public final class Console {
    public enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36"
    }

    public let stdoutIsTerminal: Bool
    public let stderrIsTerminal: Bool
    public let stdinIsTerminal: Bool
    /// Colour on stdout: a terminal, no `--no-color`, no `NO_COLOR`.
    public let color: Bool
    public let errorColor: Bool

    public init(noColorFlag: Bool, environment: Environment) {
        stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
        stderrIsTerminal = isatty(STDERR_FILENO) == 1
        stdinIsTerminal = isatty(STDIN_FILENO) == 1
        // no-color.org: any non-empty NO_COLOR disables colour; TERM=dumb cannot show it.
        let allowed = !noColorFlag && environment.nonEmpty("NO_COLOR") == nil && environment["TERM"] != "dumb"
        color = allowed && stdoutIsTerminal
        errorColor = allowed && stderrIsTerminal
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// Batch workers write result lines while others warn on stderr (which first flushes
    /// stdout): the buffer is shared, so every access holds this lock. A pthread mutex, which
    /// ThreadSanitizer can see (make check-tsan found the unguarded buffer).
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }

    /// Results go through our own buffer (written with write(2)), so batch output costs few
    /// system calls and ordering with stderr is under our control.
    private var buffer: [UInt8] = []

    public func out(_ text: String) {
        locked {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 16 || stdoutIsTerminal { flushOut() }
        }
    }

    public func line(_ text: String = "") { out(text + "\n") }

    public func err(_ text: String) {
        locked {
            flushOut()
            Self.writeAll(STDERR_FILENO, Array(text.utf8))
        }
    }

    public func flush() { locked { flushOut() } }

    /// Callers hold the lock.
    private func flushOut() {
        guard !buffer.isEmpty else { return }
        Self.writeAll(STDOUT_FILENO, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes everything, retrying on EINTR and short writes. A closed pipe (EPIPE) ends quietly,
    /// as `head` users expect.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                return
            }
            offset += written
        }
    }

    public func style(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    public func errorStyle(_ text: String, _ style: Style) -> String {
        errorColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// "llmroute: error: …" on stderr.
    public func error(_ message: String) {
        err("\(CLISpec.programName): \(errorStyle("error", .red)): \(message)\n")
    }

    public func warning(_ message: String) {
        err("\(CLISpec.programName): \(errorStyle("warning", .yellow)): \(message)\n")
    }
}
