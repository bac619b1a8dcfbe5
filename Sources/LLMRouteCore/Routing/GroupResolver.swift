/// Picks from an ordered model group (tier, task and threshold strategies share this):
/// the first member that is a candidate and within the cost cap wins; the rest are fallbacks.
enum GroupResolver {
    static func resolve(group: [String], label: String, input: StrategyInput) -> StrategyChoice {
        var reasons: [String] = []
        let members = group.compactMap { input.candidate(named: $0) }
        let missing = group.filter { input.candidate(named: $0) == nil }
        let affordable = members.filter { input.maxCost == nil || $0.estimatedCost <= input.maxCost! }

        if let primary = affordable.first {
            reasons.append("\(label) -> [\(group.joined(separator: ", "))]: \(primary.model.id)")
            if !missing.isEmpty, primary.model.id != group.first {
                reasons.append("skipped \(missing.joined(separator: ", ")): not available (no API key, excluded or unknown)")
            }
            let skippedForCost = members.filter { !affordable.contains($0) }
            if !skippedForCost.isEmpty, let cap = input.maxCost {
                let names = skippedForCost.map(\.model.id).joined(separator: ", ")
                reasons.append("skipped \(names): estimated cost above max cost \(Money.format(cap))")
            }
            return StrategyChoice(primary: primary, preferredFallbacks: Array(affordable.dropFirst()), reasons: reasons)
        }

        // Nothing of the group can be used: take the cheapest candidate that clears the tier's
        // quality bar, so an unavailable group degrades to "similar model" rather than "any model".
        let bar = input.policy.minQualityByTier[input.classification.tier] ?? 0
        let pool = input.affordable.isEmpty ? input.candidates : input.affordable
        let qualified = pool.filter { $0.model.quality >= bar }
        let primary = qualified.first ?? pool.max { $0.model.quality < $1.model.quality }!
        if members.isEmpty {
            reasons.append("\(label) -> [\(group.joined(separator: ", "))]: none available")
        } else {
            reasons.append("\(label) -> [\(group.joined(separator: ", "))]: all above max cost \(Money.format(input.maxCost ?? 0))")
        }
        if input.affordable.isEmpty, let cap = input.maxCost {
            reasons.append("no model fits max cost \(Money.format(cap)); chose \(primary.model.id) anyway")
        } else if qualified.isEmpty {
            reasons.append("no candidate reaches quality \(Quality.format(bar)); chose the best available, \(primary.model.id)")
        } else {
            reasons.append("chose \(primary.model.id), the cheapest available with quality >= \(Quality.format(bar))")
        }
        return StrategyChoice(primary: primary, reasons: reasons)
    }
}

/// Formatting shared by reasons and output, so numbers read the same everywhere.
public enum Money {
    /// `$0.000123` style: enough digits to see sub-cent costs.
    public static func format(_ usd: Double) -> String {
        if usd == 0 { return "$0" }
        if usd >= 1 { return "$" + FixedPoint.format(usd, digits: 2) }
        if usd >= 0.01 { return "$" + FixedPoint.format(usd, digits: 4) }
        return "$" + FixedPoint.format(usd, digits: 6)
    }
}

public enum Quality {
    public static func format(_ value: Double) -> String { FixedPoint.format(value, digits: 2) }
}
