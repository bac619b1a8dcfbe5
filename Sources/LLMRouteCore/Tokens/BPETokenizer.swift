/// tiktoken-identical byte-pair encoding (`encode_ordinary`: special-token text such as
/// `<|endoftext|>` is ordinary text) for the embedded o200k_base and cl100k_base vocabularies.
///
/// Thread-safe and immutable; get one with `BPETokenizer.shared(_:)`. Opening a vocabulary reads
/// only its header (the tables stay in the binary's read-only data), so the first call is cheap.
public final class BPETokenizer: Sendable {
    public let encoding: TokenEncoding
    let vocabulary: VocabularyTable
    /// Rank of each single byte, looked up once so one-byte pieces skip the hash table.
    private let byteRanks: [UInt32]

    private static let o200k = BPETokenizer(opening: .o200kBase)
    private static let cl100k = BPETokenizer(opening: .cl100kBase)

    /// The process-wide tokenizer for `encoding`, opened on first use (Swift initializes
    /// static stored properties lazily and exactly once, so this is thread-safe).
    public static func shared(_ encoding: TokenEncoding) -> BPETokenizer {
        switch encoding {
        case .o200kBase: o200k
        case .cl100kBase: cl100k
        }
    }

    private init(opening encoding: TokenEncoding) {
        self.encoding = encoding
        do {
            vocabulary = try VocabularyTable(blob: encoding.blob)
        } catch {
            // Only a build that linked a damaged blob gets here; the tests open both blobs.
            fatalError("llmroute: embedded \(encoding.rawValue) vocabulary is unreadable: \(error)")
        }
        let vocabulary = vocabulary
        byteRanks = (0..<256).map { byte in
            var value = UInt8(byte)
            return withUnsafePointer(to: &value) { pointer in
                vocabulary.rank(of: pointer, count: 1, readableEnd: pointer + 1)
            }
        }
        precondition(!byteRanks.contains(VocabularyTable.noRank), "a byte is missing from \(encoding.rawValue)")
    }

    /// Number of ordinary tokens (ids 0..<vocabularySize); special tokens are not included.
    public var vocabularySize: Int { vocabulary.tokenCount }

    /// Token ids of `text`, identical to tiktoken's `encode_ordinary(text)`.
    public func encode(_ text: String) -> [Int] {
        var sink = TokenList()
        run(text, into: &sink)
        return sink.tokens
    }

    /// `encode(text).count`, without building the array.
    public func count(_ text: String) -> Int {
        var sink = TokenTally()
        run(text, into: &sink)
        return sink.count
    }

    /// Counts raw bytes the way tiktoken counts `bytes.decode("utf-8", "replace")`: each
    /// invalid sequence becomes U+FFFD (Swift's decoder replaces maximal ill-formed subparts
    /// exactly as Python's does; the tests check adversarial cases against Python's output).
    public func count(bytes: some Sequence<UInt8>) -> Int {
        count(String(decoding: Array(bytes), as: UTF8.self))
    }

    /// `encode` for raw bytes, with the same replacement as `count(bytes:)`.
    public func encode(bytes: some Sequence<UInt8>) -> [Int] {
        encode(String(decoding: Array(bytes), as: UTF8.self))
    }

    /// The bytes of `tokens` concatenated, or nil if an id is not an ordinary token.
    public func decodeBytes(_ tokens: [Int]) -> [UInt8]? {
        var bytes: [UInt8] = []
        for token in tokens {
            guard token >= 0, token < vocabulary.tokenCount else { return nil }
            bytes.append(contentsOf: vocabulary.bytes(ofToken: token))
        }
        return bytes
    }

    /// Text of `tokens` (invalid UTF-8 from split multi-byte tokens becomes U+FFFD, like
    /// tiktoken's `decode(errors="replace")`), or nil if an id is not an ordinary token.
    public func decode(_ tokens: [Int]) -> String? {
        decodeBytes(tokens).map { String(decoding: $0, as: UTF8.self) }
    }

    private func run<Sink: TokenSink>(_ text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return }
            withByteRanks { byteRanks in
                let scan = ScanText(bytes: base, count: utf8.count, classes: vocabulary.classifier)
                let merger = BytePairMerger(vocabulary: vocabulary, byteRanks: byteRanks, readableEnd: base + utf8.count)
                switch encoding {
                case .o200kBase: Self.split(scan, with: O200kSplitter.self, merger: merger, into: &sink)
                case .cl100kBase: Self.split(scan, with: Cl100kSplitter.self, merger: merger, into: &sink)
                }
            }
        }
    }

    func withByteRanks<Result>(_ body: (UnsafePointer<UInt32>) -> Result) -> Result {
        byteRanks.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// The whole pipeline for one pattern, specialized per splitter and sink.
    @inline(__always)
    private static func split<Splitter: PieceSplitter, Sink: TokenSink>(
        _ text: ScanText, with _: Splitter.Type, merger: BytePairMerger, into sink: inout Sink
    ) {
        var start = 0
        while start < text.count {
            let end = Splitter.pieceEnd(from: start, in: text)
            merger.encode(piece: text.bytes + start, count: end &- start, into: &sink)
            start = end
        }
    }
}
