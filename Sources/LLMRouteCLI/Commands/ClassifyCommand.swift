import LLMRouteCore

/// `llmroute classify`: tier, task, score and reasons for one prompt, or a JSONL batch.
enum ClassifyCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        if context.arguments.has(Flags.jsonl) {
            return try BatchClassifier(context: context, router: context.router()).run()
        }
        let prompt = try context.readPrompt()
        let router = try context.router(for: prompt)
        let classification = router.classify(prompt)
        let explain = context.arguments.has(Flags.explain)
        if context.json {
            context.console.line(DecisionJSON.classification(classification, classifier: router.classifier.name, explain: explain).pretty())
            return ExitCode.success
        }
        let console = context.console
        let c = classification
        console.line("\(console.style("tier", .bold))        \(c.tier.rawValue)")
        console.line("\(console.style("task", .bold))        \(c.task.rawValue)")
        console.line("\(console.style("score", .bold))       \(FixedPoint.format(c.score, digits: 2))  (probability a strong model is needed)")
        console.line("\(console.style("confidence", .bold))  \(FixedPoint.format(c.confidence, digits: 2))")
        console.line("\(console.style("classifier", .bold))  \(router.classifier.name)")
        console.line(console.style("reasons", .bold))
        for reason in c.reasons { console.line("  - \(reason)") }
        if explain {
            console.line(console.style("features", .bold) + "  (signed push on the score; + means a strong model is more needed)")
            if c.contributions.isEmpty { console.line("  (this classifier reports no feature weights)") }
            for feature in c.contributions {
                let sign = feature.weight >= 0 ? "+" : ""
                console.line("  \(sign)\(FixedPoint.format(feature.weight, digits: 3))  \(feature.feature)")
            }
        }
        return ExitCode.success
    }
}

/// `classify --jsonl`: one output line per input line, in order; bad lines become error lines.
struct BatchClassifier {
    let context: CommandContext
    let router: Router
    var labelsByCall: Bool { context.classifierName == "llm" }

    func run() throws -> Int32 {
        let (classify, finish) = context.lineClassifier(router)
        defer { finish() }
        let bytes: [UInt8]
        do { bytes = try FileIO.readAll(STDIN_FILENO, name: "stdin") } catch {
            throw CLIError("cannot read stdin: \(error.reason)")
        }
        let console = context.console
        let progress = console.stderrIsTerminal && !context.quiet
        // Local classification does 100k lines a second; a labelling call takes a second.
        let progressEvery = labelsByCall ? 1 : 5000
        var bad = 0
        var lineNumber = 0
        var start = 0
        var output = ""
        output.reserveCapacity(1 << 16)
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            lineNumber += 1
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let result = try classifyLine(Array(bytes[start..<lineEnd]), number: lineNumber, classify: classify)
            if case .object(let pairs) = result, pairs.first?.0 == "line" { bad += 1 }
            output += result.serialized()
            output += "\n"
            if output.utf8.count > 1 << 16 {
                console.out(output)
                output.removeAll(keepingCapacity: true)
            }
            if progress, lineNumber % progressEvery == 0 { console.err("\rclassified \(lineNumber) lines") }
            start = end + 1
        }
        console.out(output)
        if progress, lineNumber >= progressEvery { console.err("\rclassified \(lineNumber) lines\n") }
        if bad > 0 {
            if !context.quiet { console.warning("\(bad) of \(lineNumber) lines were not valid input (see their error lines)") }
            return ExitCode.failure
        }
        return ExitCode.success
    }

    func classifyLine(_ line: [UInt8], number: Int, classify: (String) throws -> (Classification, String)) throws -> JSONValue {
        func failure(_ message: String) -> JSONValue {
            .object([("line", .integer(number)), ("error", .string(message))])
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return failure("empty line: expected a JSON object with \"prompt\"") }
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch { return failure(error.description) }
        guard case .object = value else { return failure("expected a JSON object with \"prompt\"") }
        guard let promptValue = value["prompt"] else { return failure("missing \"prompt\"") }
        guard case .string(let prompt) = promptValue else { return failure("\"prompt\" must be a string") }
        let (c, classifierName) = try classify(prompt)
        var pairs: [(String, JSONValue)] = [
            ("id", value["id"] ?? .null),
            ("tier", .string(c.tier.rawValue)),
            ("task", .string(c.task.rawValue)),
            ("score", .number(DecisionJSON.round4(c.score))),
            ("confidence", .number(DecisionJSON.round4(c.confidence))),
        ]
        // With the llm classifier each line says who labelled it (a failed call falls back to local).
        if labelsByCall { pairs.append(("classifier", .string(classifierName))) }
        return .object(pairs)
    }
}
