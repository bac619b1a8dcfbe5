import CLLMRouteFuzz
import Glibc
import LLMRouteCore

// The config loader (TOML through TOMLKit, then our schema, then catalog references): any text
// either loads or fails with a ConfigError whose line, when it has one, is a line of the file.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: start, count: size))
    // The loader refuses invalid UTF-8 before parsing (ConfigLoader.load(explicit:)); do the same.
    guard let text = String(validating: input, as: UTF8.self) else { return 0 }
    do {
        _ = try ConfigLoader.load(text: text, file: "fuzz.toml")
    } catch {
        let lines = input.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        if let line = error.line, line < 1 || line > lines {
            fatalError("error names line \(line) of a \(lines)-line file: \(error)")
        }
        precondition(!error.message.isEmpty, "config error without a message")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
