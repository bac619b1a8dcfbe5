import CLLMRouteFuzz
import Glibc
@testable import LLMRouteCLI
import LLMRouteCore

// The `ask --jsonl` line reader: every input line yields exactly one request or one error that
// names its line number, whatever the bytes (invalid UTF-8 is replaced, as stdin is read).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: size), as: UTF8.self)
    let lines = BatchInput.lines(of: text)
    var expected = text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    if !text.isEmpty && text.utf8.last != 0x0A { expected += 1 }
    guard lines.count == expected else { fatalError("\(lines.count) lines read, \(expected) in the input") }
    for (index, line) in lines.enumerated() {
        switch BatchInput.parse(line, number: index + 1) {
        case .request(_, let prompt, _, _):
            precondition(!prompt.isEmpty, "a request with an empty prompt")
        case .invalid(_, let message):
            precondition(message.hasPrefix("line \(index + 1): "), "error does not name its line: \(message)")
        }
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
