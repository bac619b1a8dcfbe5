/// The design sketch's `CostOptimizedRouter`, done properly: the cheapest candidate whose quality
/// reaches the bar and whose estimated cost fits the cap. A model whose strengths include the
/// prompt's task gets the sketch's 0.1 bonus as a discount when ranking (the sketch computed the
/// bonus but never used it), so a specialist wins near-ties. If nothing qualifies, the cheapest
/// model is chosen and the reasons say so.
public struct CostStrategy: RoutingStrategy {
    public let kind = StrategyKind.cost
    public static let taskBonus = 0.1
    public init() {}

    public func choose(_ input: StrategyInput) -> StrategyChoice {
        let task = input.classification.task
        let tier = input.classification.tier
        let explicitBar = input.minQuality
        let bar = explicitBar ?? input.policy.minQualityByTier[tier] ?? 0.7
        let barSource = explicitBar == nil ? "tier \(tier.rawValue) default" : "--min-quality"
        let qualified = input.affordable.filter { $0.model.quality >= bar }
        let ranked = qualified.sorted { rankCost($0, task) < rankCost($1, task) }

        guard let primary = ranked.first else {
            let cheapest = input.candidates[0]
            var reasons = ["no model has quality >= \(Quality.format(bar)) (\(barSource))"]
            if let cap = input.maxCost { reasons[0] += " within max cost \(Money.format(cap))" }
            reasons.append("fell back to the cheapest model, \(cheapest.model.id) (quality \(Quality.format(cheapest.model.quality)))")
            return StrategyChoice(primary: cheapest, reasons: reasons)
        }
        var reasons = [
            "cheapest of \(qualified.count) model\(qualified.count == 1 ? "" : "s") with quality >= \(Quality.format(bar)) (\(barSource))"
                + (input.maxCost.map { " within max cost \(Money.format($0))" } ?? ""),
            "\(primary.model.id): quality \(Quality.format(primary.model.quality)), estimated \(Money.format(primary.estimatedCost))",
        ]
        if primary.model.strengths.contains(task) {
            reasons.append("task bonus: \(primary.model.id) is strong at \(task.rawValue)")
        }
        return StrategyChoice(primary: primary, preferredFallbacks: Array(ranked.dropFirst()), reasons: reasons)
    }

    private func rankCost(_ candidate: Candidate, _ task: TaskKind) -> (Double, String) {
        let bonus = candidate.model.strengths.contains(task) ? Self.taskBonus : 0
        return (candidate.estimatedCost * (1 - bonus), candidate.model.id)
    }
}
