import CLLMRouteFuzz
import Glibc
import LLMRouteCore

// SSEParser: the events must not depend on how the stream is cut into chunks (the network cuts
// anywhere: inside a CRLF, inside a UTF-8 sequence), and must match a whole-input reference
// parser written straight from the WHATWG steps. Input: one seed byte, then the stream.

/// The spec's steps on the whole stream at once: split lines at CRLF, CR or LF (an unterminated
/// last line is never processed), strip one BOM, then fields.
func referenceEvents(_ stream: ArraySlice<UInt8>) -> [SSEEvent] {
    var lines: [[UInt8]] = []
    var current: [UInt8] = []
    var index = stream.startIndex
    while index < stream.endIndex {
        let byte = stream[index]
        if byte == 0x0D || byte == 0x0A {
            lines.append(current)
            current = []
            if byte == 0x0D, index + 1 < stream.endIndex, stream[index + 1] == 0x0A { index += 1 }
        } else {
            current.append(byte)
        }
        index += 1
    }
    if let first = lines.first, first.starts(with: [0xEF, 0xBB, 0xBF]) { lines[0].removeFirst(3) }
    var events: [SSEEvent] = []
    var data: [UInt8]? = nil
    var type: [UInt8] = []
    for line in lines {
        if line.isEmpty {
            if let buffer = data {
                events.append(SSEEvent(type: type.isEmpty ? "message" : String(decoding: type, as: UTF8.self),
                                       data: String(decoding: buffer, as: UTF8.self)))
            }
            data = nil
            type = []
            continue
        }
        if line[0] == 0x3A { continue }
        let colon = line.firstIndex(of: 0x3A)
        let field = colon.map { Array(line[..<$0]) } ?? line
        var value = colon.map { Array(line[($0 + 1)...]) } ?? []
        if value.first == 0x20 { value.removeFirst() }
        if field == Array("data".utf8) {
            if data != nil { data!.append(0x0A) }
            data = (data ?? []) + value
        } else if field == Array("event".utf8) {
            type = value
        }
    }
    return events
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: start, count: size))
    guard let seed = input.first else { return 0 }
    let stream = input[1...]

    var whole = SSEParser()
    let expected = whole.feed(stream) + whole.finish()
    guard expected == referenceEvents(stream) else {
        fatalError("SSEParser differs from the reference parser: \(expected) vs \(referenceEvents(stream))")
    }

    // Chunk sizes from a small generator seeded by the first byte; one pass a byte at a time.
    var state = UInt32(seed) &* 2_654_435_761 &+ 1
    for pass in 0..<2 {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        var offset = stream.startIndex
        while offset < stream.endIndex {
            state = state &* 1_103_515_245 &+ 12_345
            let length = pass == 0 ? 1 : Int((state >> 16) % 9) + 1
            let end = min(stream.endIndex, offset + length)
            events += parser.feed(stream[offset..<end])
            offset = end
        }
        events += parser.finish()
        guard events == expected else { fatalError("chunked parse (pass \(pass)) differs from the whole-input parse") }
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
