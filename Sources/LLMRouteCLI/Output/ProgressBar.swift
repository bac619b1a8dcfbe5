/// The progress bar batch commands draw on stderr when it is a terminal: one line, redrawn in
/// place with a carriage return, `[=========                     ] 12/40 (1 failed)`.
enum ProgressBar {
    static func line(done: Int, total: Int, failed: Int = 0, width: Int = 30) -> String {
        let filled = total == 0 ? width : min(width, done * width / total)
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        return "\r[\(bar)] \(done)/\(total)" + (failed > 0 ? " (\(failed) failed)" : "")
    }

    /// Erases the bar's line, so the next output starts clean.
    static let clear = "\r\u{1B}[K"
}
