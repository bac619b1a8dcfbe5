/// How llmroute counts tokens for one model: exactly with a public OpenAI encoding, or as an
/// estimate scaled from one when the model's tokenizer is not public.
///
/// The factors are rough by nature; where they come from (also in Scripts/tokenizer/README.md):
/// - Anthropic 1.20: a public comparison of Claude 3.5 Sonnet against GPT-4o (o200k) on the same
///   inputs (VentureBeat, May 2025) found ~16% more tokens on English articles, ~21% on math
///   and ~30% on Python code. 1.20 sits between prose and code. Anthropic publishes no tokenizer.
/// - Google Gemini 1.10: Google's docs give only a rule of thumb, "a token is about 4
///   characters; 100 tokens are about 60-80 English words". On English license texts o200k
///   measured 4.7-5.0 characters and 70-76 words per 100 tokens here, so the rule implies
///   1.0 (by words) to 1.2 (by characters); 1.10 is the middle. Rough.
/// - DeepSeek 1.15: DeepSeek's docs say "1 English character ≈ 0.3 token, 1 Chinese character
///   ≈ 0.6 token". o200k measured ≈0.21 tokens per English character and ≈0.67 per Chinese
///   character here, so the rule implies 1.4 for English and 0.9 for Chinese; DeepSeek calls
///   its own figure approximate. 1.15 is a rough middle.
/// - Mistral 1.10: Mistral says its Tekken tokenizer (tiktoken-style, 131k vocabulary) compresses
///   better than Llama 3's for ~85% of languages, and ~30% better than the SentencePiece
///   tokenizer of its older models on code and several languages. No comparison with o200k was
///   found; 1.10 covers the older models. Rough.
/// - Meta Llama 3/4: cl100k_base x 1.00. Llama 3's 128k vocabulary is cl100k_base's 100k tokens
///   plus 28k mostly non-English ones, split by the same pattern, so cl100k slightly over-counts.
/// - Anything else (Qwen, Grok, Cohere, unknown ids): o200k_base x 1.10, a safety margin, not a
///   measurement, so context checks err on the side of "too long".
public struct TokenizerChoice: Sendable, Equatable {
    /// The encoding whose count is used (scaled by `factor` when not exact).
    public let encoding: TokenEncoding
    public let factor: Double
    public let exact: Bool
    /// "o200k_base" when exact, else e.g. "o200k_base x 1.20 (estimate)". Also the key under
    /// which routing shares one count among models, so it is written once, not per request.
    public let method: String

    private init(encoding: TokenEncoding, factor: Double, exact: Bool) {
        self.encoding = encoding
        self.factor = factor
        self.exact = exact
        method = exact ? encoding.rawValue : "\(encoding.rawValue) x \(Self.twoDecimals(factor)) (estimate)"
    }

    public static func exact(_ encoding: TokenEncoding) -> TokenizerChoice {
        TokenizerChoice(encoding: encoding, factor: 1, exact: true)
    }

    public static func estimate(_ encoding: TokenEncoding, factor: Double) -> TokenizerChoice {
        TokenizerChoice(encoding: encoding, factor: factor, exact: false)
    }

    /// Scales an exact count of `encoding` into this choice's count (rounded up: estimates
    /// feed context-window checks, where under-counting is the costly mistake).
    public func tokens(fromEncodingCount count: Int) -> Int {
        if exact || count == 0 { return count }
        return Int((Double(count) * factor).rounded(.up))
    }

    public func count(_ text: String) -> TokenCount {
        let base = BPETokenizer.shared(encoding).count(text)
        return TokenCount(tokens: tokens(fromEncodingCount: base), exact: exact, method: method)
    }

    // MARK: Model -> tokenizer

    public static let anthropicFactor = 1.20
    public static let geminiFactor = 1.10
    public static let deepSeekFactor = 1.15
    public static let mistralFactor = 1.10
    public static let unknownFactor = 1.10

