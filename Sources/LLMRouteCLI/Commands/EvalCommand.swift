import LLMRouteCore

/// Where `eval`'s scores came from: a classifier run on each prompt, or a field of the file.
enum EvalSource {
    /// `fallbacks`: prompts the local classifier scored because a labelling call failed (llm).
    case classifier(String, fallbacks: Int)
    case scoreField(String)

    var description: String {
        switch self {
        case .classifier(let name, let fallbacks) where fallbacks > 0:
            "scored by the \(name) classifier, \(fallbacks) of them by the local one after a failed call"
        case .classifier(let name, _): "scored by the \(name) classifier"
        case .scoreField(let field): "scores from field \"\(field)\""
        }
    }

    var json: (String, JSONValue) {
        switch self {
        case .classifier(let name, _): ("classifier", .string(name))
        case .scoreField(let field): ("score_field", .string(field))
        }
    }
}

/// `llmroute eval FILE`: APGR and the PGR curve of routing by score on an outcome file.
/// The numbers come from `RoutingEvaluation` (LLMRouteCore); this reads the file, scores the
/// prompts, reports bad lines and prints or writes the results.
enum EvalCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        let console = context.console
        let (name, bytes) = try readInput(context)
        let scoreField = context.arguments.string(Flags.scoreField)
        let file = OutcomeFile(bytes, scoreField: scoreField)
        // Every bad line is named, and the good ones still count: one broken line in a large
        // file should not hide the evaluation of the rest.
        for problem in file.problems { console.error("\(name) line \(problem.line): \(problem.message)") }
        guard !file.records.isEmpty else {
            let what = file.problems.isEmpty ? "has no outcome lines" : "has no valid outcome lines (\(file.problems.count) bad)"
            throw CLIError("\(name) \(what)", hint: "Each line is a JSON object such as {\"prompt\": \"...\", \"weak\": 0, \"strong\": 1}; see 'llmroute help eval'.")
        }
        if !file.problems.isEmpty, !context.quiet {
            console.warning("\(file.problems.count) bad line(s) left out; evaluating the other \(file.records.count)")
        }

        let source: EvalSource
        let scores: [Double]
        var extra: [(String, JSONValue)] = []
        if let scoreField {
            source = .scoreField(scoreField)
            scores = file.records.map { $0.score ?? 0 }
        } else {
            let scored = try score(file.records.map { $0.prompt ?? "" }, context: context)
            source = .classifier(context.classifierName, fallbacks: scored.fallbacks)
            scores = scored.scores
            if context.classifierName == "llm" {
                // Labelling calls that failed fell back to the local classifier: say how many.
                extra.append(("classifier_fallbacks", .integer(scored.fallbacks)))
            }
        }
        let outcomes = zip(file.records, scores).map { RoutedOutcome(score: $1, weak: $0.weak, strong: $0.strong) }
        let evaluation = RoutingEvaluation(outcomes)
        // The same outcomes ranked by what the strong model gains on each: the best any score could do.
        let oracle = RoutingEvaluation(outcomes.map { RoutedOutcome(score: $0.strong - $0.weak, weak: $0.weak, strong: $0.strong) })
        let bootstrap = context.arguments.integer(Flags.bootstrap).map { resamples in
            APGRBootstrap(evaluation, resamples: resamples,
                          seed: context.arguments.integer(Flags.seed).map { UInt64($0) } ?? APGRBootstrap.defaultSeed)
        }

        let undefined = "the strong and weak means are equal (\(EvalReport.number(evaluation.weakMean))): "
            + "there is no quality gap to recover, so PGR and APGR are undefined"
        if context.json {
            if !evaluation.isDefined { extra.append(("error", .string(undefined))) }
            console.line(EvalJSON.object(evaluation, oracle: oracle, source: source, bootstrap: bootstrap, badLines: file.problems.count,
                                         extra: extra).pretty())
        } else {
            console.out(EvalReport.text(evaluation, oracle: oracle, source: source, bootstrap: bootstrap, console: console))
        }
        guard evaluation.isDefined else { throw CLIError(undefined) }
        if let path = context.arguments.string(Flags.svg) {
            let svg = EvalSVG.document(evaluation, source: source, bootstrap: bootstrap)
            do { try FileIO.write(Array(svg.utf8), to: path) } catch {
                throw CLIError("cannot write \(error.path): \(error.reason)")
            }
        }
        return file.problems.isEmpty ? ExitCode.success : ExitCode.failure
    }

    /// FILE's bytes, or stdin's for `-`, with the name messages use for it.
    static func readInput(_ context: CommandContext) throws -> (name: String, bytes: [UInt8]) {
        let usage = Usage.line(path: ["eval"], command: CLISpec.eval)
        let operands = context.arguments.operands
        guard let path = operands.first else {
            throw CLIError("missing FILE: the outcome file to evaluate (- for stdin)", exitCode: ExitCode.usage, hint: usage)
        }
        guard operands.count == 1 else {
            throw CLIError("eval takes one FILE, got \(operands.count)", exitCode: ExitCode.usage, hint: usage)
        }
        if path == "-" {
            do { return ("stdin", try FileIO.readAll(STDIN_FILENO, name: "stdin")) } catch {
                throw CLIError("cannot read stdin: \(error.reason)")
            }
        }
        do { return (path, try FileIO.read(path)) } catch {
            throw CLIError("cannot read \(error.path): \(error.reason)")
        }
    }

    /// Each prompt's score from the selected classifier, through the same construction
    /// `classify --jsonl` uses (bulk `explain: false` for local; a labelling call per prompt,
    /// with its local fallback, for llm). Labelling calls take a while, so they show progress.
    static func score(_ prompts: [String], context: CommandContext) throws -> (scores: [Double], fallbacks: Int) {
        let router = try context.router()
        let (classify, finish) = context.lineClassifier(router)
        defer { finish() }
        let requested = context.classifierName
        let progress = requested == "llm" && context.console.stderrIsTerminal && !context.quiet
        var scores: [Double] = []
        scores.reserveCapacity(prompts.count)
        var fallbacks = 0
        for (index, prompt) in prompts.enumerated() {
            // A failed labelling call warns on stderr: erase the bar first so the warning gets a
            // line of its own, and the bar is drawn again under it.
            if progress, index > 0 { context.console.err(ProgressBar.clear) }
            let (classification, answeredBy) = try classify(prompt)
            scores.append(classification.score)
            if answeredBy != requested { fallbacks += 1 }
            if progress { context.console.err(ProgressBar.line(done: index + 1, total: prompts.count, failed: fallbacks)) }
        }
        if progress { context.console.err(ProgressBar.clear) }
        return (scores, fallbacks)
    }
}
