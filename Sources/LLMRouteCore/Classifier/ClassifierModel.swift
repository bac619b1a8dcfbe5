import CLLMRouteData

/// Trained weights read in place: a parsed header plus a pointer to the int8 matrix, which is
/// either the blob linked into the binary (`.incbin`, in .rodata) or memory owned by `storage`.
/// Nothing is copied or parsed beyond the 256-byte header.
struct ClassifierModel: @unchecked Sendable {
    /// Header values (`matrix` is empty; rows are read through `rows`).
    let header: ClassifierWeights
    let rows: UnsafePointer<Int8>
    /// Multiplies a column's int8 codes back into weights.
    let columnScales: [Float]
    let extractor: FeatureExtractor
    /// Keeps heap-backed weights alive (nil for the linked blob, which lives forever).
    private let storage: AnyObject?

    /// The weights linked into the binary; nil if the blob is missing or malformed.
    static let bundled: Result<ClassifierModel, ClassifierModelLayout.LoadError> = {
        let blob = llmroute_classifier_blob()
        guard let bytes = blob.bytes else { return .failure(.tooShort) }
        return Result { () throws(ClassifierModelLayout.LoadError) in
            try ClassifierModel(raw: UnsafeRawBufferPointer(start: bytes, count: blob.count), storage: nil)
        }
    }()

    /// Reads a blob in place. `raw` must stay valid as long as the model (pass `storage`).
    init(raw: UnsafeRawBufferPointer, storage: AnyObject?) throws(ClassifierModelLayout.LoadError) {
        header = try ClassifierModelLayout.readHeader(raw)
        columnScales = ClassifierModelLayout.columnScales(raw, columns: header.columns.count)
        rows = (raw.baseAddress! + ClassifierModelLayout.headerBytes).assumingMemoryBound(to: Int8.self)
        extractor = FeatureExtractor(configuration: header.features)
        self.storage = storage
    }

    /// A model over in-memory weights (the trainer's and the tests' path), via the same bytes.
    init(weights: ClassifierWeights) {
        let bytes = ClassifierModelLayout.serialize(weights)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 64)
        buffer.copyBytes(from: bytes)
        // Force-try: serialize() output always satisfies readHeader().
        try! self.init(raw: UnsafeRawBufferPointer(buffer), storage: OwnedBuffer(buffer))
    }

    var columnCount: Int { header.columns.count }

    @inline(__always)
    func row(_ index: Int) -> UnsafePointer<Int8> { rows + index * columnCount }

    /// A row as 16 lanes; lanes past `columnCount` hold the next row's codes and are ignored.
    /// The blob ends with 16 bytes of padding, so the last row's load stays inside it.
    @inline(__always)
    func rowVector(_ index: Int) -> SIMD16<Int8> {
        UnsafeRawPointer(rows + index * columnCount).loadUnaligned(as: SIMD16<Int8>.self)
    }
}

/// Frees the heap copy of weights that `ClassifierModel(weights:)` reads from.
private final class OwnedBuffer {
    let buffer: UnsafeMutableRawBufferPointer
    init(_ buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }
    deinit { buffer.deallocate() }
}