    /// Substring test on UTF-8 bytes. The standard library's `String.contains(String)` comes
    /// from _StringProcessing and instantiates generic searcher types on first use, which costs
    /// more than the whole search at start-up (seen in `route` profiles).
    static func bytes(of text: String, contain word: String) -> Bool {
        let haystack = Array(text.utf8), needle = Array(word.utf8)
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Picks by model id first (hosts such as Groq, Bedrock or OpenRouter serve many families),
    /// then by provider key.
    public static func forModel(id: String, provider: String) -> TokenizerChoice {
        let key = id + "\u{0}" + provider
        if let known = chosen.withLock({ $0[key] }) { return known }
        let choice = choose(id: id, provider: provider)
        // Bounded: ids come from the catalog and config, but a long-running gateway should not
        // grow without limit on whatever names it is sent.
        chosen.withLock { if $0.count < 4096 { $0[key] = choice } }
        return choice
    }

    /// Every request routes over the whole pool, asking for each model's tokenizer; the
    /// answer never changes within a process, so it is worked out once per model.
    private static let chosen = Locked<[String: TokenizerChoice]>([:])

    static func choose(id: String, provider: String) -> TokenizerChoice {
        let name = normalizedModelName(id)
        if let encoding = openAIEncoding(name) { return .exact(encoding) }
        let family = families.first { entry in entry.keywords.contains { Self.bytes(of: name, contain: $0) } }
        if let family { return family.choice }

        switch provider.lowercased() {
        case "anthropic": return .estimate(.o200kBase, factor: anthropicFactor)
        case "gemini", "google", "vertex_ai", "vertex_ai_beta": return .estimate(.o200kBase, factor: geminiFactor)
        case "deepseek": return .estimate(.o200kBase, factor: deepSeekFactor)
        case "mistral", "codestral": return .estimate(.o200kBase, factor: mistralFactor)
        // An OpenAI model tiktoken does not know yet: new ones all use o200k_base.
        case "openai", "azure", "azure_ai": return .estimate(.o200kBase, factor: 1.0)
        default: return .estimate(.o200kBase, factor: unknownFactor)
        }
    }

    /// Families recognised by a word in the model id, whatever the host.
    private static let families: [(keywords: [String], choice: TokenizerChoice)] = [
        (["claude"], .estimate(.o200kBase, factor: anthropicFactor)),
        (["gemini", "gemma"], .estimate(.o200kBase, factor: geminiFactor)),
        (["deepseek"], .estimate(.o200kBase, factor: deepSeekFactor)),
        (["mistral", "mixtral", "codestral", "ministral", "magistral", "devstral", "pixtral"],
         .estimate(.o200kBase, factor: mistralFactor)),
        (["llama"], .estimate(.cl100kBase, factor: 1.0)),
    ]

    public static func forModel(_ model: ModelInfo) -> TokenizerChoice {
        forModel(id: model.id, provider: model.provider)
    }

    /// Lowercased, without a routing prefix ("openrouter/openai/gpt-4o" -> "gpt-4o",
    /// "ft:gpt-4o-mini:org::id" -> "gpt-4o-mini:org::id").
    static func normalizedModelName(_ id: String) -> String {
        var name = Substring(id.lowercased())
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if name.hasPrefix("ft:") { name = name.dropFirst(3) }
        return String(name)
    }

    /// tiktoken 0.14's model table (tiktoken/model.py), plus gpt-oss, whose o200k_harmony is
    /// o200k_base with extra special tokens and so counts ordinary text identically.
    static func openAIEncoding(_ name: String) -> TokenEncoding? {
        let o200kExact: Set = ["o1", "o3", "o4-mini", "gpt-5", "gpt-4.1", "gpt-4o", "gpt-4.5"]
        let o200kPrefixes = ["o1-", "o3-", "o4-mini-", "gpt-5", "gpt-4.5-", "gpt-4.1-", "chatgpt-4o-",
                             "gpt-4o-", "gpt-4o:", "gpt-oss-", "gpt-oss:", "codex-mini"]
        let cl100kExact: Set = ["gpt-4", "gpt-3.5-turbo", "gpt-3.5", "gpt-35-turbo", "davinci-002",
                                "babbage-002", "text-embedding-ada-002", "text-embedding-3-small",
                                "text-embedding-3-large"]
        let cl100kPrefixes = ["gpt-4-", "gpt-4:", "gpt-3.5-turbo", "gpt-35-turbo"]
        if o200kExact.contains(name) || o200kPrefixes.contains(where: name.hasPrefix) { return .o200kBase }
        if cl100kExact.contains(name) || cl100kPrefixes.contains(where: name.hasPrefix) { return .cl100kBase }
        return nil
    }

    /// "1.2" -> "1.20" without Foundation's String(format:).
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
