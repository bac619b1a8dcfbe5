import LLMRouteCore

/// Shows a streaming answer as it arrives, for `ask` and the REPL: answer text on stdout,
/// reasoning on stderr (dim) only when asked for, a separator when a fallback re-asks after a
/// broken stream. The command's thread is blocked while the call runs, so nothing else writes.
final class StreamEcho: @unchecked Sendable {
    let console: Console
    /// False for `--json`, which prints the text in its object at the end.
    let printText: Bool
    let showReasoning: Bool
    private var reasoningOpen = false
    /// Whether the last text printed ended a line (the caller adds one otherwise).
    private(set) var atLineStart = true

    init(console: Console, printText: Bool, showReasoning: Bool) {
        self.console = console
        self.printText = printText
        self.showReasoning = showReasoning
    }

    func event(_ event: ChatEvent) throws {
        // After Ctrl-C nothing more reaches the screen, even if bytes are still arriving.
        try Task.checkCancellation()
        switch event {
        case .text(let text) where printText:
            if reasoningOpen { reasoningOpen = false; console.err("\n") }
            console.out(text)
            if let last = text.last { atLineStart = last == "\n" }
        case .reasoning(let text) where showReasoning:
            reasoningOpen = true
            console.err(console.errorStyle(text, .dim))
        default: break
        }
    }

    /// After each network read: one write for all the tokens it carried, not one per token
    /// (a 2,000-token answer was 2,000 write calls).
    func chunkEnded() { console.flush() }

    func restart(failed: ModelInfo, next: ModelInfo) {
        if printText {
            console.out("\n\n--- llmroute: \(failed.id) failed mid-answer; \(next.id) answers again below ---\n\n")
            console.flush()
            atLineStart = true
        }
        console.warning("the stream from \(failed.id) broke off; re-asking \(next.id) (--restart)")
    }
}
