/// The bounded part of a prompt the classifier reads. Prompts can be megabytes (pasted logs,
/// whole files); reading the head and the tail keeps the instruction (usually first) and the
/// question (often last) while bounding the cost.
struct PromptSample {
    /// Prompts with more UTF-8 bytes than this are sampled.
    static let limit = 24 * 1024
    static let headBytes = 16 * 1024
    static let tailBytes = 8 * 1024

    /// UTF-8 bytes of the whole prompt.
    let fullByteCount: Int
    /// True when only the head and tail were kept.
    let sampled: Bool

    /// Calls `body` with the bytes to read: the prompt itself when small, else head + "\n" + tail,
    /// both cut on scalar boundaries.
    static func withBytes<R>(of prompt: String, _ body: (UnsafeBufferPointer<UInt8>, PromptSample) -> R) -> R {
        var prompt = prompt
        let count = prompt.utf8.count
        if count <= limit {
            let info = PromptSample(fullByteCount: count, sampled: false)
            // Native Swift strings are contiguous UTF-8; makeContiguousUTF8 is a no-op for them.
            prompt.makeContiguousUTF8()
            return prompt.utf8.withContiguousStorageIfAvailable { body($0, info) }
                ?? Array(prompt.utf8).withUnsafeBufferPointer { body($0, info) }
        }
        let info = PromptSample(fullByteCount: count, sampled: true)
        var sample = [UInt8]()
        sample.reserveCapacity(headBytes + tailBytes + 1)
        let utf8 = prompt.utf8
        var headEnd = utf8.index(utf8.startIndex, offsetBy: headBytes)
        while headEnd != utf8.startIndex && utf8[headEnd] & 0xc0 == 0x80 { utf8.formIndex(before: &headEnd) }
        var tailStart = utf8.index(utf8.endIndex, offsetBy: -tailBytes)
        while tailStart != utf8.endIndex && utf8[tailStart] & 0xc0 == 0x80 { utf8.formIndex(after: &tailStart) }
        sample.append(contentsOf: utf8[utf8.startIndex..<headEnd])
        sample.append(0x0a)
        sample.append(contentsOf: utf8[tailStart..<utf8.endIndex])
        return sample.withUnsafeBufferPointer { body($0, info) }
    }
}
