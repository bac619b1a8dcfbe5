import LLMRouteCore

/// `route --calibrate`: the threshold that sends a share of the given prompts to the strong model.
enum CalibrateCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        let router = try context.router()
        let (classify, finish) = context.lineClassifier(router)
        defer { finish() }
        let share = context.arguments.decimal(Flags.strongShare) ?? 0.3
        let bytes: [UInt8]
        do { bytes = try FileIO.readAll(STDIN_FILENO, name: "stdin") } catch {
            throw CLIError("cannot read stdin: \(error.reason)")
        }
        var scores: [Double] = []
        var badLines: [Int] = []
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            guard let value = try? JSONParser.parse(Array(line)), case .string(let prompt)? = value["prompt"] else {
                badLines.append(lineNumber)
                continue
            }
            scores.append(try classify(prompt).0.score)
        }
        guard !scores.isEmpty else {
            throw CLIError("no prompts on stdin", hint: "Give JSON lines such as {\"prompt\": \"...\"}, as classify --jsonl takes them.")
        }
        let threshold = (ThresholdCalibration.threshold(scores: scores, strongShare: share) * 10_000).rounded() / 10_000
        let achieved = ThresholdCalibration.strongShare(scores: scores, threshold: threshold)
        if context.arguments.has(Flags.writeConfig) { try write(threshold, context: context) }
        if context.json {
            context.console.line(JSONValue.object([
                ("threshold", .number(threshold)), ("strong_share", .number(share)),
                ("achieved_share", .number(DecisionJSON.round4(achieved))), ("prompts", .integer(scores.count)),
                ("bad_lines", .array(badLines.map { .integer($0) })), ("classifier", .string(context.classifierName)),
            ]).pretty())
        } else {
            context.console.line(FixedPoint.format(threshold, digits: 4))
            if context.verbosity > 0 {
                context.console.err("\(scores.count) prompts: score >= \(FixedPoint.format(threshold, digits: 4)) sends \(FixedPoint.format(achieved * 100, digits: 1))% to the strong model (asked \(FixedPoint.format(share * 100, digits: 1))%)\n")
            }
        }
        if !badLines.isEmpty {
            let shown = badLines.prefix(5).map(String.init).joined(separator: ", ")
            context.console.warning("skipped \(badLines.count) line(s) that are not JSON objects with a \"prompt\" string (lines \(shown)\(badLines.count > 5 ? ", ..." : ""))")
            return ExitCode.failure
        }
        return ExitCode.success
    }

    static func write(_ threshold: Double, context: CommandContext) throws {
        let (path, _) = ConfigLoader.locate(explicit: context.arguments.string(Flags.config), environment: context.environment)
        var text = ""
        if FileIO.exists(path) {
            do { text = String(decoding: try FileIO.read(path), as: UTF8.self) } catch {
                throw CLIError("cannot read \(error.path): \(error.reason)")
            }
        }
        let edited = ConfigEditor.set("threshold", to: FixedPoint.format(threshold, digits: 4), inTable: "routing", text: text)
        // Validate before writing, so a calibration never leaves a broken config behind.
        _ = try ConfigLoader.load(text: edited, file: path)
        do { try FileIO.write(Array(edited.utf8), to: path, mode: 0o600) } catch {
            throw CLIError("cannot write \(error.path): \(error.reason)")
        }
        if !context.quiet { context.console.err("wrote threshold = \(FixedPoint.format(threshold, digits: 4)) to [routing] in \(path)\n") }
    }
}
