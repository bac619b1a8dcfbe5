// llmroute-train: trains the local prompt classifier (the task head from labeled prompts, the
// strong-model score from graded outcomes), prints the cross-validated reports and writes the
// weights blob linked into llmroute.
//
//   llmroute-train [--data labeled.jsonl] [--out Sources/CLLMRouteData/blobs/classifier.bin]
//                  [--folds 5] [--no-cv] [--baseline] [variant options]
//
// Deterministic: the same data and options give a byte-identical blob (see mk/classifier.mk).
import Foundation
import LLMRouteCore

struct Options {
    var data = "data/classifier/labeled.jsonl"
    var outcomes = "data/outcomes"
    var out: String? = "Sources/CLLMRouteData/blobs/classifier.bin"
    var crossValidate = true
    var baseline = false
    var dumpPredictions: String?
    var configuration = TrainingConfiguration()
    var gap = GapTrainer()
}

func usage() -> Never {
    FileHandle.standardError.write(Data("""
    usage: llmroute-train [--data FILE] [--outcomes DIR] [--gap-l2 X] [--gap-iterations N] [--out FILE | --no-write] [--folds N] [--no-cv] [--baseline]
                          [--hash-bits N] [--no-char-grams | --char-grams 3,4,5] [--tier-head softmax|ordinal|blend] [--iterations N]
                          [--learning-rate X] [--l2 X] [--tier-l2 X] [--task-l2 X] [--difficulty-l2 X]
                          [--class-weight-power X] [--score-cut N] [--scales W,P,C,F] [--structural-scale X]

    """.utf8))
    exit(2)
}

func parseOptions(_ arguments: [String]) -> Options {
    var options = Options()
    var iterator = arguments.makeIterator()
    func value() -> String {
        guard let text = iterator.next() else { usage() }
        return text
    }
    func number() -> Float {
        guard let number = Float(value()) else { usage() }
        return number
    }
    func integer() -> Int {
        guard let integer = Int(value()) else { usage() }
        return integer
    }
    while let argument = iterator.next() {
        switch argument {
        case "--data": options.data = value()
        case "--outcomes": options.outcomes = value()
        case "--gap-l2": options.gap.l2 = Double(number())
        case "--gap-iterations": options.gap.iterations = integer()
        case "--out": options.out = value()
        case "--no-write": options.out = nil
        case "--folds": options.configuration.folds = integer()
        case "--no-cv": options.crossValidate = false
        case "--baseline": options.baseline = true
        case "--dump-predictions": options.dumpPredictions = value()
        case "--hash-bits": options.configuration.features.hashBits = integer()
        case "--no-char-grams": options.configuration.features.characterGramLengths = 0
        case "--char-grams":
            options.configuration.features.characterGramLengths = value().split(separator: ",")
                .compactMap { UInt32($0) }.filter { (2...8).contains($0) }.reduce(0) { $0 | (1 << $1) }
        case "--tier-head": options.configuration.tierHead = ["softmax": .softmax, "ordinal": .ordinal, "blend": .blend][value()] ?? .blend
        case "--iterations": options.configuration.iterations = integer()
        case "--learning-rate": options.configuration.learningRate = number()
        case "--l2":
            let l2 = number()
            options.configuration.tierL2 = l2
            options.configuration.taskL2 = l2
            options.configuration.difficultyL2 = l2
        case "--tier-l2": options.configuration.tierL2 = number()
        case "--task-l2": options.configuration.taskL2 = number()
        case "--difficulty-l2": options.configuration.difficultyL2 = number()
        case "--class-weight-power": options.configuration.classWeightPower = number()
        case "--score-cut": options.configuration.scoreCut = integer()
        case "--scales": options.configuration.features.namespaceScales = value().split(separator: ",").map { Float($0) ?? 1 }
        case "--structural-scale": options.configuration.features.structuralScale = number()
        default: usage()
        }
    }
    return options
}

