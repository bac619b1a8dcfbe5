import LLMRouteCore

/// JSON shapes of `ask --json` and `ask --jsonl`.
enum AskJSON {
    /// Totals first (what they always were), then the buckets they are billed in.
    static func usage(_ usage: TokenUsage) -> JSONValue {
        .object([
            ("input_tokens", .integer(usage.inputTokens)), ("output_tokens", .integer(usage.outputTokens)),
            ("uncached_input_tokens", .integer(usage.uncachedInputTokens)),
            ("cache_read_tokens", .integer(usage.cacheReadTokens)),
            ("cache_write_5m_tokens", .integer(usage.cacheWrite5mTokens)),
            ("cache_write_1h_tokens", .integer(usage.cacheWrite1hTokens)),
            ("reasoning_tokens", .integer(usage.reasoningTokens)),
        ])
    }

    static func attempts(_ attempts: [Attempt]) -> JSONValue {
        .array(attempts.map { attempt in
            var pairs: [(String, JSONValue)] = [
                ("provider", .string(attempt.provider)), ("model", .string(attempt.model)), ("outcome", .string(attempt.outcome)),
            ]
            if let endpoint = attempt.endpoint { pairs.append(("base_url", .string(endpoint))) }
            if let message = attempt.message { pairs.append(("message", .string(message))) }
            return .object(pairs)
        })
    }

    /// Cost from the usage the API reported, each bucket at the catalog's price for it.
    static func cost(_ result: ChatResult) -> Double {
        result.model.cost(result.usage)
    }

    static func result(_ result: ChatResult, attempts: [Attempt], latency: Double) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("text", .string(result.text)),
            ("model", .string(result.model.id)),
            ("provider", .string(result.model.provider)),
            ("usage", usage(result.usage)),
            ("cost_usd", .number(cost(result))),
            ("latency_ms", .integer(Int((latency * 1000).rounded()))),
            ("ttft_ms", result.timeToFirstToken.map { .integer(Int(($0 * 1000).rounded())) } ?? .null),
            ("stop_reason", result.stopReason.map(JSONValue.string) ?? .null),
        ]
        if !result.reasoning.isEmpty { pairs.append(("reasoning", .string(result.reasoning))) }
        pairs.append(("attempts", Self.attempts(attempts)))
        return .object(pairs)
    }

    static func failure(_ message: String, attempts: [Attempt]) -> JSONValue {
        .object([("error", .string(message)), ("attempts", self.attempts(attempts))])
    }

    /// The request `--dry-run` shows: URL, headers with the key masked, body.
    static func request(_ prepared: PreparedRequest, model: ModelInfo) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("model", .string(model.id)),
            ("provider", .string(model.provider)),
            ("method", .string("POST")),
            ("url", .string(prepared.url)),
            ("headers", .object(prepared.maskedHeaders.map { ($0.0, .string($0.1)) })),
            ("body", prepared.body),
        ]
        if !prepared.notes.isEmpty { pairs.append(("notes", .array(prepared.notes.map(JSONValue.string)))) }
        return .object(pairs)
    }
}
