import Testing
@testable import LLMRouteCore

@Suite("Weighted load balancing across deployments")
struct LoadBalancerTests {
    let a = Deployment(provider: "a", weight: 5)
    let b = Deployment(provider: "b", weight: 3)
    let c = Deployment(provider: "b", baseURL: "http://127.0.0.1:1/v1", weight: 2)

    /// How often each health key comes first over `draws` orderings, as a fraction.
    func firstShares(_ deployments: [Deployment], healthy: (Deployment) -> Bool = { _ in true }, draws: Int = 20_000, seed: UInt64) -> [String: Double] {
        var random = SplitMix64(seed: seed)
        var counts: [String: Int] = [:]
        for _ in 0..<draws {
            let first = LoadBalancer.order(deployments, isHealthy: healthy, using: &random)[0]
            counts[first.healthKey, default: 0] += 1
        }
        return counts.mapValues { Double($0) / Double(draws) }
    }

    @Test(arguments: [1, 42, 0xDEAD_BEEF] as [UInt64])
    func firstChoiceFollowsTheWeights(seed: UInt64) {
        let shares = firstShares([a, b, c], seed: seed)
        // 20,000 draws: the standard error of a share is below 0.004; 0.015 is > 3.5 of them.
        #expect(abs((shares["a"] ?? 0) - 0.5) < 0.015, "\(shares)")
        #expect(abs((shares["b"] ?? 0) - 0.3) < 0.015, "\(shares)")
        #expect(abs((shares[c.healthKey] ?? 0) - 0.2) < 0.015, "\(shares)")
    }

    @Test func fallbacksAreTheOtherDeploymentsAlsoDrawnByWeight() {
        var random = SplitMix64(seed: 7)
        var secondAfterA: [String: Int] = [:]
        for _ in 0..<20_000 {
            let order = LoadBalancer.order([a, b, c], isHealthy: { _ in true }, using: &random)
            #expect(order.count == 3)
            #expect(Set(order.map(\.healthKey)).count == 3, "every deployment exactly once")
            if order[0].provider == "a" && order[0].baseURL == nil { secondAfterA[order[1].healthKey, default: 0] += 1 }
        }
        let total = Double(secondAfterA.values.reduce(0, +))
        // Without a: b and c split 3:2.
        #expect(abs(Double(secondAfterA["b"] ?? 0) / total - 0.6) < 0.02, "\(secondAfterA)")
    }

    @Test func unhealthyDeploymentsAreNeverFirstWhileAHealthyOneRemains() {
        let shares = firstShares([a, b, c], healthy: { $0.provider != "a" }, draws: 5_000, seed: 3)
        #expect(shares["a"] == nil, "a's breaker is open: \(shares)")
        #expect(abs((shares["b"] ?? 0) - 0.6) < 0.03, "\(shares)")
        var random = SplitMix64(seed: 9)
        let order = LoadBalancer.order([a, b, c], isHealthy: { $0.provider != "a" }, using: &random)
        #expect(order.last?.provider == "a", "still in the chain, last, for when all are down")
    }

    @Test func allUnhealthyKeepsEveryDeploymentHeaviestFirst() {
        var random = SplitMix64(seed: 1)
        let order = LoadBalancer.order([c, a, b], isHealthy: { _ in false }, using: &random)
        #expect(order.map(\.weight) == [5, 3, 2])
    }

    @Test func catalogExpandsALoadBalancedModelIntoItsDeployments() throws {
        let (_, catalog) = try ConfigLoader.load(text: """
        [providers.east]
        kind = "openai"
        base_url = "http://127.0.0.1:1/v1"
        [providers.west]
        kind = "anthropic"
        base_url = "http://127.0.0.1:2"
        [[models."gpt-4o-mini".deployments]]
        provider = "east"
        model = "mini-east"
        weight = 1
        [[models."gpt-4o-mini".deployments]]
        provider = "west"
        base_url = "http://127.0.0.1:3"
        weight = 1
        """, file: "lb.toml")
        let logical = try #require(catalog.model(named: "gpt-4o-mini"))
        var random = SplitMix64(seed: 5)
        let targets = catalog.targets(for: logical, isHealthy: { $0 != "east" }, using: &random)
        #expect(targets.map(\.id) == ["gpt-4o-mini", "mini-east"])
        #expect(targets[0].provider == "west" && targets[0].api == .anthropic)
        #expect(targets[0].endpoint == "http://127.0.0.1:3")
        #expect(targets[0].healthKey == "west@http://127.0.0.1:3")
        #expect(targets[1].endpoint == nil && targets[1].api == .openai)
        #expect(targets[0].inputCostPerToken == logical.inputCostPerToken, "priced as the logical model")
        // A model without deployments is called where it is.
        let plain = try #require(catalog.model(named: "gpt-4o"))
        #expect(catalog.targets(for: plain, isHealthy: { _ in true }, using: &random) == [plain])
    }
}
