import CLLMRouteData

/// A public OpenAI BPE encoding that llmroute can count exactly (tiktoken's names).
public enum TokenEncoding: String, CaseIterable, Sendable {
    /// GPT-4o, GPT-4.1, GPT-4.5, GPT-5, o1/o3/o4-mini, gpt-oss (o200k_harmony = o200k_base
    /// plus special tokens, identical for ordinary text).
    case o200kBase = "o200k_base"
    /// GPT-4, GPT-3.5-turbo, text-embedding-3-*.
    case cl100kBase = "cl100k_base"

    /// SHA-256 of the published .tiktoken file the embedded vocabulary was built from
    /// (the same value tiktoken pins in `tiktoken_ext/openai_public.py`).
    public var sourceSHA256: String {
        switch self {
        case .o200kBase: "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
        case .cl100kBase: "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"
        }
    }

    /// The linked-in vocabulary blob (Sources/CLLMRouteData/vocab.S).
    var blob: llmroute_blob {
        switch self {
        case .o200kBase: llmroute_vocab_o200k()
        case .cl100kBase: llmroute_vocab_cl100k()
        }
    }
}
