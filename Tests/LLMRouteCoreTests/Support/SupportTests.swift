import Testing
@testable import LLMRouteCore

@Suite struct SupportTests {
    @Test func nearestMatch() {
        #expect(NearestMatch.suggest("max-cots", among: ["max-cost", "min-quality"]) == "max-cost")
        #expect(NearestMatch.suggest("rout", among: ["route", "cost"]) == "route")
        #expect(NearestMatch.suggest("zzzzzz", among: ["route", "cost"]) == nil)
        #expect(NearestMatch.editDistance("abc", "acb") == 1)
        #expect(NearestMatch.editDistance("", "abc") == 3)
    }

    @Test func fixedPoint() {
        #expect(FixedPoint.format(0.12345, digits: 3) == "0.123")
        #expect(FixedPoint.format(2.5, digits: 0) == "3")
        #expect(FixedPoint.format(-0.0001, digits: 2) == "0.00")
        #expect(FixedPoint.format(-1.25, digits: 1) == "-1.3")
        #expect(Money.format(0.000038) == "$0.000038")
        #expect(Money.format(12.345) == "$12.35")
        #expect(FixedPoint.trim(1) == "1" && FixedPoint.trim(0.5) == "0.5")
    }

    @Test func xdgPaths() {
        let paths = XDGPaths(environment: Environment(["HOME": "/home/u", "XDG_CONFIG_HOME": "relative/ignored"]))
        #expect(paths.configFile == "/home/u/.config/llmroute/config.toml")
        #expect(paths.stateHome == "/home/u/.local/state/llmroute")
        let custom = XDGPaths(environment: Environment(["XDG_DATA_HOME": "/data"]))
        #expect(custom.dataHome == "/data/llmroute")
    }

    @Test func heuristicClassifierHandlesOddInput() {
        let c = HeuristicClassifier()
        #expect(c.classify("").tier == .simple)
        #expect(c.classify("   \n\t").task == .simpleQA)
        let huge = c.classify(String(repeating: "prove the theorem. ", count: 100_000))
        #expect(huge.sampled)
        #expect(huge.reasons.first?.contains("first and last") == true)
        #expect(c.classify("Write a Python function to reverse a string").task == .coding)
        #expect(c.classify("Summarize this article in three key points").task == .summarization)
        let score = c.classify("Prove that there are infinitely many primes, rigorously, and design a formal derivation").score
        #expect(score > c.classify("hi").score)
    }
}
