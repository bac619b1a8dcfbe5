import Testing
@testable import LLMRouteCore

/// Usage decoded into billing buckets from whole recorded-shaped streams of every protocol
/// variant (written from each provider's documented format): the last usage event is what
/// `ChatCall` keeps, so that is what these check.
@Suite("Usage buckets from every protocol variant")
struct UsageDecodingTests {
    /// Feeds a whole SSE stream through the parser and a decoder; the last usage reported.
    static func finalUsage<D: ChatStreamDecoder>(_ stream: String, _ decoder: D) throws -> TokenUsage? {
        var decoder = decoder
        var parser = SSEParser()
        var usage: TokenUsage?
        for event in parser.feed(Array(stream.utf8)) {
            for case .usage(let reported) in try decoder.decode(event) { usage = reported }
        }
        return usage
    }

    static func openAIStream(usage: String) -> String {
        """
        data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}

        data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}],"usage":null}

        data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}

        data: {"id":"c1","object":"chat.completion.chunk","choices":[],"usage":\(usage)}

        data: [DONE]


        """
    }

    /// OpenAI: cached tokens are inside prompt_tokens, reasoning inside completion_tokens.
    @Test func openAICachedAndReasoningInsideTheTotals() throws {
        let usage = try Self.finalUsage(Self.openAIStream(usage: """
            {"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,\
            "prompt_tokens_details":{"cached_tokens":1920,"audio_tokens":0},\
            "completion_tokens_details":{"reasoning_tokens":192,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}
            """), OpenAIStreamDecoder())
        #expect(usage == TokenUsage(inputTokens: 2006, outputTokens: 300, cacheReadTokens: 1920, reasoningTokens: 192))
        #expect(usage?.uncachedInputTokens == 86 && usage?.answerTokens == 108)
    }

    /// xAI: reasoning billed as output but left out of completion_tokens; total_tokens gives it away.
    @Test func xAIReasoningOutsideCompletionTokens() throws {
        let usage = try Self.finalUsage(Self.openAIStream(usage: """
            {"prompt_tokens":12,"completion_tokens":2,"total_tokens":354,\
            "prompt_tokens_details":{"text_tokens":12,"audio_tokens":0,"image_tokens":0,"cached_tokens":11},\
            "completion_tokens_details":{"reasoning_tokens":340,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0},\
            "num_sources_used":0}
            """), OpenAIStreamDecoder())
        #expect(usage == TokenUsage(inputTokens: 12, outputTokens: 342, cacheReadTokens: 11, reasoningTokens: 340))
        #expect(usage?.uncachedInputTokens == 1)
        // The same usage after LiteLLM's proxy, which recomputes total_tokens as prompt + completion:
        // more reasoning than completion tokens still gives it away.
        let proxied = OpenAIUsage.decode(try JSONParser.parse("""
            {"prompt_tokens":12,"completion_tokens":2,"total_tokens":14,"prompt_tokens_details":{"cached_tokens":11},\
            "completion_tokens_details":{"reasoning_tokens":340}}
            """))
        #expect(proxied == TokenUsage(inputTokens: 12, outputTokens: 342, cacheReadTokens: 11, reasoningTokens: 340))
    }

    /// The issue's "must show": priced as 1 input + 11 cached + 342 output tokens.
    @Test func xAIStreamIsPricedBucketByBucket() throws {
        let model = ModelInfo(id: "grok-4-fast", provider: "xai", api: .openai, inputCostPerToken: 0.2e-6, outputCostPerToken: 0.5e-6,
                              contextWindow: 2_000_000, maxOutputTokens: 30_000, capabilities: [.reasoning], quality: 0.8,
                              qualitySource: "test", cache: CachePrices(read: 0.05e-6))
        let usage = TokenUsage(inputTokens: 12, outputTokens: 342, cacheReadTokens: 11, reasoningTokens: 340)
        // 1 x 0.20 + 11 x 0.05 + 342 x 0.50 = 171.75 micro-dollars; the old pricing said 12 x 0.2 + 2 x 0.5 = 3.4.
        #expect(abs(model.cost(usage) - 171.75e-6) < 1e-15)
        #expect(abs(model.cost(inputTokens: 12, outputTokens: 2) - 3.4e-6) < 1e-15)
    }

