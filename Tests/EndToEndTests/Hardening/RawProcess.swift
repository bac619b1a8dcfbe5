import Foundation

/// Runs the binary with argument bytes exactly as given (invalid UTF-8 included, which
/// Foundation's Process cannot pass), in a chosen directory, with a hard time limit: the
/// bad-input suites need "no hang" to be a test failure, not a stuck test run.
struct RawProcess {
    struct Outcome: CustomStringConvertible {
        /// Exit status, or nil when a signal ended the process.
        var status: Int32?
        var signal: Int32?
        var timedOut: Bool
        var stdout: [UInt8]
        var stderr: [UInt8]

        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
        var description: String {
            "status \(status.map(String.init) ?? "-") signal \(signal.map(String.init) ?? "-")\(timedOut ? " TIMED OUT" : ""); stderr: \(stderrText.prefix(300))"
        }
    }

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29+) is not in Swift's Glibc module.
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChdir: AddChdir = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
            fatalError("posix_spawn_file_actions_addchdir_np is missing (glibc older than 2.29)")
        }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    private static let spawnLock = NSLock()

    /// `stdinPath` nil connects /dev/null; stdout and stderr are collected whole.
    static func run(_ executable: String, _ arguments: [[UInt8]], environment: [String: String], directory: String,
                    stdinPath: String? = nil, timeout: Double = 20) -> Outcome {
        // pipe2 is not in Swift's Glibc module: pipe, then close-on-exec, under a lock so no
        // other thread's child inherits our pipe ends in between (it would hold them open).
        spawnLock.lock()
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { fatalError("pipe: \(errno)") }
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let input = open(stdinPath ?? "/dev/null", O_RDONLY | O_CLOEXEC)
        precondition(input >= 0, "cannot open stdin file")

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        _ = directory.withCString { addChdir(&actions, $0) }

        let argv = ([Array(executable.utf8)] + arguments).map { bytes -> UnsafeMutablePointer<CChar>? in
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, b) in bytes.enumerated() { buffer[i] = CChar(bitPattern: b) }
            buffer[bytes.count] = 0
            return buffer
        } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { $0?.deallocate() }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        spawnLock.unlock()
        close(input)
        close(outPipe[1])
        close(errPipe[1])
        precondition(spawned == 0, "posix_spawn failed: \(spawned)")

        var outcome = Outcome(status: nil, signal: nil, timedOut: false, stdout: [], stderr: [])
        let deadline = Date().addingTimeInterval(timeout)
        var open = [outPipe[0], errPipe[0]]
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while !open.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                outcome.timedOut = true
                kill(pid, SIGKILL)
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                let count = chunk.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if entry.fd == outPipe[0] { outcome.stdout += chunk[0..<count] } else { outcome.stderr += chunk[0..<count] }
                } else if count == 0 || errno != EINTR {
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        close(outPipe[0])
        close(errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the macros are not imported.
        if status & 0x7F == 0 { outcome.status = (status >> 8) & 0xFF } else { outcome.signal = status & 0x7F }
        return outcome
    }

    /// Runs `body` for 0..<count on `width` threads (spawned processes wait on I/O, so more
    /// threads than cores keeps the cores busy).
    static func parallel(_ count: Int, width: Int = 12, _ body: @escaping @Sendable (Int) -> Void) {
        let next = NSLock()
        nonisolated(unsafe) var index = 0
        let group = DispatchGroup()
        for _ in 0..<width {
            group.enter()
            Thread {
                while true {
                    next.lock()
                    let mine = index
                    index += 1
                    next.unlock()
                    if mine >= count { break }
                    body(mine)
                }
                group.leave()
            }.start()
        }
        group.wait()
    }
}
