import CLLMRouteFuzz
import Glibc
import LLMRouteCore

// OpenAI Chat Completions decoding. The input is tried three ways: as an SSE stream fed to the
// stream decoder, as a whole (unstreamed) response body, and as an HTTP error body. Decoding may
// fail with a ProviderError, never crash; and parsed JSON must survive serialize-and-parse.

let provider = OpenAIProvider(info: ProviderInfo(name: "fuzz", api: .openai, baseURL: "http://127.0.0.1:9/v1", apiKeyEnv: nil))

func checkRoundTrip(_ value: JSONValue) {
    let text = value.serialized()
    guard let again = try? JSONParser.parse(text), again == value else {
        fatalError("JSON does not survive serialize and parse: \(text)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: start, count: size))

    var parser = SSEParser()
    var decoder = provider.makeDecoder()
    for event in parser.feed(input) + parser.finish() {
        _ = try? decoder.decode(event)
    }

    if let body = try? JSONParser.parse(input) {
        checkRoundTrip(body)
        _ = try? provider.decodeWhole(body)
    }

    let status = 400 + Int(input.first ?? 0) % 200
    _ = ProviderError.fromHTTP(status: status, body: input, retryAfter: nil).description
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