    /// DeepSeek: hit + miss = prompt_tokens; reasoner's reasoning is inside completion_tokens.
    @Test func deepSeekHitAndMiss() throws {
        let usage = try Self.finalUsage(Self.openAIStream(usage: """
            {"prompt_tokens":100,"completion_tokens":20,"total_tokens":120,\
            "completion_tokens_details":{"reasoning_tokens":15},\
            "prompt_cache_hit_tokens":64,"prompt_cache_miss_tokens":36}
            """), OpenAIStreamDecoder())
        #expect(usage == TokenUsage(inputTokens: 100, outputTokens: 20, cacheReadTokens: 64, reasoningTokens: 15))
        // Only hit/miss, no prompt_tokens: their sum is the input.
        let bare = OpenAIUsage.decode(try JSONParser.parse(#"{"completion_tokens":3,"prompt_cache_hit_tokens":5,"prompt_cache_miss_tokens":7}"#))
        #expect(bare == TokenUsage(inputTokens: 12, outputTokens: 3, cacheReadTokens: 5))
    }

    /// LiteLLM's proxy in front of Anthropic: cache writes beside cached_tokens, inside prompt_tokens.
    @Test func liteLLMCacheWrites() {
        let usage = OpenAIUsage.decode(try! JSONParser.parse("""
            {"prompt_tokens":9632,"completion_tokens":198,"total_tokens":9830,"prompt_tokens_details":{"cached_tokens":6289},\
            "cache_creation_input_tokens":3337,"cache_read_input_tokens":6289}
            """))
        #expect(usage == TokenUsage(inputTokens: 9632, outputTokens: 198, cacheReadTokens: 6289, cacheWrite5mTokens: 3337))
        #expect(usage.uncachedInputTokens == 6)
    }

    /// No details at all (most local servers): everything is plain input and output.
    @Test func plainUsageHasNoBuckets() {
        let usage = OpenAIUsage.decode(try! JSONParser.parse(#"{"prompt_tokens":7,"completion_tokens":9,"total_tokens":16}"#))
        #expect(usage == TokenUsage(inputTokens: 7, outputTokens: 9))
        // Reasoning reported, and total_tokens consistent with the OpenAI convention: not added twice.
        let inside = OpenAIUsage.decode(try! JSONParser.parse(#"{"prompt_tokens":7,"completion_tokens":9,"total_tokens":16,"completion_tokens_details":{"reasoning_tokens":5}}"#))
        #expect(inside == TokenUsage(inputTokens: 7, outputTokens: 9, reasoningTokens: 5))
        // Negative counts from a broken server count as zero.
        let broken = OpenAIUsage.decode(try! JSONParser.parse(#"{"prompt_tokens":-4,"completion_tokens":2}"#))
        #expect(broken == TokenUsage(inputTokens: 0, outputTokens: 2))
    }

    static let anthropicStream = """
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":6,"cache_creation_input_tokens":3337,"cache_read_input_tokens":6289,"cache_creation":{"ephemeral_5m_input_tokens":3337,"ephemeral_1h_input_tokens":0},"output_tokens":1,"service_tier":"standard"}}}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

        event: ping
        data: {"type": "ping"}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":198}}

        event: message_stop
        data: {"type":"message_stop"}


        """

    /// The issue's Anthropic "must show": input 6, writes 3,337, reads 6,289, output 198.
    @Test func anthropicCacheReadsAndWrites() throws {
        let usage = try Self.finalUsage(Self.anthropicStream, AnthropicStreamDecoder())
        #expect(usage == TokenUsage(inputTokens: 9632, outputTokens: 198, cacheReadTokens: 6289, cacheWrite5mTokens: 3337))
        #expect(usage?.uncachedInputTokens == 6)
        // claude-sonnet-4-5's listed prices: 3 in, 3.75 write, 0.30 read, 15 out (USD per million).
        let sonnet = try #require(BuiltinCatalog.models.first { $0.id == "claude-sonnet-4-5" })
        let cost = sonnet.cost(try #require(usage))
        // 6 x 3 + 3337 x 3.75 + 6289 x 0.30 + 198 x 15 = 17,388.45 micro-dollars.
        #expect(abs(cost - 0.01738845) < 1e-12)
        // The old figure priced 6 in and 198 out: 5.8x too low.
        #expect(abs(sonnet.cost(inputTokens: 6, outputTokens: 198) - 0.002988) < 1e-12)
    }

    /// message_delta's usage is cumulative (newer API versions repeat the input side there):
    /// every field it carries wins over message_start's.
    @Test func anthropicMessageDeltaWins() throws {
        let stream = """
            event: message_start
            data: {"type":"message_start","message":{"usage":{"input_tokens":6,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"input_tokens":6,"cache_creation_input_tokens":3337,"cache_read_input_tokens":6289,"output_tokens":198}}


            """
        let usage = try Self.finalUsage(stream, AnthropicStreamDecoder())
        #expect(usage == TokenUsage(inputTokens: 9632, outputTokens: 198, cacheReadTokens: 6289, cacheWrite5mTokens: 3337))
    }

    /// 1-hour writes: the cache_creation split says how many, priced at 2x input.
    @Test func anthropicOneHourWrites() throws {
        var usage = AnthropicUsage()
        usage.merge(try JSONParser.parse("""
            {"input_tokens":10,"cache_creation_input_tokens":5000,"cache_read_input_tokens":0,\
            "cache_creation":{"ephemeral_5m_input_tokens":2000,"ephemeral_1h_input_tokens":3000},"output_tokens":50}
            """))
        #expect(usage.usage == TokenUsage(inputTokens: 5010, outputTokens: 50, cacheWrite5mTokens: 2000, cacheWrite1hTokens: 3000))
        let haiku = try #require(BuiltinCatalog.models.first { $0.id == "claude-haiku-4-5" })
        // 10 x 1 + 2000 x 1.25 + 3000 x 2 + 50 x 5 = 8,760 micro-dollars.
        #expect(abs(haiku.cost(usage.usage) - 0.00876) < 1e-12)
    }

    /// Unstreamed responses of both protocols carry the same buckets.
    @Test func wholeResponses() throws {
        let anthropic = AnthropicProvider(info: ProviderInfo(name: "anthropic", api: .anthropic, baseURL: "https://x", apiKeyEnv: "K"))
        let body = try JSONParser.parse("""
            {"content":[{"type":"text","text":"Hi"}],"stop_reason":"end_turn",\
            "usage":{"input_tokens":6,"cache_creation_input_tokens":3337,"cache_read_input_tokens":6289,"output_tokens":198}}
            """)
        #expect(try anthropic.decodeWhole(body).contains(.usage(TokenUsage(inputTokens: 9632, outputTokens: 198, cacheReadTokens: 6289, cacheWrite5mTokens: 3337))))
        let openai = OpenAIProvider(info: ProviderInfo(name: "xai", api: .openai, baseURL: "https://x", apiKeyEnv: nil))
        let whole = try JSONParser.parse("""
            {"choices":[{"message":{"content":"Hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":2,\
            "total_tokens":354,"prompt_tokens_details":{"cached_tokens":11},"completion_tokens_details":{"reasoning_tokens":340}}}
            """)
        #expect(try openai.decodeWhole(whole).contains(.usage(TokenUsage(inputTokens: 12, outputTokens: 342, cacheReadTokens: 11, reasoningTokens: 340))))
    }
}
