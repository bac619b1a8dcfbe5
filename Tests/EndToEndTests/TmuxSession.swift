import Foundation

/// Drives a command at a real terminal: a private tmux server (its own socket, so nothing is
/// shared with a user's tmux) running one command in a fixed-size window. Keys go in with
/// send-keys; the screen comes out with capture-pane. `close()` kills the server.
final class TmuxSession {
    static var executable: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The server's socket: a private path, removed by `close()`.
    let socket = FileManager.default.temporaryDirectory.appendingPathComponent("llmroute-tmux-\(UUID().uuidString).sock").path

    /// Runs `command` with exactly `environment` (plus TERM) in a width x height window.
    init(command: [String], environment: [String: String], width: Int = 120, height: Int = 40) throws {
        var variables = environment
        variables["TERM"] = "screen"
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // A shell waits for the command and prints its status: the test reads it from the screen
        // (tmux does not always collect the status of a pane's process in time to report it).
        // Its no-op INT trap keeps it alive through Ctrl-C; the command (exec'd) gets the default.
        let wrapped = ["sh", "-c", "trap : INT; \"$@\"; echo \"[exited $?]\"", "sh"] + command
        let line = (["env", "-i"] + assignments + wrapped).map(Self.quote).joined(separator: " ")
        // remain-on-exit keeps the pane (and its last screen) after the command ends.
        // The server is started through python3 to give it an empty signal mask: a child of a test
        // thread inherits that thread's mask (libdispatch threads block SIGINT, SIGHUP, SIGTERM...),
        // and the REPL must see Ctrl-C as it would in a real terminal.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", line,
                  ";", "set-option", "-t", "main", "remain-on-exit", "on"], clearSignalMask: true)
    }

    /// Keys by tmux name ("Enter", "Tab", "Up", "C-c", "C-d").
    func keys(_ names: String...) throws {
        _ = try tmux(["send-keys", "-t", "main"] + names)
    }

    /// Literal text, as typed.
    func type(_ text: String) throws {
        _ = try tmux(["send-keys", "-t", "main", "-l", text])
    }

    /// The screen and scroll-back as text, wrapped lines joined; with `escapes`, colours as
    /// escape sequences.
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-t", "main", "-p", "-J", "-S", "-500"] + (escapes ? ["-e"] : []))
    }

    /// Waits until `condition` holds for the screen; the last screen either way.
    @discardableResult
    func wait(timeout: Double = 15, for condition: (String) -> Bool) throws -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var text = ""
        while true {
            text = try screen()
            if condition(text) { return (true, text) }
            if Date() >= deadline { return (false, text) }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    @discardableResult
    func wait(timeout: Double = 15, forText text: String, count: Int = 1) throws -> (ok: Bool, screen: String) {
        try wait(timeout: timeout) { $0.components(separatedBy: text).count - 1 >= count }
    }

    /// Waits until the last non-blank line is `prompt` (trailing spaces ignored): the program is
    /// reading again. Keys sent before that would race the terminal's mode switch (a Ctrl-D or
    /// Ctrl-C typed while the terminal is still in canonical mode is not seen as readline's).
    @discardableResult
    func waitForPrompt(_ prompt: String, timeout: Double = 15) throws -> (ok: Bool, screen: String) {
        let wanted = prompt.trimmingCharacters(in: .whitespaces)
        return try wait(timeout: timeout) { screen in
            let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return lines.last == wanted
        }
    }

    /// The command's exit status once it has ended (nil while it runs, or after the timeout).
    func exitStatus(timeout: Double = 30) throws -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = try screen()
            if let range = text.range(of: "[exited ", options: .backwards),
               let end = text[range.upperBound...].firstIndex(of: "]") {
                return Int32(text[range.upperBound..<end])
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    /// For failure messages: the pane's process and what each of its threads waits in.
    func diagnostics() -> String {
        guard let pid = try? tmux(["list-panes", "-t", "main", "-F", "#{pane_pid} #{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}"]) else { return "no pane" }
        let id = pid.split(separator: " ").first.map(String.init) ?? ""
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(id)/task")) ?? []
        let waits = tasks.map { (try? String(contentsOfFile: "/proc/\(id)/task/\($0)/wchan", encoding: .utf8)) ?? "?" }
        return "pane \(pid.trimmingCharacters(in: .whitespacesAndNewlines)); threads waiting in: \(waits.joined(separator: ", "))"
    }

    func close() {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    /// Runs a tmux client command and returns its output. Starting the server must not capture
    /// output: the server would inherit the pipe and it would never reach end of file.
    @discardableResult
    private func tmux(_ arguments: [String], clearSignalMask: Bool = false) throws -> String {
        let process = Process()
        let command = ["-S", socket] + arguments
        if clearSignalMask {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            // subprocess closes inherited descriptors: the tmux server, a daemon, must not keep the
            // socket through which Foundation's Process notices that its child ended.
            process.arguments = ["python3", "-c", "import signal, subprocess, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); sys.exit(subprocess.call(sys.argv[1:]))",
                                 Self.executable!] + command
        } else {
            process.executableURL = URL(fileURLWithPath: Self.executable!)
            process.arguments = command
        }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TMUX")
        process.environment = environment
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        if clearSignalMask {
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            try process.run()
            process.waitUntilExit()
            return ""
        }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
