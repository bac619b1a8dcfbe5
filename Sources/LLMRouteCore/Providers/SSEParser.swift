/// One Server-Sent Event: the `event:` type (default "message") and its `data:` lines joined by LF.
public struct SSEEvent: Sendable, Equatable {
    public var type: String
    public var data: String

    public init(type: String = "message", data: String) {
        self.type = type
        self.data = data
    }
}

/// Incremental Server-Sent Events parser (WHATWG HTML "Parsing an event stream").
/// Fed raw bytes as they arrive, in chunks split anywhere (even inside a CRLF or a UTF-8
/// sequence), it returns the events completed so far. Written here because the Swift SSE
/// packages do not build on Linux; bytes, not Strings, so a chunk boundary costs nothing.
public struct SSEParser: Sendable {
    private var line: [UInt8] = []
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType: [UInt8] = []
    /// The previous chunk ended in CR: an LF starting the next one belongs to that line end.
    private var pendingCR = false
    private var atStart = true

    public init() {}

    public mutating func feed<Bytes: Collection>(_ bytes: Bytes) -> [SSEEvent] where Bytes.Element == UInt8 {
        var events: [SSEEvent] = []
        var index = bytes.startIndex
        if pendingCR, index != bytes.endIndex {
            pendingCR = false
            if bytes[index] == 0x0A { bytes.formIndex(after: &index) }
        }
        while index != bytes.endIndex {
            // Copy the rest of the line in one go: per-byte appends were most of the parse time.
            let end = bytes[index...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.endIndex
            line.append(contentsOf: bytes[index..<end])
            guard end != bytes.endIndex else { break }
            let isCR = bytes[end] == 0x0D
            index = bytes.index(after: end)
            endLine(into: &events)
            if isCR {
                if index == bytes.endIndex {
                    pendingCR = true  // an LF may start the next chunk
                } else if bytes[index] == 0x0A {
                    bytes.formIndex(after: &index)
                }
            }
        }
        return events
    }

    /// End of stream: a final event without its blank line is discarded, as the spec says.
    public mutating func finish() -> [SSEEvent] {
        line.removeAll()
        data.removeAll()
        hasData = false
        eventType.removeAll()
        return []
    }

    private mutating func endLine(into events: inout [SSEEvent]) {
        if atStart {
            atStart = false
            // A UTF-8 byte order mark at the start of the stream is ignored.
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        }
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty {
            dispatch(into: &events)
            return
        }
        if line[0] == 0x3A { return }  // ":" comment (keep-alives such as ": OPENROUTER PROCESSING")
        var field: ArraySlice<UInt8> = line[...]
        var value: ArraySlice<UInt8> = []
        if let colon = line.firstIndex(of: 0x3A) {
            field = line[..<colon]
            value = line[(colon + 1)...]
            if value.first == 0x20 { value = value.dropFirst() }
        }
        switch String(decoding: field, as: UTF8.self) {
        case "data":
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
        case "event":
            eventType = Array(value)
        default:
            break  // id, retry and unknown fields do not matter to a one-shot request
        }
    }

    private mutating func dispatch(into events: inout [SSEEvent]) {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType.removeAll()
        }
        guard hasData else { return }
        let type = eventType.isEmpty ? "message" : String(decoding: eventType, as: UTF8.self)
        // Invalid UTF-8 becomes U+FFFD, as the spec's decode step does; never a crash.
        events.append(SSEEvent(type: type, data: String(decoding: data, as: UTF8.self)))
    }
}
