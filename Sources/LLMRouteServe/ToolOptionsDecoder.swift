import LLMRouteCore

/// A request's `tools`, `tool_choice` and `parallel_tool_calls`, checked to be what both
/// protocols can carry: function tools only, with a name, description, JSON Schema parameters
/// and `strict`. They are kept as sent, for OpenAI-protocol upstreams to receive unchanged.
enum ToolOptionsDecoder {
    static let functionKeys: Set<String> = ["name", "description", "parameters", "strict"]

    static func decode(tools: JSONValue?, choice: JSONValue?, parallel: JSONValue?) throws(GatewayError) -> ToolOptions? {
        guard let tools, tools != .null else {
            if let choice, choice != .null { throw .invalid("'tool_choice' needs 'tools'", param: "tool_choice") }
            return nil
        }
        guard case .array(let items) = tools, !items.isEmpty else {
            throw .invalid("'tools' must be a non-empty array of function tools", param: "tools")
        }
        for (index, tool) in items.enumerated() { try check(tool, param: "tools[\(index)]") }
        var options = ToolOptions(tools: items)
        if let choice, choice != .null {
            switch choice {
            case .string("none"), .string("auto"), .string("required"): break
            case .object where choice["type"]?.stringValue == "function" && choice["function"]?["name"]?.stringValue != nil: break
            default:
                throw .invalid("'tool_choice' must be \"none\", \"auto\", \"required\" or {\"type\": \"function\", \"function\": {\"name\": …}}",
                               param: "tool_choice")
            }
            options.choice = choice
        }
        options.parallel = try ChatCompletionRequest.bool(parallel, "parallel_tool_calls")
        return options
    }

    static func check(_ tool: JSONValue, param: String) throws(GatewayError) {
        guard case .object(let pairs) = tool, tool["type"]?.stringValue == "function",
              case .object(let function)? = tool["function"] else {
            throw .invalid("\(param) must be {\"type\": \"function\", \"function\": {…}}", param: param)
        }
        for (key, _) in pairs where key != "type" && key != "function" {
            throw .invalid("\(param).\(key) is not supported by llmroute serve", param: param)
        }
        for (key, _) in function where !functionKeys.contains(key) {
            throw .invalid("\(param).function.\(key) is not supported by llmroute serve", param: param)
        }
        let body = tool["function"]!
        guard body["name"]?.stringValue?.isEmpty == false else {
            throw .invalid("\(param).function.name is required", param: param)
        }
        if let description = body["description"], description != .null, description.stringValue == nil {
            throw .invalid("\(param).function.description must be a string", param: param)
        }
        if let parameters = body["parameters"], parameters != .null {
            guard case .object = parameters else { throw .invalid("\(param).function.parameters must be a JSON Schema object", param: param) }
        }
        _ = try ChatCompletionRequest.bool(body["strict"], "\(param).function.strict")
    }
}
