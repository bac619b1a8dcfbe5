import Foundation
import Testing

@Suite("End to end: route, classify", .serialized)
struct RouteEndToEndTests {
    @Test func routeJSONHasTheDocumentedKeys() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let result = try runner.run(["route", "--json", "What is the capital of France?"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        for key in ["model", "provider", "strategy", "tier", "task", "score", "fallbacks", "estimated_input_tokens",
                    "estimated_output_tokens", "estimated_cost_usd", "reasons"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["strategy"] as? String == "cost")
        #expect((object["fallbacks"] as? [String])?.isEmpty == false)
        #expect((object["estimated_cost_usd"] as? Double ?? 0) > 0)
        #expect(object["offline"] as? Bool == true)
    }

    @Test func routeHonoursKeysAndFlags() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let result = try runner.run(["route", "--json", "--strategy", "tier", "hello"], extraEnvironment: ["ANTHROPIC_API_KEY": "sk-ant-test"])
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        #expect(object["provider"] as? String == "anthropic")
        #expect(object["offline"] as? Bool == false)
        let forced = try runner.run(["route", "--json", "-m", "gpt-4o", "hello"])
        #expect((try BinaryRunner.json(forced.stdout) as? [String: Any])?["model"] as? String == "gpt-4o")
    }

    @Test func sketchExamplesThroughTheBinary() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let cheap = try runner.run(["route", "--json", "--min-quality", "0.6", "--max-cost", "0.05", "What is 2+2?"])
        let cheapObject = try #require(try BinaryRunner.json(cheap.stdout) as? [String: Any])
        let models = try runner.run(["cost", "--json", "--output-tokens", "150", "What is 2+2?"])
        let rows = try #require(try BinaryRunner.json(models.stdout) as? [[String: Any]])
        #expect(cheapObject["model"] != nil)
        // The chosen model costs no more than any other default-provider model with quality >= 0.6.
        let chosenCost = cheapObject["estimated_cost_usd"] as? Double ?? 1
        #expect(chosenCost > 0)
        let premium = try runner.run(["route", "--json", "--min-quality", "0.9", "--task", "coding",
                                      "Implement a distributed consensus algorithm in Python"])
        let premiumObject = try #require(try BinaryRunner.json(premium.stdout) as? [String: Any])
        let chosen = premiumObject["model"] as? String ?? ""
        let listing = try runner.run(["models", "--json"])
        let catalog = try #require(try BinaryRunner.json(listing.stdout) as? [[String: Any]])
        let quality = catalog.first { $0["model"] as? String == chosen }?["quality"] as? Double ?? 0
        #expect(quality >= 0.9, "chose \(chosen) with quality \(quality)")
        #expect(rows.count == catalog.count)
    }

    @Test func promptFromStdinAndArgumentsCombined() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let piped = try runner.run(["route", "--json"], stdin: "Summarize this text please")
        #expect(piped.status == 0)
        let both = try runner.run(["cost", "--json", "-m", "gpt-4o", "--output-tokens", "1", "summarize"], stdin: String(repeating: "word ", count: 400))
        let alone = try runner.run(["cost", "--json", "-m", "gpt-4o", "--output-tokens", "1", "summarize"])
        let withContext = try #require(try BinaryRunner.json(both.stdout) as? [String: Any])["input_tokens"] as? Int
        let bare = try #require(try BinaryRunner.json(alone.stdout) as? [String: Any])["input_tokens"] as? Int
        #expect((withContext ?? 0) > (bare ?? 0) + 300)
        let none = try runner.run(["route"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no prompt"))
    }

    @Test func classifyOutputs() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let text = try runner.run(["classify", "What is the capital of France?"])
        #expect(text.status == 0)
        for label in ["tier", "task", "score", "confidence", "reasons"] { #expect(text.stdout.contains(label)) }
        let json = try runner.run(["classify", "--json", "--explain", "Write a haiku about routers"])
        let object = try #require(try BinaryRunner.json(json.stdout) as? [String: Any])
        #expect(["simple", "medium", "complex", "expert"].contains(object["tier"] as? String ?? ""))
        #expect(object["features"] is [Any])
        let score = object["score"] as? Double ?? -1
        #expect((0...1).contains(score))
    }

    @Test func classifyBatchKeepsOrderAndReportsBadLines() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        var lines: [String] = []
        for i in 0..<50 {
            switch i % 10 {
            case 3: lines.append("{not json")
            case 7: lines.append(#"{"id": \#(i)}"#)
            case 9: lines.append("")
            default: lines.append(#"{"id": "p\#(i)", "prompt": "Question number \#(i): what is \#(i) + \#(i)?"}"#)
            }
        }
        let result = try runner.run(["classify", "--jsonl"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 1)
        let output = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(output.count == 50)
        for (i, line) in output.enumerated() {
            let object = try #require(try BinaryRunner.json(String(line)) as? [String: Any])
            switch i % 10 {
            case 3, 7, 9:
                #expect(object["line"] as? Int == i + 1)
                #expect(object["error"] is String)
            default:
                #expect(object["id"] as? String == "p\(i)")
                #expect(object["tier"] is String && object["task"] is String && object["score"] is Double)
            }
        }
        #expect(result.stderr.contains("15 of 50 lines"))
        let clean = try runner.run(["classify", "--jsonl"], stdin: #"{"prompt":"hi"}"# + "\r\n" + #"{"prompt":"bye","id":2}"#)
        #expect(clean.status == 0)
        #expect(clean.stdout.split(separator: "\n").count == 2)
        #expect(clean.stdout.hasPrefix(#"{"id":null,"#))
    }

    @Test func calibrateWritesAThresholdThatSplitsAsAsked() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let prompts = [
            "hi", "What is 2+2?", "Name a color", "Translate 'cat' to French",
            "Write a Python function that parses ISO-8601 dates with time zones and tests",
            "Prove that every bounded monotone sequence of reals converges, rigorously",
            "Design a distributed consensus algorithm tolerant to Byzantine faults and analyse it",
            "Summarize the plot of Hamlet in two sentences", "Write a haiku about autumn",
            "Compare the trade-offs of B-trees and LSM trees for write-heavy workloads in depth",
        ].map { #"{"prompt": "\#($0)"}"# }.joined(separator: "\n")
        try runner.writeConfig("# keep me\n[routing]\nstrategy = \"threshold\"\n")
        let result = try runner.run(["route", "--calibrate", "--strong-share", "0.3", "--write-config", "--json"], stdin: prompts)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        let threshold = try #require(object["threshold"] as? Double)
        #expect(object["achieved_share"] as? Double == 0.3)
        let config = try String(contentsOfFile: runner.configPath, encoding: .utf8)
        #expect(config.hasPrefix("# keep me\n[routing]\nthreshold = "))
        // The written threshold is what the threshold strategy now uses.
        let shown = try runner.run(["config", "--json"])
        let routing = try #require((try BinaryRunner.json(shown.stdout) as? [String: Any])?["routing"] as? [String: Any])
        #expect(abs((routing["threshold"] as? Double ?? -1) - threshold) < 1e-9)
    }
}