/// Reads labeled.jsonl: one {"id","source","prompt","tier","task","difficulty"} object a line.
func loadLabeled(_ path: String) throws -> [LabeledPrompt] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var prompts: [LabeledPrompt] = []
    for (number, line) in text.split(separator: "\n").enumerated() where !line.isEmpty {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let prompt = object["prompt"] as? String,
              let tier = (object["tier"] as? String).flatMap(Tier.init(rawValue:)),
              let task = (object["task"] as? String).flatMap(TaskKind.init(rawValue:)),
              let difficulty = object["difficulty"] as? Int
        else {
            throw NSError(domain: "llmroute-train", code: 1,
                          userInfo: [NSLocalizedDescriptionKey: "\(path):\(number + 1): not a labeled prompt"])
        }
        prompts.append(LabeledPrompt(id: object["id"] as? String ?? "line \(number + 1)",
                                     source: object["source"] as? String ?? "", prompt: prompt,
                                     tier: tier, task: task, difficulty: difficulty))
    }
    return prompts
}

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
let data: [LabeledPrompt]
let outcomes: [OutcomeExample]
do {
    data = try loadLabeled(options.data)
    let groups = try OutcomeLoader.groups(options.outcomes + "/routing-pairs.tsv")
    outcomes = try OutcomeLoader.load(files: [options.outcomes + "/graded.jsonl", options.outcomes + "/alpacaeval.jsonl"],
                                      groups: groups)
} catch {
    FileHandle.standardError.write(Data("llmroute-train: \(error.localizedDescription)\n".utf8))
    exit(1)
}
let clock = ContinuousClock()
let started = clock.now
print("llmroute-train: \(data.count) labeled prompts from \(options.data), \(outcomes.count) graded prompts from \(options.outcomes)")
if options.baseline {
    print("heuristic classifier (no training) on the same prompts:")
    print(ClassifierTrainer.evaluate(HeuristicClassifier(), on: data).summary)
}
if options.crossValidate {
    print("## Task head (and the LLM-label tier and difficulty heads), against the LLM labels")
    let report = ClassifierTrainer.crossValidate(data, configuration: options.configuration)
    print(report.text)
    print("summary: " + report.summary)
    if let path = options.dumpPredictions {
        // One JSON array per prompt: tier probabilities, task probabilities, difficulty score.
        let lines = report.predictions.map { p in
            "[" + (p.tierProbabilities + p.taskProbabilities + [p.difficultyScore]).map { String($0) }.joined(separator: ",") + "]"
        }
        try? (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
// The score reads the kind from the task head as it ships (quantised), so that head is trained
// first and the score is fitted on its outputs.
var weights = ClassifierTrainer.train(data, configuration: options.configuration)
let taskHead = LocalClassifier(weights: weights)
let outcomeInputs = outcomes.map { taskHead.gapInputs($0.prompt)! }
weights.gap = options.gap.fit(inputs: outcomeInputs, examples: outcomes, subset: Array(outcomes.indices))
weights.gap.tierCuts = GapTrainer.tierCuts(head: weights.gap, reference: data.map { taskHead.gapInputs($0.prompt)! },
                                           labels: data.map(\.tier))
if options.crossValidate {
    print("\n## Strong-model score, against graded outcomes")
    let heuristic = HeuristicClassifier()
    var report = GapReport(examples: outcomes, inputs: outcomeInputs, baselines: [
        ("prompt length", outcomes.map { Double($0.prompt.utf8.count) }),
        ("heuristic classifier", outcomes.map { heuristic.classify($0.prompt).score }),
        ("previous score (LLM-difficulty head)", outcomeInputs.map(\.llmDifficulty)),
    ])
    report.trainer = options.gap
    print(report.text(shipped: weights.gap))
}
if let out = options.out {
    let bytes = ClassifierModelLayout.serialize(weights)
    do {
        try Data(bytes).write(to: URL(fileURLWithPath: out))
    } catch {
        FileHandle.standardError.write(Data("llmroute-train: cannot write \(out): \(error.localizedDescription)\n".utf8))
        exit(1)
    }
    print("wrote \(out): \(bytes.count) bytes (\(weights.features.rowCount) rows × \(weights.columns.count) columns + score head)")
}
print("done in \(clock.now - started)")
