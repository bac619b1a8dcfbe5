import CReadline
import LLMRouteCore
#if canImport(Glibc)
import Glibc
#endif

/// The REPL's readline history in $XDG_STATE_HOME/llmroute/history: at most `limit` lines,
/// mode 0600 (prompts can be private), each line appended as it is entered so a killed session
/// keeps it. Lines starting with a space are not kept (bash's `ignorespace`), nor a repeat of
/// the previous line.
final class HistoryFile {
    static let defaultLimit = 1000
    let path: String
    let limit: Int
    let warn: (String) -> Void
    private var warned = false

    init(stateDirectory: String, limit: Int = HistoryFile.defaultLimit, warn: @escaping (String) -> Void) {
        path = stateDirectory + "/history"
        self.limit = limit
        self.warn = warn
    }

    static func shouldKeep(_ line: String, previous: String?) -> Bool {
        !line.isEmpty && !line.hasPrefix(" ") && !line.allSatisfy({ $0 == " " || $0 == "\t" }) && line != previous
    }

    func load() {
        stifle_history(Int32(limit))
        guard FileIO.exists(path) else { return }
        let status = read_history(path)
        if status != 0 { warn("cannot read the history \(path): \(FileIO.errorText(status))") }
    }

    func add(_ line: String) {
        let previous = llmroute_history_last().map { String(cString: $0) }
        guard Self.shouldKeep(line, previous: previous) else { return }
        add_history(line)
        if let problem = append(), !warned {
            warned = true
            warn("cannot save the history to \(path): \(problem)")
        }
    }

    /// Appends the newest entry to the file; the reason when that failed.
    private func append() -> String? {
        do {
            try FileIO.makeDirectories(FileIO.parentOf(path), mode: 0o700)
        } catch {
            return error.reason
        }
        // append_history needs the file to exist; create it private.
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return FileIO.errorText() }
        Glibc.close(fd)
        let status = append_history(1, path)
        if status != 0 { return FileIO.errorText(status) }
        _ = history_truncate_file(path, Int32(limit))
        chmod(path, 0o600)
        return nil
    }
}
