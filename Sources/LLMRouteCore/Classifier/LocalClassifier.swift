/// The learned local classifier: the kind of prompt (task) from a linear model over hashed
/// words, word pairs, character n-grams and structural features trained on an LLM's labels,
/// then the strong-model score from that kind and the prompt's shape, trained on graded
/// outcomes (`GapHead`; see docs/classifier.md). Runs in microseconds with no network; the weights are
/// linked into the binary and read in place.
public struct LocalClassifier: PromptClassifier {
    public let name = "local"
    public static let shared = LocalClassifier()

    private let model: ClassifierModel?
    var bundledOrGiven: ClassifierModel? { model }

    /// Cheap: the bundled weights are checked once, on first use, and never copied.
    public init() {
        model = try? ClassifierModel.bundled.get()
    }

    /// A classifier over other weights (tests, experiments).
    public init(weights: ClassifierWeights) {
        model = ClassifierModel(weights: weights)
    }

    /// Why the bundled weights could not be used, or nil when they load.
    public static var bundledWeightsError: String? {
        switch ClassifierModel.bundled {
        case .success: nil
        case .failure(let error): "\(error)"
        }
    }

    /// The `threshold` strategy's default: the score's medium|complex cut, so that threshold
    /// routing sends to the strong group exactly the prompts the tiers call complex or expert
    /// (0.5 if the weights do not load).
    public static var defaultThreshold: Double {
        (bundledWeightsInfo?.gap.tierCuts[1]).map { Double($0) } ?? 0.5
    }

    /// The bundled weights' header (shape, version, training size); nil if they don't load.
    public static var bundledWeightsInfo: ClassifierWeights? { try? ClassifierModel.bundled.get().header }

    public func classify(_ prompt: String) -> Classification { classify(prompt, explain: true) }

    /// `explain: false` skips reasons and contributions (same labels and score, about half the
    /// cost on short prompts): for bulk paths such as `classify --jsonl`.
    public func classify(_ prompt: String, explain: Bool) -> Classification {
        guard let model else {
            // Unreachable with a good build (tests check the blob); never crash a route over it.
            var fallback = HeuristicClassifier().classify(prompt)
            fallback.reasons.append("local classifier weights unavailable: used heuristic rules")
            return fallback
        }
        return PromptSample.withBytes(of: prompt) { bytes, sample in
            var sink = ScoringSink(model: model, explain: explain, byteCount: bytes.count)
            let (shape, counts) = model.extractor.extract(bytes, sample: sample, into: &sink)
            let outputs = ClassifierDecoding.decode(sums: sink.sums(counts: counts), structural: sink.structuralMask,
                                                    weights: model.header)
            // The tier is a cut of the score, so the call that can be unsure is the kind.
            let confidence = outputs.taskProbabilities[TaskKind.allCases.firstIndex(of: outputs.task)!]
            guard explain else {
                return Classification(tier: outputs.tier, task: outputs.task, score: outputs.score,
                                      confidence: confidence, reasons: [], sampled: sample.sampled)
            }
            let contributions = ClassifierExplanation.contributions(
                outputs: outputs, weights: model.header, sink: sink, counts: counts, bytes: bytes)
            return Classification(
                tier: outputs.tier, task: outputs.task, score: outputs.score, confidence: confidence,
                reasons: ClassifierExplanation.reasons(outputs: outputs, weights: model.header, shape: shape,
                                                       contributions: contributions),
                contributions: contributions, sampled: sample.sampled)
        }
    }

    /// Per-column sums for a prompt (tests compare them with the trainer's own computation).
    func columnSums(_ prompt: String) -> [Float]? {
        guard let model else { return nil }
        return PromptSample.withBytes(of: prompt) { bytes, sample in
            var sink = ScoringSink(model: model, explain: false, byteCount: bytes.count)
            let (_, counts) = model.extractor.extract(bytes, sample: sample, into: &sink)
            return sink.sums(counts: counts)
        }
    }
}
