import LLMRouteCore

/// `llmroute cost`: token counts and estimated cost per model, or just the token count.
enum CostCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        if context.arguments.commandPath.last == "report" { return try CostReportCommand.run(context) }
        let arguments = context.arguments
        let text = try input(context)
        if arguments.has(Flags.tokens) {
            return try TokenCountOutput.run(text: text, context: context)
        }
        let router = try context.router()
        var models = router.catalog.models
        if let name = arguments.string(Flags.model) {
            guard let model = router.catalog.model(named: name) else {
                throw RoutingError.unknownModel(name, suggestion: NearestMatch.suggest(name, among: models.map(\.id)))
            }
            models = [model]
        }
        let outputTokens: Int
        let outputSource: String
        if let given = arguments.integer(Flags.outputTokens) {
            (outputTokens, outputSource) = (given, "--output-tokens")
        } else {
            let c = router.classify(text)
            outputTokens = router.outputTokens.estimate(tier: c.tier, task: c.task)
            outputSource = "estimate for a \(c.tier.rawValue) \(c.task.rawValue) prompt"
        }
        let system = arguments.string(Flags.system)
        var counted: [String: TokenCount] = [:]
        // Reasoning models also spend hidden tokens, billed as output (see ReasoningRatios).
        var rows: [Candidate] = models.map { model in
            let input = router.inputTokens(prompt: text, system: system, model: model, cache: &counted)
            return router.candidate(model, input: input, output: min(outputTokens, model.maxOutputTokens))
        }
        rows.sort { ($0.estimatedCost, $0.model.id) < ($1.estimatedCost, $1.model.id) }

        func json(_ row: Candidate) -> JSONValue {
            .object([
                ("model", .string(row.model.id)), ("provider", .string(row.model.provider)),
                ("input_tokens", .integer(row.inputTokens.tokens)), ("input_tokens_exact", .bool(row.inputTokens.exact)),
                ("token_method", .string(row.inputTokens.method)), ("output_tokens", .integer(row.outputTokens)),
                ("reasoning_tokens", .integer(row.reasoningTokens)),
                ("cost_usd", .number(row.estimatedCost)),
                ("fits_context", .bool(row.inputTokens.tokens + row.outputTokens <= row.model.contextWindow)),
            ])
        }
        let console = context.console
        if context.json {
            let value: JSONValue = arguments.has(Flags.model) ? json(rows[0]) : .array(rows.map(json))
            console.line(value.pretty())
        } else if arguments.has(Flags.csv) {
            console.out(CSV.row(["model", "provider", "input_tokens", "input_tokens_exact", "output_tokens", "cost_usd", "reasoning_tokens"]))
            for row in rows {
                console.out(CSV.row([row.model.id, row.model.provider, String(row.inputTokens.tokens), String(row.inputTokens.exact),
                                     String(row.outputTokens), String(row.estimatedCost), String(row.reasoningTokens)]))
            }
        } else {
            var table = TextTable(headers: ["MODEL", "PROVIDER", "INPUT", "OUTPUT", "REASONING", "COST"], rightAligned: [2, 3, 4, 5])
            for row in rows {
                let marker = row.inputTokens.exact ? "" : "~"
                let fits = row.inputTokens.tokens + row.outputTokens <= row.model.contextWindow ? "" : " (too long)"
                table.add([row.model.id, row.model.provider, marker + String(row.inputTokens.tokens), String(row.outputTokens),
                           row.reasoningTokens > 0 ? "~" + String(row.reasoningTokens) : "-", Money.format(row.estimatedCost) + fits])
            }
            console.out(table.render(console: console))
            if context.verbosity > 0 {
                console.err("output tokens: \(outputTokens) (\(outputSource)); reasoning: hidden tokens reasoning models add, billed as output; ~ marks estimates\n")
            }
        }
        return ExitCode.success
    }

    /// The text to price: prompt operands and/or stdin, plus every `-f FILE` (`-f -` is stdin).
    static func input(_ context: CommandContext) throws -> String {
        let files = context.arguments.strings(Flags.file)
        guard !files.isEmpty else { return try context.readPrompt() }
        var parts: [String] = []
        let words = context.arguments.operands.filter { $0 != "-" }
        if !words.isEmpty { parts.append(words.joined(separator: " ")) }
        for path in files {
            if path == "-" {
                parts.append(try context.readStdin())
                continue
            }
            do {
                parts.append(String(decoding: try FileIO.read(path), as: UTF8.self))
            } catch {
                throw CLIError("cannot read \(error.path): \(error.reason)")
            }
        }
        return parts.joined(separator: "\n\n")
    }
}

/// `cost --tokens`: only the token count, for scripts.
enum TokenCountOutput {
    static func run(text: String, context: CommandContext) throws -> Int32 {
        let counter = try ExactTokenCounting.counter(
            encoding: context.arguments.string(Flags.encoding), model: context.arguments.string(Flags.model),
            catalog: try context.configuration().catalog)
        let count = counter(text)
        context.console.line(String(count))
        return ExitCode.success
    }
}
