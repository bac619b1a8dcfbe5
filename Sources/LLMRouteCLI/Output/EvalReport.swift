import LLMRouteCore

/// `llmroute eval`'s report for people: the figures, then the PGR curve as a Braille chart with
/// the random-routing diagonal for comparison.
enum EvalReport {
    /// The gap shares the report asks "what strong share recovers this much?" about.
    static let targets = [0.5, 0.8, 0.9, 0.95]

    /// `oracle` is the evaluation of the ideal ranking, for scale: the best APGR these outcomes
    /// allow is often well below 1 (when many prompts gain nothing from the strong model).
    static func text(_ evaluation: RoutingEvaluation, oracle: RoutingEvaluation?, source: EvalSource,
                     bootstrap: APGRBootstrap?, console: Console) -> String {
        func row(_ label: String, _ value: String) -> String {
            console.style(HelpRenderer.pad(label, 13), .bold) + value + "\n"
        }
        var out = row("prompts", "\(evaluation.count) (\(source.description))")
        out += row("weak mean", number(evaluation.weakMean))
        out += row("strong mean", number(evaluation.strongMean) + "  (gap \(number(evaluation.gap)))")
        guard let apgr = evaluation.apgr else { return out }
        out += row("APGR", console.style(number(apgr), .green) + "  (random routing 0.5; higher is better)")
        if let best = oracle?.apgr {
            out += row("", "best possible on this data \(number(best)) (prompts ranked by strong − weak)")
        }
        if let bootstrap {
            if let low = bootstrap.low, let high = bootstrap.high {
                out += row("", "95% interval \(number(low)) to \(number(high)) "
                    + "(\(bootstrap.used) bootstrap resamples, seed \(bootstrap.seed))")
            } else {
                out += row("", "no bootstrap interval: no resample had a gap between the means")
            }
        }
        out += console.style("strong share needed to recover", .bold) + "\n"
        for target in targets {
            let share = evaluation.shareReaching(target).map(percent) ?? "not reached"
            out += "  " + HelpRenderer.pad("\(Int(target * 100))% of the gap", 16) + share + "\n"
        }
        if evaluation.gap < 0 {
            out += "note: the strong model does worse than the weak one on average here; PGR is measured against that negative gap\n"
        }
        out += "\n" + chart(evaluation, apgr: apgr, console: console)
        return out
    }

    /// The curve, the diagonal, their legend, and a note when PGR leaves the drawn 0-1 range.
    static func chart(_ evaluation: RoutingEvaluation, apgr: Double, console: Console) -> String {
        let series = [
            BrailleChart.Series(style: .cyan, dotted: false) { evaluation.pgr(atShare: $0) ?? 0 },
            BrailleChart.Series(style: .dim, dotted: true) { $0 },
        ]
        var out = console.style("PGR", .bold) + " (share of the weak-to-strong quality gap recovered) by strong-model share\n"
        let (drawing, clamped) = BrailleChart().render(
            series,
            yTicks: [(1, "1.0"), (0.75, "0.75"), (0.5, "0.5"), (0.25, "0.25"), (0, "0.0")],
            xTicks: [(0, "0%"), (0.25, "25%"), (0.5, "50%"), (0.75, "75%"), (1, "100%")],
            xTitle: "share of prompts sent to the strong model", console: console)
        out += drawing
        out += "  " + console.style("⠤⠤", .cyan) + " this router (APGR \(FixedPoint.format(apgr, digits: 3)))   "
            + console.style("⠁⠈", .dim) + " random routing (APGR 0.5)\n"
        if clamped, let range = evaluation.pgrRange {
            var outside: [String] = []
            if range.lowerBound < 0 { outside.append("below 0 (down to \(FixedPoint.format(range.lowerBound, digits: 3)))") }
            if range.upperBound > 1 { outside.append("above 1 (up to \(FixedPoint.format(range.upperBound, digits: 3)))") }
            out += "note: PGR goes \(outside.joined(separator: " and ")) at some shares; the chart draws those stretches at its edge\n"
        }
        return out
    }

    static func number(_ value: Double) -> String { FixedPoint.format(value, digits: 4) }

    static func percent(_ share: Double) -> String { FixedPoint.format(share * 100, digits: 1) + "%" }
}
