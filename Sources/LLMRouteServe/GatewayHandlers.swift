import HTTPTypes
import Hummingbird
import LLMRouteCore
import NIOCore

/// The gateway's endpoints: auth, body limits, decoding, and whole or streamed answers.
struct GatewayHandlers: Sendable {
    let settings: ServeSettings
    let engine: GatewayEngine

    static let modelHeader = HTTPField.Name("x-llmroute-model")!
    static let tierHeader = HTTPField.Name("x-llmroute-tier")!
    static let taskHeader = HTTPField.Name("x-llmroute-task")!
    static let costHeader = HTTPField.Name("x-llmroute-cost-usd")!

    /// nil when the request may proceed; else the 401 to send.
    func authorized(_ request: Request) -> Response? {
        guard let expected = settings.clientKey else { return nil }
        let presented = request.headers[.authorization] ?? ""
        let token = presented.hasPrefix("Bearer ") ? String(presented.dropFirst(7)) : ""
        if ServeSettings.keysMatch(token, expected) { return nil }
        return Self.error(GatewayError(status: 401, message: "missing or invalid API key: send Authorization: Bearer <the key in the server's api_key_env>",
                                       code: "invalid_api_key"))
    }

    func models() -> Response {
        var data: [JSONValue] = [Self.model("auto", owner: "llmroute")]
        for model in engine.router.catalog.models { data.append(Self.model(model.id, owner: model.provider)) }
        return Self.json(.object([("object", .string("list")), ("data", .array(data))]))
    }

    func metrics() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: engine.metrics.text())))
    }

    static func model(_ id: String, owner: String) -> JSONValue {
        .object([("id", .string(id)), ("object", .string("model")), ("created", .integer(0)), ("owned_by", .string(owner))])
    }

    func chatCompletions(_ request: Request, channel: any Channel) async -> Response {
        var request = request
        let body: ByteBuffer
        // A client that has not sent the whole body within the read timeout is cut off: closing
        // the connection also ends the body collection below.
        let timeout = settings.readTimeout
        let deadline = Task {
            try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
            channel.close(promise: nil)
        }
        do {
            body = try await request.collectBody(upTo: settings.bodyLimit)
            // Only the body's arrival is timed: answering may take as long as the upstream does.
            deadline.cancel()
        } catch {
            deadline.cancel()
            if !channel.isActive {
                return Self.error(GatewayError(status: 408, message: "the request body did not arrive within \(timeout) s", code: "request_timeout"))
            }
            return Self.error(GatewayError(status: 413, message: "the request body is larger than the limit of \(settings.bodyLimit) bytes",
                                           code: "request_too_large"))
        }
        let plan: GatewayEngine.Plan
        let parsed: ChatCompletionRequest
        do {
            parsed = try ChatCompletionRequest.decode(Array(body.readableBytesView))
            let headers = request.headers
            plan = try engine.plan(parsed, hints: GatewayEngine.Hints(
                strategy: headers[HTTPField.Name("x-llmroute-strategy")!],
                maxCost: headers[HTTPField.Name("x-llmroute-max-cost")!],
                minQuality: headers[HTTPField.Name("x-llmroute-min-quality")!]))
        } catch {
            return Self.error(error)
        }
        let format = ChatCompletionFormat(includeUsage: parsed.includeUsage)
        return parsed.stream ? await stream(plan, format: format) : await whole(plan, format: format)
    }

    private func whole(_ plan: GatewayEngine.Plan, format: ChatCompletionFormat) async -> Response {
        do {
            let result = try await engine.call(plan, onEvent: { _, _ in })
            var headers = routingHeaders(plan, model: result.model)
            headers[Self.costHeader] = String(result.model.cost(result.usage))
            return Self.json(format.whole(result), headers: headers)
        } catch {
            return Self.error(Self.failure(error))
        }
    }

    /// Streams once the first event is in: until then a failure can still be a proper error
    /// status, and the answering model is known for the headers.
    private func stream(_ plan: GatewayEngine.Plan, format: ChatCompletionFormat) async -> Response {
        let events = StreamRelay.start(engine: engine, plan: plan, format: format)
        let first: String
        let model: ModelInfo
        switch await events.next() {
        case .chunk(let text, let answering)?: (first, model) = (text, answering)
        case .failed(let error)?: return Self.error(error)
        case nil: return Self.error(GatewayError(status: 502, message: "the upstream stream ended without an answer", type: "api_error"))
        }
        var headers = routingHeaders(plan, model: model)
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        let body = ResponseBody { writer in
            try await events.drain(first: format.roleChunk(model: model) + first) { text in
                try await writer.write(ByteBuffer(string: text))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    private func routingHeaders(_ plan: GatewayEngine.Plan, model: ModelInfo) -> HTTPFields {
        var headers = HTTPFields()
        headers[Self.modelHeader] = model.id
        headers[Self.tierHeader] = plan.decision.classification.tier.rawValue
        headers[Self.taskHeader] = plan.decision.classification.task.rawValue
        return headers
    }

    /// Why a call failed, as the client sees it: 502 when every upstream failed.
    static func failure(_ error: any Error) -> GatewayError {
        if let failure = error as? CallFailure {
            let last = failure.lastError.map { "\($0)" } ?? "no model could be called"
            return GatewayError(status: 502, message: "every upstream failed: \(last)", type: "api_error", code: "upstream_failed")
        }
        if let gateway = error as? GatewayError { return gateway }
        return GatewayError(status: 500, message: "\(error)", type: "api_error")
    }

    static func json(_ value: JSONValue, headers: HTTPFields = HTTPFields(), status: HTTPResponse.Status = .ok) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: value.serialized())))
    }

    static func error(_ error: GatewayError) -> Response {
        json(error.body, status: HTTPResponse.Status(code: error.status))
    }
}
