import LLMRouteCore

/// `llmroute ledger copy --to URL`: this machine's SQLite ledger into a shared PostgreSQL one.
enum LedgerCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        guard let target = context.arguments.string(Flags.to) else {
            throw CLIError("ledger copy needs --to postgresql://user@host:port/database", exitCode: ExitCode.usage)
        }
        let url: PostgresURL
        do {
            url = try PostgresURL(target)
        } catch {
            throw CLIError("--to: \(error.reason)", exitCode: ExitCode.usage)
        }
        let path = SQLiteUsageLedger.defaultPath(environment: context.environment)
        guard FileIO.exists(path) else {
            throw CLIError("no usage ledger at \(path): nothing to copy", hint: "Run it on the machine whose history you want to copy.")
        }
        let settings = try context.configuration().config.ledger
        let console = Unchecked(value: context.console)
        let server = LedgerFactory.server(url, settings: settings, environment: context.environment,
                                          warn: { console.value.warning($0) })
        do {
            let copied = try server.copy(from: try SQLiteUsageLedger(path: path))
            let sessions = copied.sessions == 0 ? "" : " and \(copied.sessions) session(s)"
            context.console.line("copied \(copied.inserted) row(s)\(sessions) from \(path) to \(url); \(copied.skipped) already there")
        } catch {
            throw CLIError("\(error)", hint: "Check that the server is up and the URL, user and password (PGPASSWORD or [ledger] password_env) are right.")
        }
        return ExitCode.success
    }
}
