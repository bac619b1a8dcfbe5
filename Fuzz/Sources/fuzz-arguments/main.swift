import CLLMRouteFuzz
import Glibc
import LLMRouteCLI
import LLMRouteCore

// The argument parser: NUL-separated words become argv. Parsing either succeeds, and then every
// typed flag value converts (the accessors promise they cannot fail), or throws a UsageError
// with a message and a usage line.

let allFlags = CLISpec.commands.flatMap { $0.flags + $0.subcommands.flatMap(\.flags) } + Flags.global

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = UnsafeBufferPointer(start: start, count: size)
    let words = input.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    do {
        let parsed = try ArgumentParser.parse(words)
        for flag in allFlags where parsed.has(flag) {
            switch flag.value {
            case .integer: precondition(parsed.integer(flag) != nil, "--\(flag.long) passed validation but is no integer")
            case .decimal: precondition(parsed.decimal(flag)?.isFinite == true, "--\(flag.long) passed validation but is no number")
            default: break
            }
        }
        if let first = parsed.commandPath.first { precondition(CLISpec.command(named: first) != nil, "unknown command accepted") }
    } catch {
        precondition(!error.message.isEmpty && !error.usage.isEmpty, "usage error without message or usage line")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
