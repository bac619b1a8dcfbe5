/// Weighted load balancing across the deployments of one logical model (the design sketch's
/// LoadBalancingRouter): the first deployment is drawn at random in proportion to its weight
/// among the healthy ones (circuit breaker closed); the rest follow as fallbacks, each drawn the
/// same way from those left, so a failover spreads by weight too. Unhealthy deployments come
/// last, heaviest first: the caller skips them while a healthy one remains and tries them
/// anyway when none does (as the sketch does).
public enum LoadBalancer {
    public static func order<R: RandomNumberGenerator>(
        _ deployments: [Deployment], isHealthy: (Deployment) -> Bool, using random: inout R
    ) -> [Deployment] {
        var healthy = deployments.filter(isHealthy)
        let unhealthy = deployments.filter { !isHealthy($0) }
        var ordered: [Deployment] = []
        ordered.reserveCapacity(deployments.count)
        while !healthy.isEmpty {
            let index = draw(healthy.map(\.weight), using: &random)
            ordered.append(healthy.remove(at: index))
        }
        // A stable sort keeps the config's order among equal weights.
        ordered += unhealthy.enumerated().sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }.map(\.element)
        return ordered
    }

    /// An index drawn with probability weight / total. Weights are positive (the config checks).
    static func draw<R: RandomNumberGenerator>(_ weights: [Double], using random: inout R) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        let point = Double.random(in: 0..<total, using: &random)
        var cumulative = 0.0
        for (index, weight) in weights.enumerated() {
            cumulative += weight
            if point < cumulative { return index }
        }
        return weights.count - 1  // rounding at the top end
    }
}
