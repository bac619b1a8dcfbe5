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
    }

    /// Results go through our own buffer (written with write(2)), so batch output costs few
    /// system calls and ordering with stderr is under our control. Batch workers write result
    /// lines while others warn on stderr (which first flushes stdout), so the buffer is behind a
    /// lock (make check-tsan found it unguarded).
    private let buffer = Locked<[UInt8]>([])

    public func out(_ text: String) {
        buffer.withLock { buffer in
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 16 || stdoutIsTerminal { Self.flushOut(&buffer) }
        }
    }

    public func line(_ text: String = "") { out(text + "\n") }

    public func err(_ text: String) {
        buffer.withLock { buffer in
            Self.flushOut(&buffer)
            Self.writeAll(STDERR_FILENO, Array(text.utf8))
        }
    }

    public func flush() { buffer.withLock { Self.flushOut(&$0) } }

    /// Called inside `buffer.withLock`.
    private static func flushOut(_ buffer: inout [UInt8]) {
        guard !buffer.isEmpty else { return }
        writeAll(STDOUT_FILENO, buffer)
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
