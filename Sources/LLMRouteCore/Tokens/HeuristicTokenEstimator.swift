/// The design sketch's estimate (about four bytes of text per token), used when no exact
/// tokenizer applies. Counted on UTF-8 bytes so non-Latin text is not undercounted as badly as
/// with characters. Always reported as an estimate.
public struct HeuristicTokenEstimator: TokenEstimator {
    public init() {}

    public func count(_ text: String, for model: ModelInfo) -> TokenCount {
        TokenCount(tokens: (text.utf8.count + 3) / 4, exact: false, method: "bytes/4 (estimate)")
    }

    public func sharingKey(for model: ModelInfo) -> String { "bytes/4" }
}
