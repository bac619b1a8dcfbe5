/// One attempt: send a prepared request to one provider and decode what comes back, handing
/// each event to `onEvent` as it arrives. A stream (text/event-stream) is parsed incrementally;
/// any other 200 body is decoded whole (LiteLLM's /v1/messages answers unstreamed even when
/// asked to stream).
public enum ChatCall {
    public static func run<P: ChatProvider>(
        _ provider: P, prepared: PreparedRequest, model: ModelInfo, transport: HTTPTransport,
        onEvent: (ChatEvent) throws -> Void, afterChunk: () -> Void = {}
    ) async throws -> ChatResult {
        let started = Clock.monotonicSeconds()
        var result = ChatResult(text: "", reasoning: "", usage: TokenUsage(), stopReason: nil, model: model, timeToFirstToken: nil)
        var streaming = false
        var parser = SSEParser()
        var decoder = provider.makeDecoder()
        var whole: [UInt8] = []
        var sawEvent = false

        func apply(_ events: [ChatEvent]) throws {
            for event in events {
                switch event {
                case .text(let text):
                    if result.timeToFirstToken == nil { result.timeToFirstToken = Clock.monotonicSeconds() - started }
                    result.text += text
                case .reasoning(let text): result.reasoning += text
                case .usage(let usage):
                    result.usageReported = true
                    result.usage = usage
                case .stop(let reason): result.stopReason = reason
                case .toolCall(let delta):
                    if result.timeToFirstToken == nil { result.timeToFirstToken = Clock.monotonicSeconds() - started }
                    result.toolCalls.apply(delta)
                }
                try onEvent(event)
            }
        }

        try await transport.send(prepared, onHead: { head in
            streaming = head.contentType.lowercased().hasPrefix("text/event-stream")
        }, onBytes: { bytes in
            if streaming {
                for event in parser.feed(bytes) {
                    sawEvent = true
                    try apply(try decoder.decode(event))
                }
                // One flush per network read, not per token: a read often carries dozens of events.
                afterChunk()
            } else {
                whole.append(contentsOf: bytes)
            }
        })

        if !streaming {
            if whole.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                throw ProviderError(.empty, status: 200, message: "empty response body")
            }
            let json: JSONValue
            do { json = try JSONParser.parse(whole) } catch {
                throw ProviderError(.malformed, status: 200, message: "response is not JSON: \(error.description)")
            }
            try apply(try provider.decodeWhole(json))
        } else if !sawEvent {
            throw ProviderError(.empty, status: 200, message: "stream ended without any event")
        } else if result.stopReason == nil {
            // Both protocols end with a stop reason; without one the stream was cut short.
            throw ProviderError(.connection, message: "stream ended before the answer was complete")
        }
        if result.text.isEmpty && result.toolCalls.isEmpty && result.stopReason == nil {
            throw ProviderError(.empty, status: 200, message: "no answer in the response")
        }
        return result
    }
}
