/// Hidden reasoning tokens a reasoning model spends per visible answer token, so that `route`
/// and `cost` price what the invoice will show: reasoning is billed as output.
///
/// Until the user's own ledger holds `minimumCalls` answered calls of a model, a default per
/// model family applies (llmroute's assumption, not a provider's figure: OpenAI's reasoning
/// guide says reasoning takes "from a few hundred to tens of thousands of tokens" with no
/// typical ratio, so these are mid-range multiples of the answer):
/// - OpenAI reasoning models (o-series, gpt-5 and later): 4x, at the API's default `medium` effort;
/// - xAI, DeepSeek and other OpenAI-protocol reasoning models: 4x;
/// - Gemini (thinks by default, with a dynamic budget): 3x;
/// - Anthropic: 0, since Claude thinks only when the request enables extended thinking, and
///   llmroute never does;
/// - models without the `reasoning` capability: 0.
/// Then the median of reasoning / answer tokens over its last calls replaces it. The medians
/// live in a small file beside the ledger (`reasoning-ratios.tsv`), rewritten after a call of
/// a reasoning model is recorded, so `route` reads a few bytes and never opens the ledger.
public struct ReasoningRatios: Sendable, Equatable {
    public struct Learned: Sendable, Equatable {
        public var ratio: Double
        public var calls: Int

        public init(ratio: Double, calls: Int) {
            self.ratio = ratio
            self.calls = calls
        }
    }

    /// Calls of one model the ledger must hold before its median replaces the default.
    public static let minimumCalls = 20
    /// The median is taken over at most this many of a model's latest calls.
    public static let sampleLimit = 200
    public static let fileName = "reasoning-ratios.tsv"

    public var learned: [String: Learned]

    public init(learned: [String: Learned] = [:]) { self.learned = learned }

    public static func defaultRatio(for model: ModelInfo) -> Double {
        guard model.reasons, model.api != .anthropic else { return 0 }
        return model.provider == "gemini" ? 3 : 4
    }

    /// The ratio that applies to `model`, and where it comes from (for reasons and `--json`).
    public func ratio(for model: ModelInfo) -> (ratio: Double, source: String) {
        if model.reasons, let mine = learned[model.id], mine.calls >= Self.minimumCalls {
            return (mine.ratio, "median of your last \(mine.calls) calls")
        }
        let ratio = Self.defaultRatio(for: model)
        return (ratio, ratio == 0 ? "none" : "default for the model family")
    }

    /// Hidden reasoning tokens expected on top of `answerTokens`.
    public func hiddenTokens(for model: ModelInfo, answerTokens: Int) -> Int {
        Int((Double(answerTokens) * ratio(for: model).ratio).rounded())
    }

    /// The median of reasoning / answer over calls given as (reasoning, output) token pairs.
    public static func median(_ samples: [(reasoning: Int, output: Int)]) -> Double? {
        let ratios = samples.map { Double($0.reasoning) / Double(max(1, $0.output - $0.reasoning)) }.sorted()
        guard !ratios.isEmpty else { return nil }
        let middle = ratios.count / 2
        return ratios.count % 2 == 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2
    }

    /// "model<TAB>ratio<TAB>calls" lines; anything else in the file is ignored.
    public init(fileText: String) {
        var learned: [String: Learned] = [:]
        for line in fileText.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, let ratio = Double(fields[1]), ratio.isFinite, ratio >= 0,
                  let calls = Int(fields[2]), calls > 0 else { continue }
            learned[String(fields[0])] = Learned(ratio: ratio, calls: calls)
        }
        self.init(learned: learned)
    }

    public var fileText: String {
        learned.keys.sorted().map { "\($0)\t\(learned[$0]!.ratio)\t\(learned[$0]!.calls)\n" }.joined()
    }

    /// Where the medians are kept: beside the ledger, in llmroute's data folder.
    public static func path(dataHome: String) -> String { dataHome + "/" + fileName }

    /// The learned medians kept at `path`, or none when the file is missing or unreadable.
    public static func load(path: String) -> ReasoningRatios {
        guard let bytes = try? FileIO.read(path) else { return ReasoningRatios() }
        return ReasoningRatios(fileText: String(decoding: bytes, as: UTF8.self))
    }
}
