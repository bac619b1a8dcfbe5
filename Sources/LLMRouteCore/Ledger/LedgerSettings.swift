#if canImport(Glibc)
import Glibc
#endif

/// The `[ledger]` table's where and for whom (`log_text` is `UserConfig.logText`).
public struct LedgerSettings: Sendable, Equatable {
    /// `url`: a shared PostgreSQL ledger (`postgresql://user@host:port/db`) instead of the
    /// SQLite file; `LLMROUTE_LEDGER_URL` overrides it.
    public var url: String?
    /// `user`: the name rows are recorded under; the login name when unset.
    public var user: String?
    /// `password_env`: the variable holding the server's password (the config holds no secret);
    /// `PGPASSWORD` when unset.
    public var passwordEnv: String?

    public init() {}

    /// The ledger URL in force: the environment's, else the config's; nil for the SQLite file.
    public func url(environment: Environment) -> String? {
        environment.nonEmpty("LLMROUTE_LEDGER_URL") ?? url.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The server's password, if any: the `password_env` variable, else PGPASSWORD.
    public func password(environment: Environment) -> String? {
        environment.nonEmpty(passwordEnv ?? "PGPASSWORD")
    }

    /// The user rows are recorded under: `user`, else the login name ($USER, $LOGNAME), else
    /// the name of the process's uid.
    public func userName(environment: Environment) -> String {
        if let user, !user.isEmpty { return user }
        if let name = environment.nonEmpty("USER") ?? environment.nonEmpty("LOGNAME") { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid\(getuid())"
    }
}
