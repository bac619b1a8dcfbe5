/// The binary format of `classifier.bin`, little-endian:
///
///     0    magic "LRCLSF\r\n" (8 bytes)
///     8    u32 format version
///     12   u32 hash bits          16  u32 structural feature count   20  u32 column count
///     24   u32 tier head kind     28  u32 char n-gram lengths mask    32  u32 score cut
///     36   u32 training examples  40  f32 structural scale           44  f32 namespace scales [8]
///     76   f32 tier bias [4]      92  f32 tier cuts [3]              104 f32 task bias [6]
///     128  f32 difficulty cuts [9]  164 f32 column scales [16]
///     256  i8 weights [rows × columns], row-major (structural rows first, then hashed buckets);
///          weight = code × column scale; then 16 zero bytes, so any row can be loaded as a
///          16-byte vector
///     then "GAPHEAD\n" and `GapHead.floatCount` f32: the strong-model score head (bias, kind
///          priors, shape weights, kind × shape weights, tier cuts on the score)
///
/// The header is fixed-size, so the shipped classifier reads the matrix in place: loading costs
/// a header check, not a parse. Weights are int8 with one scale per column: a quarter of the
/// float size, and the measured cross-validation change is within noise (the report is
/// computed on the quantised weights, so it describes what ships).
public enum ClassifierModelLayout {
    public static let magic: [UInt8] = Array("LRCLSF\r\n".utf8)
    /// Bump when features, hashing or layout change (old weights then fail to load).
    public static let formatVersion: UInt32 = 2
    public static let headerBytes = 256
    static let maxNamespaces = 8
    static let maxColumns = 16
    static let columnScalesOffset = 164
    static let rowPadding = 16
    static let gapMagic: [UInt8] = Array("GAPHEAD\n".utf8)

    /// Per-column symmetric int8 quantisation: scale = max |w| / 127.
    public static func quantize(_ matrix: [Float], columns: Int) -> (codes: [Int8], scales: [Float]) {
        var scales = [Float](repeating: 0, count: columns)
        for (index, value) in matrix.enumerated() { scales[index % columns] = max(scales[index % columns], abs(value)) }
        scales = scales.map { $0 > 0 ? $0 / 127 : 1 }
        let codes = matrix.enumerated().map { index, value in
            Int8(max(-127, min(127, (value / scales[index % columns]).rounded())))
        }
        return (codes, scales)
    }

    /// The weights as the shipped classifier sees them (matrix quantised and back).
    public static func roundTrip(_ weights: ClassifierWeights) -> ClassifierWeights {
        let columns = weights.columns.count
        let (codes, scales) = quantize(weights.matrix, columns: columns)
        var result = weights
        result.matrix = codes.enumerated().map { Float($0.element) * scales[$0.offset % columns] }
        return result
    }

    public enum LoadError: Error, Equatable {
        case tooShort, badMagic, unsupportedVersion(UInt32), shapeMismatch(String)
    }

    /// Serialises weights; `ClassifierModel` reads the result.
    public static func serialize(_ weights: ClassifierWeights) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(headerBytes + weights.matrix.count * 4)
        out += magic
        func u32(_ value: Int) { u32raw(UInt32(value)) }
        func u32raw(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { out += $0 } }
        func f32(_ value: Float) { u32raw(value.bitPattern) }
        u32raw(formatVersion)
        u32(weights.features.hashBits)
        u32(StructuralFeature.allCases.count)
        u32(weights.columns.count)
        u32raw(weights.tierHead.rawValue)
        u32raw(weights.features.characterGramLengths)
        u32(weights.scoreCut)
        u32(weights.trainingExamples)
        f32(weights.features.structuralScale)
        for index in 0..<maxNamespaces {
            f32(index < weights.features.namespaceScales.count ? weights.features.namespaceScales[index] : 0)
        }
        weights.tierBias.forEach(f32)
        weights.tierCuts.forEach(f32)
        weights.taskBias.forEach(f32)
        weights.difficultyCuts.forEach(f32)
        let (codes, scales) = quantize(weights.matrix, columns: weights.columns.count)
        for column in 0..<maxColumns { f32(column < scales.count ? scales[column] : 0) }
        out += [UInt8](repeating: 0, count: headerBytes - out.count)
        out += codes.map { UInt8(bitPattern: $0) }
        out += [UInt8](repeating: 0, count: rowPadding)
        out += gapMagic
        weights.gap.flattened.forEach(f32)
        return out
    }

    /// Reads a header and returns the weights with `matrix` left empty (it is read in place)
    /// plus the matrix's byte offset.
    static func readHeader(_ raw: UnsafeRawBufferPointer) throws(LoadError) -> ClassifierWeights {
        guard raw.count >= headerBytes else { throw .tooShort }
        guard Array(raw[0..<8]) == magic else { throw .badMagic }
        func u32(_ offset: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        func f32(_ offset: Int) -> Float { Float(bitPattern: u32(offset)) }
        func f32s(_ offset: Int, _ count: Int) -> [Float] { (0..<count).map { f32(offset + 4 * $0) } }
        let version = u32(8)
        guard version == formatVersion else { throw .unsupportedVersion(version) }
        guard Int(u32(16)) == StructuralFeature.allCases.count else { throw .shapeMismatch("structural feature count") }
        guard let tierHead = TierHeadKind(rawValue: u32(24)) else { throw .shapeMismatch("tier head") }
        let hashBits = Int(u32(12))
        guard (4...24).contains(hashBits) else { throw .shapeMismatch("hash bits \(hashBits)") }
        let features = FeatureConfiguration(
            hashBits: hashBits, characterGramLengths: u32(28),
            namespaceScales: f32s(44, FeatureNamespace.allCases.count), structuralScale: f32(40))
        var weights = ClassifierWeights(features: features, tierHead: tierHead, scoreCut: Int(u32(32)),
                                        trainingExamples: Int(u32(36)), allocateMatrix: false)
        guard Int(u32(20)) == weights.columns.count, weights.columns.count <= maxColumns else {
            throw .shapeMismatch("column count")
        }
        let gapAt = headerBytes + features.rowCount * weights.columns.count + rowPadding
        guard raw.count >= gapAt + gapMagic.count + 4 * GapHead.floatCount else { throw .tooShort }
        guard Array(raw[gapAt..<(gapAt + gapMagic.count)]) == gapMagic else { throw .shapeMismatch("gap head") }
        weights.gap = GapHead(flattened: f32s(gapAt + gapMagic.count, GapHead.floatCount))
        weights.tierBias = f32s(76, ClassifierWeights.tierCount)
        weights.tierCuts = f32s(92, ClassifierWeights.tierCount - 1)
        weights.taskBias = f32s(104, ClassifierWeights.taskCount)
        weights.difficultyCuts = f32s(128, ClassifierWeights.difficultyCutCount)
        return weights
    }

    static func columnScales(_ raw: UnsafeRawBufferPointer, columns: Int) -> [Float] {
        (0..<columns).map {
            Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: columnScalesOffset + 4 * $0, as: UInt32.self)))
        }
    }

    /// Reads a whole blob into memory, dequantised (tests and tools; the classifier reads in place).
    public static func deserialize(_ raw: UnsafeRawBufferPointer) throws(LoadError) -> ClassifierWeights {
        var weights = try readHeader(raw)
        let columns = weights.columns.count
        let scales = columnScales(raw, columns: columns)
        let count = weights.features.rowCount * columns
        weights.matrix = (0..<count).map { Float(Int8(bitPattern: raw[headerBytes + $0])) * scales[$0 % columns] }
        return weights
    }
}
