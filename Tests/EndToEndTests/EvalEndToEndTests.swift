import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `llmroute eval` run as a user would, and checked against an independent computation
/// (Scripts/eval/apgr_reference.py, RouteLLM's threshold sweep in plain Python).
@Suite("End to end: eval")
struct EvalEndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A few hundred outcomes whose scores take 12 values (so ties straddle most cuts), weak
    /// answers worse on high scores, and a mix of 0/1 and judge-style values.
    static func outcomeFile(lines: Int = 400, seed: UInt64 = 11) -> String {
        var random = RandomArgumentsTests.Generator(state: seed)
        var text = ""
        for index in 0..<lines {
            let score = Double(Int.random(in: 0..<12, using: &random)) / 11
            let hard = Double.random(in: 0..<1, using: &random) < score
            let weak: String, strong: String
            if index % 3 == 0 {
                weak = String(Double(Int.random(in: 0...(hard ? 5 : 10), using: &random)) / 10)
                strong = String(Double(Int.random(in: 4...10, using: &random)) / 10)
            } else {
                weak = hard && Bool.random(using: &random) ? "0" : "1"
                strong = Double.random(in: 0..<1, using: &random) < 0.9 ? "1" : "0"
            }
            text += "{\"id\": \(index), \"prompt\": \"prompt \(index)\", \"s\": \(score), \"weak\": \(weak), \"strong\": \(strong)}\n"
        }
        return text
    }

    static func write(_ text: String, named name: String, in runner: BinaryRunner) throws -> String {
        let url = runner.home.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try BinaryRunner.json(text) as? [String: Any])
    }

    static func python(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Scripts/eval/apgr_reference.py").path] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func agreesWithTheIndependentPythonComputation() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        for seed: UInt64 in [11, 12, 13] {
            let path = try Self.write(Self.outcomeFile(seed: seed), named: "outcomes-\(seed).jsonl", in: runner)
            let result = try runner.run(["eval", "--json", "--score-field", "s", path])
            #expect(result.status == 0, "\(result.stderr)")
            let ours = try Self.object(result.stdout)
            let reference = try Self.object(try Self.python([path, "--score-field", "s"]))
            let apgr = try #require(ours["apgr"] as? Double), expected = try #require(reference["apgr"] as? Double)
            #expect(abs(apgr - expected) < 0.01, "the brief's bound")
            #expect(abs(apgr - expected) < 1e-9, "both are exact: \(apgr) vs \(expected)")
            #expect(ours["n"] as? Int == 400 && reference["n"] as? Int == 400)
            for key in ["weak_mean", "strong_mean"] {
                #expect(abs((ours[key] as? Double ?? -1) - (reference[key] as? Double ?? -2)) < 1e-12, "\(key)")
            }
            let curve = try #require(ours["curve"] as? [[String: Any]])
            let referenceCurve = try #require(reference["curve"] as? [[String: Any]])
            #expect(curve.count == 11 && referenceCurve.count == 11)
            for (point, expectedPoint) in zip(curve, referenceCurve) {
                #expect(point["strong_share"] as? Double == expectedPoint["strong_share"] as? Double)
                #expect(abs((point["pgr"] as? Double ?? -9) - (expectedPoint["pgr"] as? Double ?? 9)) < 1e-9, "\(point)")
                #expect(point["threshold"] != nil)
            }
            #expect(ours["score_field"] as? String == "s")
            #expect((ours["oracle_apgr"] as? Double ?? 0) >= apgr, "no ranking beats ranking by the gain itself")
        }
    }

    @Test func textReportHasTheFiguresAndTheChart() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let path = try Self.write(Self.outcomeFile(), named: "outcomes.jsonl", in: runner)
        let result = try runner.run(["eval", "--score-field", "s", path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try Self.object(try runner.run(["eval", "--json", "--score-field", "s", path]).stdout)
        let apgr = try #require(json["apgr"] as? Double)
        let text = result.stdout
        #expect(text.contains("prompts      400 (scores from field \"s\")"))
        #expect(text.contains("APGR"))
        let shownAPGR = text.split(separator: "\n").first { $0.hasPrefix("APGR") }.map(String.init) ?? ""
        #expect(abs((Double(shownAPGR.split(separator: " ")[1]) ?? -1) - apgr) < 0.00005, "\(shownAPGR)")
        for target in ["50% of the gap", "80% of the gap", "90% of the gap", "95% of the gap"] { #expect(text.contains(target)) }
        let braille = text.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }
        #expect(braille.count > 60, "the curve and the diagonal are drawn in Braille")
        #expect(text.contains("┤") && text.contains("└") && text.contains("100%"))
        #expect(text.contains("share of prompts sent to the strong model") && text.contains("random routing"))
        #expect(!text.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test func svgIsAStandaloneParseableImage() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        // A field name with XML's specials in it reaches the title: it must be escaped.
        let field = "s&<x\""
        let outcomes = Self.outcomeFile().replacingOccurrences(of: "\"s\":", with: "\"s&<x\\\"\":")
        let path = try Self.write(outcomes, named: "outcomes.jsonl", in: runner)
        let svgPath = runner.home.appendingPathComponent("curve.svg").path
        let result = try runner.run(["eval", "--score-field", field, "--bootstrap", "50", "--svg", svgPath, path])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: svgPath))
        let delegate = SVGCollector()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(delegate.elements.first == "svg")
        #expect(delegate.elements.contains("polyline") && delegate.elements.filter { $0 == "line" }.count > 15, "grid, ticks, diagonal, legend")
        #expect(delegate.text.contains("APGR") && delegate.text.contains("Share of prompts sent to the strong model"))
        #expect(delegate.text.contains("100%") && delegate.text.contains("random routing"))
        #expect(delegate.text.contains("scores from field \"\(field)\""))
        // Nothing to draw, no file: a failed evaluation does not leave an image behind.
        let nothing = runner.home.appendingPathComponent("none.svg").path
        #expect(try runner.run(["eval", "--score-field", "absent", "--svg", nothing, path]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: nothing))
    }

    @Test func badLinesAreNamedAndTheRestStillCount() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let input = """
        {"prompt": "What is 2+2?", "s": 0.1, "weak": 1, "strong": 1}
        this is not json
        {"prompt": "Prove Fermat's little theorem", "s": 0.9, "weak": 0, "strong": 1}
        {"prompt": "Sort a list", "s": 0.5, "weak": "yes", "strong": 1}

        {"prompt": "Summarize this", "s": "high", "weak": 0, "strong": 1}
        {"s": 0.7, "weak": 0, "strong": 1}
        {"prompt": "Write a haiku", "s": 0.3, "weak": 1, "strong": 0}
        """
        let path = try Self.write(input, named: "mixed.jsonl", in: runner)
        let result = try runner.run(["eval", "--json", "--score-field", "s", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("mixed.jsonl line 2: not JSON"))
        #expect(result.stderr.contains("line 4: \"weak\" must be a number, got a string"))
        #expect(result.stderr.contains("line 6: score field \"s\" must be a number"))
        #expect(!result.stderr.contains("line 5"), "a blank line is not an error")
        #expect(!result.stderr.contains("line 7"), "no prompt is needed with a score field")
        let object = try Self.object(result.stdout)
        #expect(object["n"] as? Int == 4 && object["bad_lines"] as? Int == 3)
        // Without a score field the same file needs prompts: line 7 is bad too.
        let scored = try runner.run(["eval", "--json", "--classifier", "heuristic", path])
        #expect(scored.status == 1)
        #expect(scored.stderr.contains("line 7: missing \"prompt\""))
        #expect(try Self.object(scored.stdout)["n"] as? Int == 4)
    }

    @Test func classifiersScoreThePromptsWithoutAScoreField() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let input = (0..<60).map { index in
            index % 2 == 0
                ? "{\"id\": \(index), \"prompt\": \"Prove that the sum of the first \(index) odd numbers is a square, rigorously, by induction, and then implement a verified checker in Rust with property tests.\", \"weak\": 0, \"strong\": 1}"
                : "{\"id\": \(index), \"prompt\": \"What is \(index) + 1?\", \"weak\": 1, \"strong\": 1}"
        }.joined(separator: "\n")
        let path = try Self.write(input, named: "prompts.jsonl", in: runner)
        for classifier in ["heuristic", "local"] {
            let result = try runner.run(["eval", "--json", "--classifier", classifier, path])
            #expect(result.status == 0, "\(classifier): \(result.stderr)")
            let object = try Self.object(result.stdout)
            #expect(object["classifier"] as? String == classifier && object["n"] as? Int == 60)
            #expect((object["apgr"] as? Double ?? 0) > 0.6, "hard prompts score higher: \(classifier)")
        }
        // stdin as `-`, the default classifier.
        let piped = try runner.run(["eval", "--json", "-"], stdin: input)
        #expect(piped.status == 0)
        let pipedObject = try Self.object(piped.stdout)
        #expect(pipedObject["classifier"] as? String == "local")
    }

    /// `--classifier llm` goes through the same labelling path as `classify`: here the labeller
    /// is a closed port on 127.0.0.1, so every call fails and every prompt is scored by the local
    /// classifier instead, with a warning; the figures are then the local classifier's.
    @Test func llmClassifierFallsBackToLocalWhenTheLabellerFails() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeConfig("""
        [providers.dead]
        kind = "openai"
        base_url = "http://127.0.0.1:\(FaultServer.closedPort())/v1"
        api_key_env = "EVAL_TEST_KEY"
        [models."dead-labeler"]
        provider = "dead"
        input_price = 1.0
        output_price = 1.0
        context_window = 128000
        quality = 0.5
        """)
        let input = """
        {"prompt": "What is 2+2?", "weak": 1, "strong": 1}
        {"prompt": "Prove that there are infinitely many primes, rigorously.", "weak": 0, "strong": 1}
        {"prompt": "hi", "weak": 1, "strong": 0}
        {"prompt": "Implement a lock-free queue in C++ and prove it linearizable.", "weak": 0, "strong": 1}
        """
        let path = try Self.write(input, named: "llm.jsonl", in: runner)
        let result = try runner.run(["eval", "--json", "--classifier", "llm", "--classifier-model", "dead-labeler", path],
                                    extraEnvironment: ["EVAL_TEST_KEY": "sk-test", "LLMROUTE_RETRY_BASE_MS": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try Self.object(result.stdout)
        #expect(object["classifier"] as? String == "llm" && object["classifier_fallbacks"] as? Int == 4)
        #expect(result.stderr.contains("using the local classifier"), "\(result.stderr)")
        let local = try Self.object(try runner.run(["eval", "--json", "--classifier", "local", path]).stdout)
        #expect(object["apgr"] as? Double == local["apgr"] as? Double)
        let text = try runner.run(["eval", "-q", "--classifier", "llm", "--classifier-model", "dead-labeler", path],
                                  extraEnvironment: ["EVAL_TEST_KEY": "sk-test", "LLMROUTE_RETRY_BASE_MS": "1"])
        #expect(text.stdout.contains("scored by the llm classifier, 4 of them by the local one after a failed call"), "\(text.stdout)")
    }

    @Test func bootstrapIntervalIsDeterministicAndSurroundsAPGR() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let path = try Self.write(Self.outcomeFile(), named: "outcomes.jsonl", in: runner)
        let arguments = ["eval", "--json", "--score-field", "s", "--bootstrap", "200", path]
        let first = try runner.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let object = try Self.object(first.stdout)
        let apgr = try #require(object["apgr"] as? Double)
        let bootstrap = try #require(object["bootstrap"] as? [String: Any])
        let low = try #require(bootstrap["lo"] as? Double), high = try #require(bootstrap["hi"] as? Double)
        #expect(low <= apgr && apgr <= high && low < high)
        #expect(bootstrap["resamples"] as? Int == 200 && bootstrap["seed"] as? Int == 1)
        #expect(try runner.run(arguments).stdout == first.stdout, "same file, same seed: same interval")
        let reseeded = try runner.run(arguments + ["--seed", "2"])
        #expect(reseeded.stdout != first.stdout)
        let text = try runner.run(["eval", "--score-field", "s", "--bootstrap", "200", path]).stdout
        #expect(text.contains("95% interval") && text.contains("200 bootstrap resamples, seed 1"))
    }

    @Test func emptyInputAndNoGapAreClearErrors() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let empty = try runner.run(["eval", "-"], stdin: "\n\n")
        #expect(empty.status == 1 && empty.stderr.contains("stdin has no outcome lines"))
        let missing = try runner.run(["eval", "/nonexistent/outcomes.jsonl"])
        #expect(missing.status == 1 && missing.stderr.contains("/nonexistent/outcomes.jsonl"))
        let noFile = try runner.run(["eval"])
        #expect(noFile.status == 2 && noFile.stderr.contains("missing FILE"))
        let same = "{\"s\": 0.2, \"weak\": 1, \"strong\": 1}\n{\"s\": 0.8, \"weak\": 0, \"strong\": 0}\n"
        let json = try runner.run(["eval", "--json", "--score-field", "s", "-"], stdin: same)
        #expect(json.status == 1 && json.stderr.contains("PGR and APGR are undefined"))
        let object = try Self.object(json.stdout)
        #expect(object["apgr"] is NSNull && object["n"] as? Int == 2 && (object["error"] as? String)?.contains("equal") == true)
        let text = try runner.run(["eval", "--score-field", "s", "-"], stdin: same)
        #expect(text.status == 1 && text.stderr.contains("no quality gap"))
    }

    /// Colour follows the project's rule: only on a terminal, never with NO_COLOR or --no-color.
    @Test(.enabled(if: TmuxSession.executable != nil)) func colourOnlyOnATerminalWithoutNoColor() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let path = try Self.write(Self.outcomeFile(), named: "outcomes.jsonl", in: runner)
        func screen(_ extraArguments: [String], environment: [String: String] = [:]) throws -> String {
            let tmux = try TmuxSession(command: [BinaryRunner.binaryPath, "eval", "--score-field", "s"] + extraArguments + [path],
                                       environment: runner.environment.merging(environment) { $1 }, width: 120, height: 50)
            defer { tmux.close() }
            let done = try tmux.wait { $0.contains("[exited 0]") }
            #expect(done.ok, "\(done.screen)")
            return try tmux.screen(escapes: true)
        }
        let coloured = try screen([])
        #expect(coloured.contains("\u{1B}[36m"), "the curve is cyan on a terminal")
        #expect(coloured.contains("⠤⠤") && coloured.contains("APGR"))
        #expect(!(try screen([], environment: ["NO_COLOR": "1"])).contains("\u{1B}[36m"))
        #expect(!(try screen(["--no-color"])).contains("\u{1B}[36m"))
    }

    @Test func helpExplainsTheCommandWithAnExample() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let help = try runner.run(["eval", "--help"])
        #expect(help.status == 0)
        for needle in ["usage: llmroute eval [OPTIONS] FILE", "APGR", "--score-field NAME", "--bootstrap N", "--svg FILE",
                       "--classifier NAME", "Examples:", "llmroute eval outcomes.jsonl"] {
            #expect(help.stdout.contains(needle), "\(needle)")
        }
    }
}

/// Element names and text of a parsed SVG.
final class SVGCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(name)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
