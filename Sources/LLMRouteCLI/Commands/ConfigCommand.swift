import LLMRouteCore

/// `llmroute config [show|init|check|path]`.
enum ConfigCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        let (path, required) = ConfigLoader.locate(explicit: context.arguments.string(Flags.config), environment: context.environment)
        switch context.arguments.commandPath.last {
        case "path":
            context.console.line(path)
            return ExitCode.success
        case "init":
            return try initialize(path: path, context: context)
        case "check":
            if !required && !FileIO.exists(path) {
                context.console.line("no config file at \(path): built-in defaults apply")
                return ExitCode.success
            }
            let (config, catalog) = try context.configuration()
            if context.json {
                context.console.line(JSONValue.object([("ok", .bool(true)), ("file", .string(path)),
                                                       ("models", .integer(catalog.models.count)),
                                                       ("providers", .integer(config.providers.count))]).serialized())
            } else {
                context.console.line("\(path): ok")
            }
            return ExitCode.success
        default:
            let (config, catalog) = try context.configuration()
            let exists = FileIO.exists(path)
            let view = ConfigView(config: config, catalog: catalog, environment: context.environment,
                                  path: path, exists: exists, policy: try context.router().policy)
            context.console.out(context.json ? view.json().pretty() + "\n" : view.text())
            return ExitCode.success
        }
    }

    static func initialize(path: String, context: CommandContext) throws -> Int32 {
        if FileIO.exists(path) && !context.arguments.has(Flags.force) {
            throw CLIError("\(path) already exists", hint: "Use --force to overwrite it, or --config PATH to write elsewhere.")
        }
        do {
            // 0600: users may write API keys into it.
            try FileIO.write(Array((ConfigTemplate.text + "\n").utf8), to: path, mode: 0o600)
        } catch {
            throw CLIError("cannot write \(error.path): \(error.reason)")
        }
        if !context.quiet { context.console.line("wrote \(path)") }
        return ExitCode.success
    }
}
