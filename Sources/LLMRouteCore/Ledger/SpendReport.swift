/// `cost report`: the ledger's request rows in a time window, grouped, with totals, the savings
/// against each request's strongest candidate, and (with --routes) where each tier/task went.
public struct SpendReport: Sendable {
    public enum Grouping: String, Sendable, CaseIterable {
        case day, model, provider, tier, task, strategy, user
    }

    /// Requests, tokens, spend and latency of one group (or of everything).
    public struct Totals: Sendable, Equatable {
        public var key: String
        public var requests = 0
        public var failed = 0
        public var inputTokens = 0
        public var outputTokens = 0
        /// Of the input, read from / written to the prompt cache; of the output, reasoning.
        public var cacheReadTokens = 0
        public var cacheWriteTokens = 0
        public var reasoningTokens = 0
        /// What the cache saved against every input token at the full input price.
        public var cacheSavedUSD = 0.0
        public var estimatedTokenRows = 0
        public var costUSD = 0.0
        public var latencyMsSum = 0.0
        public var latencyCount = 0

        public init(key: String) { self.key = key }

        public var averageLatencyMs: Double? { latencyCount == 0 ? nil : latencyMsSum / Double(latencyCount) }

        mutating func add(_ r: UsageRecord) {
            requests += 1
            if r.outcome != "ok" { failed += 1 }
            inputTokens += r.inputTokens
            outputTokens += r.outputTokens
            cacheReadTokens += r.cacheReadTokens
            cacheWriteTokens += r.cacheWrite5mTokens + r.cacheWrite1hTokens
            reasoningTokens += r.reasoningTokens
            cacheSavedUSD += r.cacheSavedUSD
            if r.tokensEstimated { estimatedTokenRows += 1 }
            costUSD += r.costUSD
            if let latency = r.latencyMs {
                latencyMsSum += latency
                latencyCount += 1
            }
        }
    }

    /// What the answered requests cost against what their strongest candidates would have.
    public struct Savings: Sendable, Equatable {
        /// Requests with a known strongest candidate (older rows may have none).
        public var requests = 0
        public var actualUSD = 0.0
        public var strongestUSD = 0.0

        public var savedUSD: Double { strongestUSD - actualUSD }
        public var savedPercent: Double? { strongestUSD > 0 ? savedUSD / strongestUSD * 100 : nil }
    }

    /// How often a tier/task pair went to a model, and how often fallbacks fired on the way.
    public struct Route: Sendable, Equatable {
        public var tier: String
        public var task: String
        public var model: String
        public var requests = 0
        public var withFallback = 0
        /// Share of this tier/task's requests, 0-1.
        public var share = 0.0
    }

    public var groups: [Totals]
    public var total: Totals
    public var savings: Savings
    public var routes: [Route]

    public init(records: [UsageRecord], by grouping: Grouping) {
        var byKey: [String: Totals] = [:]
        var total = Totals(key: "total")
        var savings = Savings()
        var routeCounts: [String: Route] = [:]
        var pairCounts: [String: Int] = [:]
        for r in records where r.kind == .request {
            let key = Self.key(r, grouping)
            byKey[key, default: Totals(key: key)].add(r)
            total.add(r)
            if r.outcome == "ok" || r.outcome == "refused", let strongest = r.strongestCostUSD {
                savings.requests += 1
                savings.actualUSD += r.costUSD
                savings.strongestUSD += strongest
            }
            let tier = r.tier ?? "-", task = r.task ?? "-", model = r.finalModel ?? "-"
            let routeKey = "\(tier)\u{1}\(task)\u{1}\(model)"
            routeCounts[routeKey, default: Route(tier: tier, task: task, model: model)].requests += 1
            if r.fallbacks > 0 { routeCounts[routeKey]!.withFallback += 1 }
            pairCounts["\(tier)\u{1}\(task)", default: 0] += 1
        }
        groups = byKey.values.sorted { grouping == .day ? $0.key < $1.key : ($0.costUSD, $1.key) > ($1.costUSD, $0.key) }
        self.total = total
        self.savings = savings
        routes = routeCounts.values.map { route in
            var route = route
            route.share = Double(route.requests) / Double(pairCounts["\(route.tier)\u{1}\(route.task)"] ?? 1)
            return route
        }.sorted { ($0.tier, $0.task, -$0.requests, $0.model) < ($1.tier, $1.task, -$1.requests, $1.model) }
    }

    static func key(_ r: UsageRecord, _ grouping: Grouping) -> String {
        switch grouping {
        case .day: SpendPeriod.dayLabel(r.time)
        case .model: r.finalModel ?? r.chosenModel ?? "-"
        case .provider: r.finalProvider ?? r.chosenProvider ?? "-"
        case .tier: r.tier ?? "-"
        case .task: r.task ?? "-"
        case .strategy: r.strategy ?? "-"
        case .user: r.user ?? "-"
        }
    }
}
