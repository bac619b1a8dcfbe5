import CLLMRouteFuzz
import Glibc
import LLMRouteCore
@testable import LLMRouteServe

// `llmroute serve`'s request decoder on any bytes: a body is either a request that keeps the
// decoder's promises or a 400 in OpenAI's error shape (never a crash, never another status);
// every accepted request encodes, in both protocols, into a body that is valid JSON, and the
// Anthropic mapping turns every tool call into an object input.

let openAI = OpenAIProvider(info: ProviderInfo(name: "o", api: .openai, baseURL: "http://127.0.0.1:1/v1", apiKeyEnv: nil))
let anthropic = AnthropicProvider(info: ProviderInfo(name: "a", api: .anthropic, baseURL: "http://127.0.0.1:1", apiKeyEnv: nil))
func model(_ api: APIProtocol) -> ModelInfo {
    ModelInfo(id: "m", provider: api.rawValue, api: api, inputCostPerToken: 0, outputCostPerToken: 0,
              contextWindow: 1000, maxOutputTokens: 100, quality: 1, qualitySource: "")
}

func check(_ request: ChatCompletionRequest) {
    precondition(!request.model.isEmpty, "accepted without a model")
    precondition(request.messages.last.map { $0.role == .user || $0.role == .tool } == true, "the last turn is not user or tool")
    precondition(request.maxTokens.map { $0 > 0 } ?? true, "max tokens not positive")
    precondition(request.temperature.map { (0...2).contains($0) } ?? true, "temperature out of range")
    precondition(request.tools.map { !$0.tools.isEmpty } ?? true, "an empty tools list accepted")
    for message in request.messages {
        precondition(message.role != .tool || message.toolCallID?.isEmpty == false, "a tool turn without its call id")
        for case .image(let url, _) in message.parts ?? [] where url.hasPrefix("data:") {
            precondition(ContentPart.image(url: url, detail: nil).dataURL != nil, "an unreadable data URL accepted")
        }
    }
    var chat = ChatRequest(system: request.system, messages: request.messages, maxTokens: request.maxTokens,
                           temperature: request.temperature, stream: request.stream)
    chat.stop = request.stop
    chat.tools = request.tools
    for (body, name) in [(openAI.prepare(chat, model: model(.openai), baseURL: "http://127.0.0.1:1/v1", apiKey: nil).body, "openai"),
                         (anthropic.prepare(chat, model: model(.anthropic), baseURL: "http://127.0.0.1:1", apiKey: nil).body, "anthropic")] {
        guard let again = try? JSONParser.parse(body.serialized()) else { fatalError("\(name) body is not JSON") }
        precondition(again == body, "\(name) body changed through serialize-and-parse")
        guard name == "anthropic", case .array(let messages)? = body["messages"] else { continue }
        for message in messages {
            guard case .array(let blocks)? = message["content"] else { continue }
            for block in blocks where block["type"] == .string("tool_use") {
                guard case .object? = block["input"] else { fatalError("a tool_use input that is not an object") }
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: start, count: size))
    do {
        check(try ChatCompletionRequest.decode(bytes))
    } catch {
        precondition(error.status == 400 && !error.message.isEmpty, "refused with \(error.status): \(error.message)")
        guard (try? JSONParser.parse(error.body.serialized())) != nil else { fatalError("error body is not JSON") }
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
