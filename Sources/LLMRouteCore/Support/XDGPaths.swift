/// Where llmroute keeps its files, following the XDG Base Directory specification.
public struct XDGPaths: Sendable, Equatable {
    public var configHome: String
    public var dataHome: String
    public var stateHome: String

    public init(environment: Environment) {
        // Relative XDG values are invalid per the spec and must be ignored.
        func base(_ variable: String, _ fallback: String) -> String {
            if let value = environment.nonEmpty(variable), value.hasPrefix("/") { return value }
            let home = environment.nonEmpty("HOME") ?? "/tmp"
            return home + "/" + fallback
        }
        configHome = base("XDG_CONFIG_HOME", ".config") + "/llmroute"
        dataHome = base("XDG_DATA_HOME", ".local/share") + "/llmroute"
        stateHome = base("XDG_STATE_HOME", ".local/state") + "/llmroute"
    }

    public var configFile: String { configHome + "/config.toml" }
}
