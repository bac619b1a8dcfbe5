/// Orders the fallbacks of a decision. A fallback on the same provider does not help when that
/// provider is down, so the chain always reaches another provider early when one is available.
enum FallbackPlanner {
    static func plan(primary: Candidate, preferred: [Candidate], candidates: [Candidate], limit: Int) -> [Candidate] {
        guard limit > 0 else { return [] }
        var chain: [Candidate] = []
        func add(_ candidate: Candidate) {
            guard candidate.model.id != primary.model.id, !chain.contains(where: { $0.model.id == candidate.model.id }) else { return }
            chain.append(candidate)
        }
        preferred.forEach(add)
        // Models at least as good as the primary, cheapest first, as further fallbacks.
        let peers = candidates.filter { $0.model.quality >= primary.model.quality - 0.05 }
        peers.forEach(add)

        let otherProvider = { (c: Candidate) in c.model.provider != primary.model.provider }
        if !chain.prefix(limit).contains(where: otherProvider) {
            // Nothing in reach crosses providers: take the best other-provider model we have.
            let crossing = chain.first(where: otherProvider)
                ?? candidates.filter(otherProvider).max { ($0.model.quality, -$0.estimatedCost) < ($1.model.quality, -$1.estimatedCost) }
            if let crossing {
                chain.removeAll { $0.model.id == crossing.model.id }
                chain.insert(crossing, at: min(1, chain.count))
            }
        }
        return Array(chain.prefix(limit))
    }
}
