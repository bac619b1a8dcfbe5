import Foundation
import Testing

/// One logical model deployed on two fault servers, the heavier one failing every request: the
/// answer always comes from the healthy one, and once the failing deployment's breaker opens
/// (`[resilience] breaker_threshold = 1`) later runs do not call it at all.
@Suite("End to end: weighted load balancing", .serialized)
struct LoadBalancingTests {
    @Test func aFailingDeploymentIsUsedOnceThenSkippedWhileTheOtherAnswers() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        let nonce = UUID().uuidString
        let failing = "http://127.0.0.1:\(FaultServer.shared.port)/e500/\(nonce)/v1"
        let healthy = "http://127.0.0.1:\(FaultServer.secondary.port)/ok/\(nonce)/v1"
        try runner.writeConfig("""
        [providers.lb]
        kind = "openai"
        base_url = "\(failing)"
        [models."balanced"]
        input_price = 1.0
        output_price = 2.0
        context_window = 16000
        quality = 0.9
        [[models."balanced".deployments]]
        provider = "lb"
        weight = 1000
        [[models."balanced".deployments]]
        provider = "lb"
        base_url = "\(healthy)"
        model = "balanced-b"
        weight = 1
        [routing]
        candidates = ["balanced"]
        [resilience]
        breaker_threshold = 1
        breaker_cooldown = 600
        """)
        var failingCalls = 0
        for run in 1...5 {
            let (result, _) = try runner.ask(["--json", "-m", "balanced", "--retries", "0", "hi"])
            #expect(result.status == 0, "run \(run): \(result.stderr)")
            let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
            #expect(object["text"] as? String == "Hello from the fault server.")
            #expect(object["model"] as? String == "balanced-b", "the healthy deployment's own model id")
            let attempts = object["attempts"] as? [[String: Any]] ?? []
            #expect(attempts.last?["outcome"] as? String == "ok")
            #expect(attempts.last?["base_url"] as? String == healthy)
            failingCalls += attempts.filter { $0["outcome"] as? String == "server_error" }.count
            #expect(attempts.allSatisfy { $0["base_url"] == nil || $0["base_url"] as? String == healthy })
        }
        // Weighted 1000:1 the failing deployment comes first unless its breaker is open: without
        // the health check it would have been called about 5 times, with a threshold of 3 three times.
        #expect(failingCalls == 1)
        let state = try String(contentsOfFile: runner.environment["XDG_STATE_HOME"]! + "/llmroute/circuit-breakers", encoding: .utf8)
        #expect(state.hasPrefix("lb 1 "), "the failing deployment's breaker is keyed by provider: \(state)")
        #expect(!state.contains(healthy))
    }

    @Test func dryRunListsEveryDeploymentAsTheFallbacks() throws {
        let runner = try BinaryRunner()
        defer { runner.cleanup() }
        try runner.writeConfig("""
        [providers.one]
        kind = "openai"
        base_url = "http://127.0.0.1:1/v1"
        [providers.two]
        kind = "anthropic"
        base_url = "http://127.0.0.1:2"
        [[models."gpt-4o-mini".deployments]]
        provider = "one"
        [[models."gpt-4o-mini".deployments]]
        provider = "two"
        """)
        let result = try runner.run(["ask", "--dry-run", "-m", "gpt-4o-mini", "hi"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try BinaryRunner.json(result.stdout) as? [String: Any])
        let first = try #require(object["request"] as? [String: Any])
        let rest = object["fallback_requests"] as? [[String: Any]] ?? []
        let providers = [first["provider"] as? String] + rest.prefix(1).map { $0["provider"] as? String }
        #expect(Set(providers.compactMap { $0 }) == ["one", "two"], "\(providers)")
        let urls = [first] + rest.prefix(1)
        #expect(urls.contains { ($0["url"] as? String) == "http://127.0.0.1:2/v1/messages" })
        let shown = try runner.run(["config"])
        #expect(shown.stdout.contains("# load-balanced over: one weight 1; two weight 1"), "\(shown.stdout)")
        #expect(shown.stdout.contains("[resilience]\nbreaker_threshold = 3\nbreaker_cooldown = 30\n"))
    }
}
