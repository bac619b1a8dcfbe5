/// The one place that picks the ledger's store: the SQLite file unless `[ledger] url` or
/// `LLMROUTE_LEDGER_URL` names a PostgreSQL database. Nothing of PostgreSQL is set up unless
/// one does (and even then nothing connects before the first use).
public enum LedgerFactory {
    /// Where the ledger is, as messages name it: the file's path or the URL without password.
    public static func location(_ settings: LedgerSettings, environment: Environment) throws(LedgerError) -> String {
        if let url = try serverURL(settings, environment: environment) { return url.description }
        return SQLiteUsageLedger.defaultPath(environment: environment)
    }

    /// The server's URL, or nil for the SQLite file.
    public static func serverURL(_ settings: LedgerSettings, environment: Environment) throws(LedgerError) -> PostgresURL? {
        guard let text = settings.url(environment: environment) else { return nil }
        do {
            return try PostgresURL(text)
        } catch {
            let source = environment.nonEmpty("LLMROUTE_LEDGER_URL") != nil ? "LLMROUTE_LEDGER_URL" : "[ledger] url"
            throw LedgerError(path: source, reason: error.reason)
        }
    }

    /// The ledger for a command that records. `openNow`: open the SQLite file at once (a budget
    /// is read before the call) rather than at the first write; either way it stays open until
    /// the process exits (see `SQLiteUsageLedger.keepOpenUntilExit`). `warn` is the server
    /// ledger's one warning when it falls back to its outbox.
    public static func open(_ settings: LedgerSettings, environment: Environment, openNow: Bool,
                            warn: @escaping @Sendable (String) -> Void) throws(LedgerError) -> any UsageLedger {
        if let url = try serverURL(settings, environment: environment) {
            return server(url, settings: settings, environment: environment, warn: warn)
        }
        let path = SQLiteUsageLedger.defaultPath(environment: environment)
        guard openNow else { return LazyUsageLedger(path: path, keepOpenUntilExit: true) }
        let opened = try SQLiteUsageLedger(path: path)
        opened.keepOpenUntilExit()
        return opened
    }

    /// The ledger for a report: nil when it is a SQLite file that does not exist yet (a report
    /// never creates one: nothing was recorded).
    public static func openForReading(_ settings: LedgerSettings, environment: Environment,
                                      warn: @escaping @Sendable (String) -> Void) throws(LedgerError) -> (any UsageLedger)? {
        if let url = try serverURL(settings, environment: environment) {
            return server(url, settings: settings, environment: environment, warn: warn)
        }
        let path = SQLiteUsageLedger.defaultPath(environment: environment)
        return FileIO.exists(path) ? try SQLiteUsageLedger(path: path) : nil
    }

    public static func server(_ url: PostgresURL, settings: LedgerSettings, environment: Environment,
                              warn: @escaping @Sendable (String) -> Void) -> PostgresUsageLedger {
        PostgresUsageLedger(url: url, password: settings.password(environment: environment),
                            dataHome: XDGPaths(environment: environment).dataHome, warn: warn)
    }
}
