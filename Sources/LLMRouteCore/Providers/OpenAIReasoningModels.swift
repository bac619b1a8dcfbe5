/// OpenAI's reasoning models (o1, o3, o4-mini, the gpt-5 and later families) reject `max_tokens`
/// ("Unsupported parameter: 'max_tokens' is not supported with this model. Use
/// 'max_completion_tokens' instead.") and accept only the default temperature (1). The API
/// reference marks `max_tokens` deprecated and "not compatible with o-series models";
/// `max_completion_tokens` bounds visible plus reasoning tokens. Other OpenAI-compatible
/// servers (Ollama, llama.cpp, older vLLM) only know `max_tokens`, so the new field is sent
/// only to models of these families.
public enum OpenAIReasoningModels {
    /// True for o1, o1-mini, o3, o3-pro, o4-mini, gpt-5*, gpt-6* (by id), and for any model of the
    /// `openai` provider that the catalog or config marks with the reasoning capability.
    public static func matches(_ model: ModelInfo) -> Bool {
        if model.provider == "openai" && model.capabilities.contains(.reasoning) { return true }
        return matches(id: model.id)
    }

    public static func matches(id: String) -> Bool {
        let bytes = Array(id.lowercased().utf8)
        // o<digits> followed by the end or a dash: o1, o3-mini, o4-mini-2025-04-16 (not "omni-x").
        if bytes.first == UInt8(ascii: "o") {
            var index = 1
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            if index > 1 && (index == bytes.count || bytes[index] == UInt8(ascii: "-")) { return true }
        }
        // gpt-5 and later, except the non-reasoning chat snapshots (gpt-5-chat-latest).
        for family in ["gpt-5", "gpt-6", "gpt-7"] where id.lowercased().hasPrefix(family) {
            return !id.lowercased().contains("-chat")
        }
        return false
    }
}
