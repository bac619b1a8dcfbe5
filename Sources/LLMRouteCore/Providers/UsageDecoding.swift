/// OpenAI Chat Completions usage, in the dialects compatible hosts speak:
/// - OpenAI: `prompt_tokens` includes `prompt_tokens_details.cached_tokens`, and
///   `completion_tokens` includes `completion_tokens_details.reasoning_tokens`;
/// - DeepSeek: `prompt_cache_hit_tokens` + `prompt_cache_miss_tokens` = `prompt_tokens`;
/// - xAI and a few others: reasoning tokens are *not* in `completion_tokens` but are billed as
///   output; the tell is `total_tokens = prompt + completion + reasoning`, or more reasoning
///   than completion tokens (LiteLLM's proxy passes such usage on with `total_tokens` recomputed
///   as prompt + completion, so only the second tell survives it);
/// - LiteLLM's proxy, fronting Anthropic: `cache_creation_input_tokens` beside the rest, counted
///   inside `prompt_tokens`.
public enum OpenAIUsage {
    public static func decode(_ usage: JSONValue) -> TokenUsage {
        func count(_ value: JSONValue?) -> Int? { value?.intValue.map { max(0, $0) } }
        let hit = count(usage["prompt_cache_hit_tokens"])
        let miss = count(usage["prompt_cache_miss_tokens"])
        var prompt = count(usage["prompt_tokens"]) ?? ((hit ?? 0) + (miss ?? 0))
        let completion = count(usage["completion_tokens"]) ?? 0
        let cached = count(usage["prompt_tokens_details"]?["cached_tokens"]) ?? hit ?? 0
        let written = count(usage["cache_creation_input_tokens"])
            ?? count(usage["prompt_tokens_details"]?["cache_write_tokens"]) ?? 0
        let reasoning = count(usage["completion_tokens_details"]?["reasoning_tokens"]) ?? 0
        // A host that counted cache tokens outside prompt_tokens still billed them as input.
        prompt = max(prompt, cached + written)
        var output = completion
        let total = count(usage["total_tokens"])
        let totalSaysOutside = total == prompt + completion + reasoning && total != prompt + completion
        if reasoning > 0 && (totalSaysOutside || reasoning > completion) {
            output += reasoning
        }
        return TokenUsage(inputTokens: prompt, outputTokens: output, cacheReadTokens: cached,
                          cacheWrite5mTokens: written, reasoningTokens: min(reasoning, output))
    }
}

/// Anthropic Messages usage, merged across a stream. `input_tokens` counts only uncached input;
/// `cache_read_input_tokens` and `cache_creation_input_tokens` come beside it, the latter split
/// by lifetime in `cache_creation.ephemeral_5m_input_tokens` / `ephemeral_1h_input_tokens` when
/// the API sends the split. `message_start` carries the input side; `message_delta`'s usage is
/// cumulative, so each field it carries replaces what `message_start` said.
public struct AnthropicUsage: Sendable, Equatable {
    private var fields: [String: Int] = [:]

    public init() {}

    private static let keys = ["input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens"]
    private static let splitKeys = ["ephemeral_5m_input_tokens", "ephemeral_1h_input_tokens"]

    public mutating func merge(_ usage: JSONValue) {
        for key in Self.keys {
            if let value = usage[key]?.intValue { fields[key] = max(0, value) }
        }
        if let split = usage["cache_creation"] {
            for key in Self.splitKeys {
                if let value = split[key]?.intValue { fields[key] = max(0, value) }
            }
        }
    }

    public var usage: TokenUsage {
        let uncached = fields["input_tokens"] ?? 0
        let read = fields["cache_read_input_tokens"] ?? 0
        let split1h = fields["ephemeral_1h_input_tokens"]
        let split5m = fields["ephemeral_5m_input_tokens"]
        let written = fields["cache_creation_input_tokens"] ?? ((split5m ?? 0) + (split1h ?? 0))
        // Without the split every write has the default lifetime, 5 minutes.
        let write1h = min(written, split1h ?? 0)
        let write5m = written - write1h
        return TokenUsage(inputTokens: uncached + read + written, outputTokens: fields["output_tokens"] ?? 0,
                          cacheReadTokens: read, cacheWrite5mTokens: write5m, cacheWrite1hTokens: write1h)
    }
}
