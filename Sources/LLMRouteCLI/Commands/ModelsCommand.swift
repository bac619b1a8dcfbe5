import LLMRouteCore

/// `llmroute models`: the catalog, and which models can be called now.
enum ModelsCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        let (_, catalog) = try context.configuration()
        let environment = context.environment
        var models = catalog.models
        if context.arguments.has(Flags.usable) {
            models = models.filter { catalog.isUsable($0, environment: environment) }
        }
        let console = context.console
        if context.arguments.has(Flags.names) {
            for model in models { console.line(model.id) }
            return ExitCode.success
        }
        if context.json {
            let items: [JSONValue] = models.map { model in
                .object([
                    ("model", .string(model.id)), ("provider", .string(model.provider)), ("api", .string(model.api.rawValue)),
                    ("input_cost_per_token", .number(model.inputCostPerToken)),
                    ("output_cost_per_token", .number(model.outputCostPerToken)),
                    // Resolved prices (listed, config, or CachePrices' documented defaults); the
                    // source says which, since a default is a convention, not the provider's word.
                    ("cache_read_cost_per_token", .number(model.cacheReadCostPerToken)),
                    ("cache_write_cost_per_token", .number(model.cacheWriteCostPerToken)),
                    ("cache_write_1h_cost_per_token", .number(model.cacheWrite1hCostPerToken)),
                    ("cache_min_tokens", .integer(model.cacheMinTokens)),
                    ("cache_prices_source", .string(model.cache.read == nil ? "default" : "listed")),
                    ("reasoning", .bool(model.reasons)),
                    ("context_window", .integer(model.contextWindow)), ("max_output_tokens", .integer(model.maxOutputTokens)),
                    ("quality", .number(model.quality)), ("quality_source", .string(model.qualitySource)),
                    ("capabilities", .array(model.capabilities.map(\.rawValue).sorted().map { .string($0) })),
                    ("strengths", .array(model.strengths.map(\.rawValue).sorted().map { .string($0) })),
                    ("usable", .bool(catalog.isUsable(model, environment: environment))),
                ])
            }
            console.line(JSONValue.array(items).pretty())
            return ExitCode.success
        }
        var table = TextTable(headers: ["MODEL", "PROVIDER", "IN $/M", "CACHED $/M", "OUT $/M", "CONTEXT", "QUALITY", "USABLE"],
                              rightAligned: [2, 3, 4, 5, 6])
        for model in models {
            let usable = catalog.isUsable(model, environment: environment)
            let keyNote = catalog.provider(named: model.provider)?.apiKeyEnv.map { "no \($0)" } ?? "no key"
            table.add([
                model.id, model.provider,
                perMillion(model.inputCostPerToken), perMillion(model.cacheReadCostPerToken), perMillion(model.outputCostPerToken),
                contextText(model.contextWindow), Quality.format(model.quality),
                usable ? console.style("yes", .green) : console.style(keyNote, .dim),
            ])
        }
        console.out(table.render(console: console))
        let usableCount = models.filter { catalog.isUsable($0, environment: environment) }.count
        if usableCount == 0 && context.verbosity > 0 {
            console.err("No provider has an API key: set OPENAI_API_KEY or ANTHROPIC_API_KEY (route and cost work without one).\n")
        }
        return ExitCode.success
    }

    static func perMillion(_ perToken: Double) -> String {
        let value = perToken * 1_000_000
        return FixedPoint.format(value, digits: value < 1 ? 3 : 2)
    }

    static func contextText(_ tokens: Int) -> String {
        tokens >= 1000 ? "\(tokens / 1000)k" : String(tokens)
    }
}
