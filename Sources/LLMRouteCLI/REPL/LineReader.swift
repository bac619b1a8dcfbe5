#if canImport(Glibc)
import Glibc
#endif

/// One read at the prompt.
enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C at the prompt: the line (and any unfinished multi-line message) is dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// Where the REPL's input comes from: GNU readline on a terminal, plain lines otherwise.
protocol LineReader: AnyObject {
    func read(prompt: String) -> LineInput
    /// Adds a line the user typed to the history (readline only).
    func remember(_ line: String)
    func close()
}

/// Lines from a pipe or file, without readline, prompts or echo: the REPL scripted.
final class PlainLineReader: LineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var atEnd = false

    init(fd: Int32 = STDIN_FILENO) { self.fd = fd }

    func read(prompt: String) -> LineInput {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            if atEnd {
                guard !buffer.isEmpty else { return .endOfInput }
                defer { buffer.removeAll() }
                return .line(String(decoding: buffer, as: UTF8.self))
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR {
                    if InterruptSignal.take() { buffer.removeAll(); return .interrupted }
                    continue
                }
                atEnd = true
            } else if count == 0 {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk[..<count])
            }
        }
    }

    func remember(_ line: String) {}
    func close() {}
}
