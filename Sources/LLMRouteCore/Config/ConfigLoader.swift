/// Finds, reads and validates the config file, and applies it to the built-in catalog.
public enum ConfigLoader {
    /// Where the config comes from and whether it must exist.
    public static func locate(explicit: String?, environment: Environment) -> (path: String, required: Bool) {
        if let explicit { return (explicit, true) }
        if let fromEnv = environment.nonEmpty("LLMROUTE_CONFIG") { return (fromEnv, true) }
        return (XDGPaths(environment: environment).configFile, false)
    }

    /// Loads the config in effect. A missing default file is fine: built-in defaults apply.
    public static func load(explicit: String?, environment: Environment) throws(ConfigError) -> (config: UserConfig, catalog: Catalog) {
        let (path, required) = locate(explicit: explicit, environment: environment)
        if !required && !FileIO.exists(path) { return (UserConfig(), Catalog.builtin) }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw ConfigError(file: path, message: "cannot read config: \(error.reason)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(file: path, message: "config is not valid UTF-8 text")
        }
        return try load(text: text, file: path)
    }

    /// Parses and validates config text (used by tests and `config check`).
    public static func load(text: String, file: String) throws(ConfigError) -> (config: UserConfig, catalog: Catalog) {
        let config = try ConfigParser.parse(text, file: file)
        let catalog = try Catalog.builtin.applying(config)
        try catalog.validateReferences(config.routing, file: file)
        return (config, catalog)
    }
}
