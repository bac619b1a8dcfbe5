import Dispatch
import LLMRouteCore

/// `classify --jsonl`: one output line per input line, in order; bad lines become error lines.
///
/// The local and heuristic classifiers are pure, so lines are classified on every core, in
/// chunks, and written in input order as each window of chunks completes (memory stays bounded
/// by the window, not the input). The llm classifier makes one labelling call per line, in order.
struct BatchClassifier {
    let context: CommandContext
    let router: Router
    var labelsByCall: Bool { context.classifierName == "llm" }

    /// Lines per parallel chunk: large enough that scheduling is noise next to classifying.
    static let chunkLines = 1024

    func run() throws -> Int32 {
        let bytes: [UInt8]
        do { bytes = try FileIO.readAll(STDIN_FILENO, name: "stdin") } catch {
            throw CLIError("cannot read stdin: \(error.reason)")
        }
        let lines = Self.lineRanges(bytes)
        let bad = labelsByCall ? try runInOrder(bytes, lines) : runParallel(bytes, lines)
        if bad > 0 {
            if !context.quiet { context.console.warning("\(bad) of \(lines.count) lines were not valid input (see their error lines)") }
            return ExitCode.failure
        }
        return ExitCode.success
    }

    /// Where each line is, without its `\n` or a `\r` before it. A final line without a newline counts.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            ranges.append(start..<lineEnd)
            start = end + 1
        }
        return ranges
    }

    private func runParallel(_ bytes: [UInt8], _ lines: [Range<Int>]) -> Int {
        let classifier = router.classifier
        let local = classifier as? LocalClassifier
        let console = context.console
        let progress = console.stderrIsTerminal && !context.quiet
        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let chunkCount = (lines.count + Self.chunkLines - 1) / Self.chunkLines
        let window = max(1, cores * 4)
        var bad = 0
        var firstChunk = 0
        while firstChunk < chunkCount {
            let chunks = firstChunk..<min(chunkCount, firstChunk + window)
            let results = UnsafeMutableBufferPointer<(text: String, bad: Int)>.allocate(capacity: chunks.count)
            results.initialize(repeating: ("", 0))
            bytes.withUnsafeBufferPointer { unsafeBuffer in
                // Each worker reads the shared input and writes only its own result slot.
                let shared = Unchecked(value: (input: unsafeBuffer, results: results))
                DispatchQueue.concurrentPerform(iterations: chunks.count) { offset in
                    let buffer = shared.value.input
                    let chunk = chunks.lowerBound + offset
                    var text = ""
                    var badLines = 0
                    for number in chunk * Self.chunkLines..<min(lines.count, (chunk + 1) * Self.chunkLines) {
                        // The batch output has no reasons or feature names: skip building them (half the cost).
                        let result = Self.classifyLine(UnsafeBufferPointer(rebasing: buffer[lines[number]]), number: number + 1) { prompt in
                            local?.classify(prompt, explain: false) ?? classifier.classify(prompt)
                        }
                        if case .object(let pairs) = result, pairs.first?.0 == "line" { badLines += 1 }
                        text += result.serialized()
                        text += "\n"
                    }
                    shared.value.results[offset] = (text, badLines)
                }
            }
            for result in results {
                console.out(result.text)
                bad += result.bad
            }
            results.deinitialize()
            results.deallocate()
            firstChunk = chunks.upperBound
            if progress { console.err("\rclassified \(min(lines.count, firstChunk * Self.chunkLines)) lines") }
        }
        console.flush()
        if progress, chunkCount > 0 { console.err("\n") }
        return bad
    }

    /// One line at a time (the llm classifier: a labelling call per line, progress per line).
    private func runInOrder(_ bytes: [UInt8], _ lines: [Range<Int>]) throws -> Int {
        let (classify, finish) = context.lineClassifier(router)
        defer { finish() }
        let console = context.console
        let progress = console.stderrIsTerminal && !context.quiet
        var bad = 0
        try bytes.withUnsafeBufferPointer { buffer in
            for (index, range) in lines.enumerated() {
                var classifierName = ""
                var failure: (any Error)?
                let result = Self.classifyLine(UnsafeBufferPointer(rebasing: buffer[range]), number: index + 1) { prompt in
                    do {
                        let (c, name) = try classify(prompt)
                        classifierName = name
                        return c
                    } catch {
                        failure = error
                        return LocalClassifier.shared.classify(prompt)
                    }
                }
                if let failure { throw failure }
                var line = result
                if case .object(var pairs) = result, pairs.first?.0 != "line" {
                    // With the llm classifier each line says who labelled it (a failed call falls back to local).
                    pairs.append(("classifier", .string(classifierName)))
                    line = .object(pairs)
                } else {
                    bad += 1
                }
                console.out(line.serialized() + "\n")
                console.flush()
                if progress { console.err("\rclassified \(index + 1) lines") }
            }
        }
        if progress, !lines.isEmpty { console.err("\n") }
        return bad
    }

    static func classifyLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, classify: (String) -> Classification) -> JSONValue {
        func failure(_ message: String) -> JSONValue {
            .object([("line", .integer(number)), ("error", .string(message))])
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return failure("empty line: expected a JSON object with \"prompt\"") }
        let value: JSONValue
        do { value = try JSONParser.parse(Array(line)) } catch { return failure(error.description) }
        guard case .object = value else { return failure("expected a JSON object with \"prompt\"") }
        guard let promptValue = value["prompt"] else { return failure("missing \"prompt\"") }
        guard case .string(let prompt) = promptValue else { return failure("\"prompt\" must be a string") }
        let c = classify(prompt)
        return .object([
            ("id", value["id"] ?? .null),
            ("tier", .string(c.tier.rawValue)),
            ("task", .string(c.task.rawValue)),
            ("score", .number(DecisionJSON.round4(c.score))),
            ("confidence", .number(DecisionJSON.round4(c.confidence))),
        ])
    }
}
