/// Where llmroute keeps its files, following the XDG Base Directory specification.
public struct XDGPaths: Sendable, Equatable {
    public var configHome: String
    public var dataHome: String
    public var stateHome: String

    public init(environment: Environment) {
        // Relative XDG values are invalid per the spec and must be ignored.
        func base(_ variable: String, _ fallback: String) -> String {
            if let value = environment.nonEmpty(variable), value.hasPrefix("/") { return value }
            let home = environment.nonEmpty("HOME").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? Self.noHome
            return home + "/" + fallback
        }
        configHome = base("XDG_CONFIG_HOME", ".config") + "/llmroute"
        dataHome = base("XDG_DATA_HOME", ".local/share") + "/llmroute"
        stateHome = base("XDG_STATE_HOME", ".local/state") + "/llmroute"
    }

    public var configFile: String { configHome + "/config.toml" }

    /// The base used when HOME is unset or relative (cron, systemd units, `env -i`). Not /tmp:
    /// any local user could plant a config there that sends our API keys to their server. A path
    /// under /dev/null exists for no one and cannot be created even by root (ENOTDIR), so reads
    /// find no file (built-in defaults apply) and state writes fail with a warning that names it.
    public static let noHome = "/dev/null/HOME-is-not-set"
}
