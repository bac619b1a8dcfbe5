/// Small file helpers on the C library, so the engine needs no Foundation for plain file work.
public enum FileIO {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// The text of `errno`, e.g. "No such file or directory".
    public static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Whether `fd` is a pipe (FIFO) or a regular file. Here rather than at the caller: where the
    /// serve gateway's NIO is imported, `struct stat` is attributed to CNIOLinux.
    public static func isPipeOrFile(_ fd: Int32) -> Bool {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFREG
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Reads a whole file. Refuses directories with a clear message instead of an odd read error.
    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, reason: errorText()) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw Failure(path: path, reason: "is a directory, not a file")
        }
        return try readAll(fd, name: path)
    }

    /// Reads a descriptor to its end (stdin, pipes, files).
    public static func readAll(_ fd: Int32, name: String) throws(Failure) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: name, reason: errorText())
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// Writes a file (creating parent folders), replacing it atomically via a temporary file.
    /// A symbolic link is written through (a dotfile manager's link stays a link), and anything
    /// but a regular file is refused: renaming over `/dev/null` or a FIFO would replace it.
    public static func write(_ bytes: [UInt8], to requestedPath: String, mode: mode_t = 0o644) throws(Failure) {
        var path = requestedPath
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw Failure(path: requestedPath, reason: "not a regular file; refusing to replace it")
        }
        try makeDirectories(parentOf(path))
        let temporary = path + ".tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Failure(path: temporary, reason: errorText()) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = errorText()
                close(fd)
                unlink(temporary)
                throw Failure(path: path, reason: reason)
            }
            offset += written
        }
        guard close(fd) == 0, rename(temporary, path) == 0 else {
            let reason = errorText()
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
    }

    public static func parentOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `mkdir -p`.
    public static func makeDirectories(_ path: String, mode: mode_t = 0o755) throws(Failure) {
        if path.isEmpty || isDirectory(path) { return }
        try makeDirectories(parentOf(path), mode: mode)
        if mkdir(path, mode) != 0 && errno != EEXIST { throw Failure(path: path, reason: errorText()) }
    }
}
