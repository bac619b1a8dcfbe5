import LLMRouteCore

/// `llmroute cost report`: spend, savings and routing statistics from the usage ledger.
enum CostReportCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        let args = context.arguments
        let now = Clock.wallSeconds()
        let since = try time(args.string(Flags.since) ?? "30d", flag: "--since", now: now, isUntil: false)
        let until = try time(args.string(Flags.until) ?? "now", flag: "--until", now: now, isUntil: true)
        guard since <= until else {
            throw CLIError("--since is after --until: nothing to report", exitCode: ExitCode.usage)
        }
        let grouping = args.choice(Flags.by, as: SpendReport.Grouping.self) ?? .model
        let settings = try context.configuration().config.ledger
        var records: [UsageRecord] = []
        let path: String
        do {
            path = try LedgerFactory.location(settings, environment: context.environment)
            // A report never creates the ledger: no file means nothing was recorded yet.
            let console = Unchecked(value: context.console)
            if let ledger = try LedgerFactory.openForReading(settings, environment: context.environment,
                                                             warn: { console.value.warning($0) }) {
                // One past `until`: a row written in this same second is included.
                records = try ledger.records(kind: .request, from: since, until: until + 1e-6)
            }
        } catch {
            throw CLIError("\(error)", hint: settings.url(environment: context.environment) == nil
                ? "Check the file's permissions, or move it away to start a new ledger."
                : "Check that the server is up and the URL, user and password (PGPASSWORD or [ledger] password_env) are right.")
        }
        if let user = args.string(Flags.user) { records = records.filter { $0.user == user } }
        let report = SpendReport(records: records, by: grouping)
        let view = SpendReportView(report: report, grouping: grouping, since: since, until: until, path: path)
        let console = context.console
        if args.has(Flags.routes) {
            if context.json { console.line(view.routesJSON().pretty()) }
            else if args.has(Flags.csv) { console.out(view.routesCSV()) }
            else { console.out(view.routesText(console: console)) }
        } else if context.json {
            console.line(view.json().pretty())
        } else if args.has(Flags.csv) {
            console.out(view.csv())
        } else {
            console.out(view.text(console: console))
        }
        return ExitCode.success
    }

    static func time(_ text: String, flag: String, now: Double, isUntil: Bool) throws -> Double {
        do {
            return try ReportWindow.parse(text, now: now, isUntil: isUntil)
        } catch {
            throw CLIError("\(flag): \(error.description)", exitCode: ExitCode.usage)
        }
    }
}
