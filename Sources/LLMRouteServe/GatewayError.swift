import LLMRouteCore

/// An error answered in OpenAI's shape, `{"error":{"message","type","param","code"}}`, so SDKs
/// raise their usual exception classes (BadRequestError, NotFoundError, RateLimitError, ...).
public struct GatewayError: Error, Sendable, Equatable {
    public var status: Int
    public var message: String
    public var type: String
    public var param: String?
    public var code: String?

    public init(status: Int, message: String, type: String = "invalid_request_error", param: String? = nil, code: String? = nil) {
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code
    }

    static func invalid(_ message: String, param: String? = nil) -> GatewayError {
        GatewayError(status: 400, message: message, param: param)
    }

    public var body: JSONValue {
        .object([("error", .object([
            ("message", .string(message)), ("type", .string(type)),
            ("param", param.map(JSONValue.string) ?? .null), ("code", code.map(JSONValue.string) ?? .null),
        ]))])
    }
}
