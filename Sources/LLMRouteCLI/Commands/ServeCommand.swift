import Dispatch
import LLMRouteCore
import LLMRouteServe

/// `llmroute serve`: wires the engine as `ask` sets it up (config, router, resilient caller,
/// ledger, budgets) into the gateway and runs it until SIGTERM/SIGINT.
enum ServeCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        let (config, catalog) = try context.configuration()
        let settings = try settings(context, config: config.serve)
        let ledger = try LedgerSupport(context: context)
        let caller = AskCommand.makeCaller(context, catalog: catalog, resilience: config.resilience)
        // The process ends when the server does: no connection-pool shutdown to wait for.
        defer { caller.transport.keepUntilExit() }
        // --force lifts the budgets for this server, as it does for one `ask`.
        let engine = GatewayEngine(
            router: try context.router(), caller: caller,
            template: try context.routeRequest(prompt: ""), recorder: ledger.recorder(command: "serve"),
            budget: ledger.force ? BudgetSettings() : ledger.budget)
        let console = Unchecked(value: context.console)
        let server = GatewayServer(settings: settings, engine: engine) { host, port in
            let shown = host.contains(":") ? "[\(host)]" : host
            console.value.err("\(CLISpec.programName) serve: listening on http://\(shown):\(port)/v1\n")
            console.value.flush()
        }
        return try wait {
            do {
                try await server.run()
                return ExitCode.success
            } catch {
                console.value.error("serve: \(error)")
                return ExitCode.failure
            }
        }
    }

    /// Flags over `[serve]` over defaults; refuses (exit 2) an exposed bind without a client key.
    static func settings(_ context: CommandContext, config: ServeConfig) throws -> ServeSettings {
        let args = context.arguments
        var settings = ServeSettings()
        settings.host = args.string(Flags.host) ?? config.host ?? ServeSettings.defaultHost
        settings.port = args.integer(Flags.port) ?? config.port ?? ServeSettings.defaultPort
        if settings.port > 65535 { throw CLIError("--port must be at most 65535", exitCode: ExitCode.usage) }
        if let mb = config.maxBodyMB { settings.bodyLimit = Int(mb * 1024 * 1024) }
        if let ms = context.environment.nonEmpty("LLMROUTE_SERVE_READ_TIMEOUT_MS").flatMap(Double.init), ms > 0 {
            settings.readTimeout = ms / 1000
        }
        if let variable = args.string(Flags.apiKeyEnv) ?? config.apiKeyEnv {
            guard let key = context.environment[variable], !key.isEmpty else {
                throw CLIError("the client key variable \(variable) is not set (or empty)", exitCode: ExitCode.usage,
                               hint: "Export \(variable) with the key clients must send, or leave out --api-key-env.")
            }
            settings.clientKey = key
        }
        if settings.clientKey == nil && !ServeSettings.isLoopback(settings.host) {
            throw CLIError("refusing to listen on \(settings.host) without a client key: anyone who can reach it could spend on your API keys",
                           exitCode: ExitCode.usage,
                           hint: "Set --api-key-env VAR (or [serve] api_key_env) to a variable holding the key clients must send, or listen on 127.0.0.1.")
        }
        return settings
    }

    /// Blocks the command's thread until the server stops. Not AsyncBridge: its SIGINT handler
    /// cancels at once, while serve drains in-flight requests on SIGINT (ServiceLifecycle's).
    static func wait(_ body: @escaping @Sendable () async -> Int32) throws -> Int32 {
        let semaphore = DispatchSemaphore(value: 0)
        let result = ResultBox<Int32>()
        Task {
            result.value = .success(await body())
            semaphore.signal()
        }
        semaphore.wait()
        return try result.value!.get()
    }
}
