import LLMRouteCore

/// What a command runs with: its parsed arguments, the environment, the console, and the
/// config/engine, loaded only when the command asks (fast commands stay fast).
public final class CommandContext {
    public let arguments: ParsedArguments
    public let environment: Environment
    public let console: Console
    private var loaded: (config: UserConfig, catalog: Catalog)?

    public init(arguments: ParsedArguments, environment: Environment, console: Console) {
        self.arguments = arguments
        self.environment = environment
        self.console = console
    }

    public var json: Bool { arguments.has(Flags.json) }
    public var quiet: Bool { arguments.has(Flags.quiet) }
    public var verbosity: Int { quiet ? 0 : 1 + arguments.count(Flags.verbose) }

    /// The config file and the catalog with it applied.
    public func configuration() throws(ConfigError) -> (config: UserConfig, catalog: Catalog) {
        if let loaded { return loaded }
        let result = try ConfigLoader.load(explicit: arguments.string(Flags.config), environment: environment)
        if let warning = ConfigExposure.warning(for: result.config) { console.warning(warning) }
        loaded = result
        return result
    }

    /// The routing engine with config, flags and environment resolved.
    public func router() throws(ConfigError) -> Router {
        let (config, catalog) = try configuration()
        let policy = RoutingPolicy.defaults.applying(config.routing)
        let name = arguments.string(Flags.classifier) ?? config.routing.classifier ?? "local"
        return Router(
            catalog: catalog, policy: policy, classifier: ClassifierFactory.make(name),
            tokens: TokenEstimatorFactory.make(),
            outputTokens: OutputTokenEstimator.defaults.applying(config.routing),
            // A few bytes beside the ledger, never the ledger itself: route stays fast.
            reasoning: ReasoningRatios.load(path: ReasoningRatios.path(dataHome: XDGPaths(environment: environment).dataHome)),
            environment: environment)
    }

    /// Routing flags resolved against the config: flags win over `[routing]`, which wins over defaults.
    public func routeRequest(prompt: String) throws(ConfigError) -> RouteRequest {
        let routing = try configuration().config.routing
        return RouteRequest(
            prompt: prompt,
            system: arguments.string(Flags.system),
            strategy: arguments.choice(Flags.strategy, as: StrategyKind.self) ?? routing.strategy ?? .cost,
            forcedModel: arguments.string(Flags.model),
            minQuality: arguments.decimal(Flags.minQuality) ?? routing.minQuality,
            maxCost: arguments.decimal(Flags.maxCost) ?? routing.maxCost,
            threshold: arguments.decimal(Flags.threshold),
            taskHint: arguments.choice(Flags.task, as: TaskKind.self),
            outputTokens: arguments.integer(Flags.outputTokens),
            requiredCapabilities: Set(arguments.strings(Flags.require).compactMap { Capability(rawValue: $0) }))
    }

    /// Reads the prompt: the operands, plus stdin when it is piped or a file, or when `-` is given.
    /// Piped text after a prompt argument is appended as context (`cat notes | llmroute ... "summarize"`).
    /// stdin is read only from pipes and files, never from a terminal or /dev/null-like devices, so a
    /// script that passes a prompt as arguments never hangs waiting for input.
    public func readPrompt() throws -> String {
        var words = arguments.operands
        let dashRequested = words.contains("-")
        words.removeAll { $0 == "-" }
        let argumentText = words.joined(separator: " ")
        var stdinText: String? = nil
        if dashRequested || StdinKind.current().isPipeOrFile {
            stdinText = try readStdin()
        }
        let prompt: String
        switch (argumentText.isEmpty ? nil : argumentText, stdinText) {
        case (let args?, let piped?) where !piped.isEmpty: prompt = args + "\n\n" + piped
        case (let args?, _): prompt = args
        case (nil, let piped?): prompt = piped
        case (nil, nil):
            throw CLIError(
                "no prompt: give it as arguments or pipe it on stdin", exitCode: ExitCode.usage,
                hint: Usage.line(path: arguments.commandPath, command: nil))
        }
        // Routing (or paying for) an empty question is never what was meant: usually an unset
        // shell variable or an empty file.
        if prompt.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            throw CLIError(
                prompt.isEmpty ? "empty prompt: stdin was empty and no prompt was given as arguments"
                    : "the prompt is only whitespace: give some text to \(arguments.commandPath.first ?? "route")",
                exitCode: ExitCode.usage, hint: Usage.line(path: arguments.commandPath, command: nil))
        }
        return prompt
    }

    public func readStdin() throws -> String {
        do {
            return String(decoding: try FileIO.readAll(STDIN_FILENO, name: "stdin"), as: UTF8.self)
        } catch {
            throw CLIError("cannot read stdin: \(error.reason)")
        }
    }
}

/// What stdin is connected to.
enum StdinKind {
    case terminal, pipeOrFile, other

    static func current() -> StdinKind {
        if isatty(STDIN_FILENO) == 1 { return .terminal }
        return FileIO.isPipeOrFile(STDIN_FILENO) ? .pipeOrFile : .other
    }

    var isPipeOrFile: Bool { self == .pipeOrFile }
}
