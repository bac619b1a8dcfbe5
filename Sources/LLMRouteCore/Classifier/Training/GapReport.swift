#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How well the strong-model score routes, measured on graded outcomes the way RouteLLM does
/// (APGR, `RoutingEvaluation`), next to simpler scores: cross-validated with folds grouped by
/// prompt, and leave-one-source-out (trained without a source, tested on it: how far
/// within-kind difficulty carries to a kind of data it never saw). Printed by
/// `make train-classifier` and copied into docs/classifier.md.
public struct GapReport: Sendable {
    public var examples: [OutcomeExample]
    public var inputs: [GapInputs]
    /// Other scores of the same examples, by name (prompt length, the heuristic, ...).
    public var baselines: [(name: String, scores: [Double])]
    public var trainer = GapTrainer()
    public var folds = 5
    public var bootstrapResamples = 1000

    public init(examples: [OutcomeExample], inputs: [GapInputs], baselines: [(name: String, scores: [Double])]) {
        self.examples = examples
        self.inputs = inputs
        self.baselines = baselines
    }

    var sources: [String] { Array(Set(examples.map(\.source))).sorted() }

    /// The fold of an example: a hash of its prompt, so a prompt that appears twice is always
    /// on one side.
    func fold(_ index: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in examples[index].prompt.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(hash % UInt64(folds))
    }

    /// Held-out scores: each example scored by a head that never saw it (or its source).
    func heldOutScores(leaveSourceOut: Bool) -> [Double] {
        var scores = [Double](repeating: 0, count: examples.count)
        let groups: [Int] = leaveSourceOut ? Array(sources.indices) : Array(0..<folds)
        let sourceList = sources
        for group in groups {
            let held = { (index: Int) in leaveSourceOut ? examples[index].source == sourceList[group] : fold(index) == group }
            let training = examples.indices.filter { !held($0) }
            let head = trainer.fit(inputs: inputs, examples: examples, subset: training)
            for index in examples.indices where held(index) { scores[index] = head.score(inputs[index]) }
        }
        return scores
    }

    /// The same number of prompts from every source (the smallest source's count, first in
    /// file order): the mixed traffic on which kind priors matter.
    func pooledIndices() -> [Int] {
        let smallest = sources.map { source in examples.filter { $0.source == source }.count }.min() ?? 0
        return sources.flatMap { source in examples.indices.filter { examples[$0].source == source }.prefix(smallest) }
    }

    func cell(_ scores: [Double], _ indices: [Int]) -> String {
        let evaluation = RoutingEvaluation(indices.map {
            RoutedOutcome(score: scores[$0], weak: examples[$0].weak, strong: examples[$0].strong)
        })
        guard let apgr = evaluation.apgr else { return "n/a" }
        let interval = APGRBootstrap(evaluation, resamples: bootstrapResamples)
        guard let low = interval.low, let high = interval.high else { return fixed(apgr) }
        return "\(fixed(apgr)) [\(fixed(low))–\(fixed(high))]"
    }

    /// The report as Markdown tables.
    public func text(shipped: GapHead) -> String {
        let crossValidated = heldOutScores(leaveSourceOut: false)
        let leaveOneOut = heldOutScores(leaveSourceOut: true)
        let columns = sources.map { source in examples.indices.filter { examples[$0].source == source } } + [pooledIndices()]
        var lines = ["APGR (95% bootstrap interval, \(bootstrapResamples) resamples); random routing = 0.5", ""]
        lines.append("| score | " + (sources + ["pooled (equal per source)"]).joined(separator: " | ") + " |")
        lines.append("|---|" + String(repeating: "---|", count: columns.count))
        let rows = [("**learned score, \(folds)-fold CV**", crossValidated), ("learned score, source left out", leaveOneOut)]
            + baselines.map { ($0.name, $0.scores) }
        for (name, scores) in rows {
            lines.append("| \(name) | " + columns.map { cell(scores, $0) }.joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append("Per source: mean target (1 − weak) × strong, mean cross-validated score")
        lines.append("")
        lines.append("| source | prompts | weak mean | strong mean | mean target | mean score |")
        lines.append("|---|---|---|---|---|---|")
        for (source, indices) in zip(sources, columns) {
            func mean(_ value: (Int) -> Double) -> String { fixed(indices.reduce(0) { $0 + value($1) } / Double(indices.count)) }
            lines.append("| \(source) | \(indices.count) | \(mean { examples[$0].weak }) | \(mean { examples[$0].strong }) | "
                         + "\(mean { examples[$0].target }) | \(mean { crossValidated[$0] }) |")
        }
        lines.append("")
        lines += Self.describe(shipped)
        return lines.joined(separator: "\n")
    }

    /// Every learned constant of the shipped head that a reader can check: the kind priors,
    /// the shape weights, the largest kind × shape weights and the tier cuts.
    public static func describe(_ head: GapHead) -> [String] {
        var lines = ["Learned kind gap priors (score of a prompt wholly of that kind, no shape feature): "
                     + zip(TaskKind.allCases, head.kind).map { "\($0.rawValue) \(fixed(1 / (1 + exp(-Double(head.bias + $1)))))" }
                        .joined(separator: ", ")]
        lines.append("bias \(fixed(Double(head.bias))); kind weights " + head.kind.map { fixed(Double($0)) }.joined(separator: " "))
        let shapes = zip(GapInputs.structuralNames, head.shape).sorted { abs($0.1) > abs($1.1) }.prefix(12)
        lines.append("largest shape weights (logit): " + shapes.map { "\($0.0) \(signed(Double($0.1)))" }.joined(separator: ", "))
        let within = head.within.indices.sorted { abs(head.within[$0]) > abs(head.within[$1]) }.prefix(12).map { index in
            "\(TaskKind.allCases[index / GapHead.shapes].rawValue)×\(GapInputs.structuralNames[index % GapHead.shapes]) "
                + signed(Double(head.within[index]))
        }
        lines.append("largest kind × shape weights (logit): " + within.joined(separator: ", "))
        lines.append("tier cuts on the score (simple | medium | complex | expert): "
                     + head.tierCuts.map { fixed(Double($0)) }.joined(separator: " | "))
        return lines
    }
}

private func fixed(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    var text = String(scaled)
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        if decimals < 3 { text += String(repeating: "0", count: 3 - decimals) }
    }
    return text
}

private func signed(_ value: Double) -> String { (value >= 0 ? "+" : "") + fixed(value) }
