/// The `TokenEstimator` routing, cost and context checks use: exact tiktoken counts for OpenAI
/// models, and for models whose tokenizer is not public an o200k_base count scaled by a
/// per-provider factor, reported with `exact: false` and a method ending in "(estimate)".
/// See `TokenizerChoice` for the model table and where each factor comes from.
public struct TiktokenEstimator: TokenEstimator {
    public init() {}

    public func count(_ text: String, for model: ModelInfo) -> TokenCount {
        TokenizerChoice.forModel(model).count(text)
    }

    /// Same encoding and factor, same count.
    public func sharingKey(for model: ModelInfo) -> String { TokenizerChoice.forModel(model).method }

    /// The same, for callers that have a model id but no catalog entry.
    public func count(_ text: String, modelID: String, provider: String = "") -> TokenCount {
        TokenizerChoice.forModel(id: modelID, provider: provider).count(text)
    }
}
