/// Keys written into a config file are only as private as the file: warn when group or others
/// can read it (they get the keys) or write it (they can point base_url at their own server).
public enum ConfigExposure {
    /// A warning for `config`'s file, or nil when it holds no inline key or only its owner can
    /// read and write it.
    public static func warning(for config: UserConfig) -> String? {
        guard let path = config.file, config.providers.contains(where: { $0.apiKey != nil }),
              let mode = permissions(of: path), mode & 0o066 != 0 else { return nil }
        var who: [String] = []
        if mode & 0o060 != 0 { who.append("its group") }
        if mode & 0o006 != 0 { who.append("other users") }
        let access = mode & 0o022 != 0 ? "readable or writable" : "readable"
        return "\(path) holds API keys and is \(access) by \(who.joined(separator: " and ")) (mode \(octal(mode))); "
            + "run 'chmod 600 \(path)', or move the keys to environment variables (api_key_env)"
    }

    /// Permission bits of the file a path names (following links), or nil if it cannot be read.
    public static func permissions(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }

    static func octal(_ mode: mode_t) -> String {
        let digits = [(mode >> 6) & 7, (mode >> 3) & 7, mode & 7].map { String($0) }
        return "0" + digits.joined()
    }
}
