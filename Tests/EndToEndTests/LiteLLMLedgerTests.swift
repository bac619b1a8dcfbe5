import Foundation
import LLMRouteCore
import Testing

extension LiteLLMTests {
    /// Asks through the LiteLLM proxy on both protocols, then `cost report --json` shows exactly
    /// the tokens the API reported and the cost at the configured prices ($1/$2 per M tokens).
    @Test func costReportShowsTheAsksWithTheirTokensAndCosts() throws {
        let runner = try runner()
        defer { runner.cleanup() }
        var usages: [(model: String, input: Int, output: Int, cost: Double)] = []
        for arguments in [["-m", "mock-gpt"], ["-m", "mock-gpt", "--no-stream"], ["-m", "mock-claude"]] {
            let object = try ask(runner, arguments)
            let usage = try #require(object["usage"] as? [String: Any])
            usages.append((object["model"] as? String ?? "", usage["input_tokens"] as? Int ?? -1, usage["output_tokens"] as? Int ?? -1,
                           object["cost_usd"] as? Double ?? -1))
        }
        #expect(usages.allSatisfy { $0.input > 0 && $0.output > 0 }, "LiteLLM reports usage: \(usages)")
        let result = try runner.run(["cost", "report", "--json", "--since", "1h"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        let total = try #require(object["total"] as? [String: Any])
        let input = usages.map(\.input).reduce(0, +), output = usages.map(\.output).reduce(0, +)
        #expect(total["requests"] as? Int == 3 && total["failed"] as? Int == 0)
        #expect(total["input_tokens"] as? Int == input && total["output_tokens"] as? Int == output)
        #expect(total["estimated_token_requests"] as? Int == 0, "tokens as reported by the API")
        let expected = Double(input) * 1e-6 + Double(output) * 2e-6
        #expect(abs((total["cost_usd"] as? Double ?? 0) - expected) < 1e-12)
        #expect(abs(usages.map(\.cost).reduce(0, +) - expected) < 1e-12, "the report agrees with what ask printed")
        let groups = try #require(object["groups"] as? [[String: Any]])
        let gpt = try #require(groups.first { $0["key"] as? String == "mock-gpt" })
        #expect(gpt["requests"] as? Int == 2)
        #expect(gpt["input_tokens"] as? Int == usages.filter { $0.model == "mock-gpt" }.map(\.input).reduce(0, +))
    }
}
