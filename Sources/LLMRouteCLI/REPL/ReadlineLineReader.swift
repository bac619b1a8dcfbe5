import CReadline
import LLMRouteCore
#if canImport(Glibc)
import Glibc
#endif

/// GNU readline at a terminal: line editing and key bindings from ~/.inputrc (`$if llmroute`
/// sections apply), history kept in a file, Tab completion of commands, models, strategies
/// and /save file names.
///
/// It uses readline's callback interface (as Python's readline module does) rather than
/// `readline()`: we own the poll(2) loop, so a Ctrl-C (our SIGINT handler, no SA_RESTART)
/// interrupts the wait at once and the line can be dropped cleanly. With `readline()` the
/// signal would only be seen after the next key press.
final class ReadlineLineReader: LineReader {
    private let history: HistoryFile?
    private let output: (String) -> Void

    // readline calls plain C functions, so what they need lives in statics. One reader per process.
    nonisolated(unsafe) static var completer: SlashCompleter?
    nonisolated(unsafe) private static var received: LineInput?
    nonisolated(unsafe) private static var matches: [String] = []
    nonisolated(unsafe) private static var nextMatch = 0

    init(history: HistoryFile?, completer: SlashCompleter, output: @escaping (String) -> Void) {
        self.history = history
        self.output = output
        Self.completer = completer
        // SIGINT is ours (InterruptSignal); readline keeps handling SIGWINCH (window resizes)
        // for the whole time a line is being read, not only inside rl_callback_read_char.
        llmroute_rl_setup { text, start, _ in ReadlineLineReader.attemptCompletion(text, start) }
        using_history()
        history?.load()
    }

    func read(prompt: String) -> LineInput {
        Self.received = nil
        rl_callback_handler_install(prompt) { line in ReadlineLineReader.lineHandler(line) }
        let input = llmroute_rl_input_fd()
        while Self.received == nil {
            var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, -1)
            if InterruptSignal.take() {
                // Show ^C after the text (wherever the cursor was), then drop the line being
                // edited, as Python's readline module does on KeyboardInterrupt.
                llmroute_rl_move_to_end()
                output("^C")
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_cleanup_after_signal()
                rl_callback_handler_remove()
                output("\n")
                return .interrupted
            }
            if ready < 0 {
                if errno == EINTR { continue }
                rl_callback_handler_remove()
                return .endOfInput
            }
            if ready > 0 { rl_callback_read_char() }
        }
        if Self.received == .endOfInput { output("\n") }
        return Self.received!
    }

    func remember(_ line: String) { history?.add(line) }

    func close() {
        rl_callback_handler_remove()
    }

    private static func lineHandler(_ line: UnsafeMutablePointer<CChar>?) {
        if let line {
            received = .line(String(cString: line))
            free(line)
        } else {
            received = .endOfInput
        }
        rl_callback_handler_remove()
    }

    private static func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        // Never fall back to file names for prompt text; only /save asks for them.
        llmroute_rl_set_attempted_completion_over(1)
        guard let text, let completer, let buffer = llmroute_rl_line_buffer() else { return nil }
        let before = UnsafeRawBufferPointer(start: buffer, count: Int(max(0, start)))
        switch completer.complete(before: String(decoding: before, as: UTF8.self), word: String(cString: text)) {
        case .words(let words):
            guard !words.isEmpty else { return nil }
            matches = words
            nextMatch = 0
            return rl_completion_matches(text) { _, state in ReadlineLineReader.nextCompletion(state) }
        case .files:
            llmroute_rl_set_attempted_completion_over(0)
            return nil
        case .nothing:
            return nil
        }
    }

    private static func nextCompletion(_ state: Int32) -> UnsafeMutablePointer<CChar>? {
        if state == 0 { nextMatch = 0 }
        guard nextMatch < matches.count else { return nil }
        defer { nextMatch += 1 }
        return strdup(matches[nextMatch])
    }
}
