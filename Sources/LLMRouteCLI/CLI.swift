import LLMRouteCore

/// Entry point: parse, dispatch, turn errors into messages and exit codes.
public enum CLI {
    public static func run(_ argv: [String], environment: Environment = .current()) -> Int32 {
        let arguments = Array(argv.dropFirst())
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(arguments)
        } catch {
            let console = Console(noColorFlag: arguments.contains("--no-color"), environment: environment)
            console.error(error.message)
            console.err("\(error.usage)\nRun '\(CLISpec.programName) help' for the commands and options.\n")
            return ExitCode.usage
        }
        // A closed pipe should end us with EPIPE on write, not kill us with SIGPIPE mid-output.
        signal(SIGPIPE, SIG_IGN)
        // Likewise a file-size limit (`ulimit -f`, a full quota): a state write must fail with
        // EFBIG and a warning, not kill us with SIGXFSZ after the answer was paid for.
        signal(SIGXFSZ, SIG_IGN)
        let console = Console(noColorFlag: parsed.has(Flags.noColor), environment: environment)
        defer { console.flush() }
        let context = CommandContext(arguments: parsed, environment: environment, console: console)
        do {
            return try dispatch(context)
        } catch let error as ConfigError {
            console.error(error.description)
            console.err("Run '\(CLISpec.programName) config check' to validate the config, or see '\(CLISpec.programName) help config'.\n")
            return ExitCode.config
        } catch let error as CLIError {
            console.error(error.message)
            if let hint = error.hint { console.err(hint + "\n") }
            return error.exitCode
        } catch let error as RoutingError {
            console.error(error.description)
            if case .unknownModel = error { return ExitCode.usage }
            return ExitCode.failure
        } catch {
            console.error("\(error)")
            return ExitCode.failure
        }
    }

    static func dispatch(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        let path = arguments.commandPath
        if arguments.has(Flags.version) {
            context.console.line("\(CLISpec.programName) \(CLISpec.version)")
            return ExitCode.success
        }
        if arguments.has(Flags.help) || path.first == "help" {
            return try HelpCommand.run(context)
        }
        switch path.first {
        case "ask": return try AskCommand.run(context)
        case "repl": return try REPLCommand.run(context)
        case "serve": return try ServeCommand.run(context)
        case "classify": return try ClassifyCommand.run(context)
        case "route": return try RouteCommand.run(context)
        case "eval": return try EvalCommand.run(context)
        case "cost": return try CostCommand.run(context)
        case "ledger": return try LedgerCommand.run(context)
        case "models": return try ModelsCommand.run(context)
        case "config": return try ConfigCommand.run(context)
        case "completions": return try CompletionsCommand.run(context)
        case "manpage": return try ManPageCommand.run(context)
        default:
            context.console.err(HelpRenderer.root())
            return ExitCode.usage
        }
    }
}

/// Ends the process once its output is out. Commands write through `Console` (flushed before
/// `CLI.run` returns) and keep no other state that needs an exit handler, so `_exit` skips
/// atexit handlers and C++/runtime destructors that only tear down memory the kernel reclaims
/// anyway; stdio is flushed for anything a dependency printed. It ends `ask` about 0.1 to
/// 0.4 ms sooner (stream benchmark, release build).
public func exitProcess(_ code: Int32) -> Never {
    fflush(nil)
    _exit(code)
}
