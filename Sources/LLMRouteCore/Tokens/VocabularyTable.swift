import CLLMRouteData

/// A BPE vocabulary read in place from a blob linked into the binary (format: see
/// Scripts/tokenizer/make_vocab_blob.py, which writes it). Opening one reads the 128-byte header
/// and checks the section bounds; the hash table, records and Unicode tables are paged in as
/// lookups touch them, so a short prompt costs a few page faults, not a 200,000-entry
/// dictionary build.
///
/// `@unchecked Sendable`: every pointer is into read-only `.rodata` that lives as long as the
/// process, and nothing here is ever written.
struct VocabularyTable: @unchecked Sendable {
    static let formatVersion: UInt32 = 2
    static let headerSize = 128
    static let magic: [UInt8] = [0x4C, 0x52, 0x42, 0x50, 0x45, 0x00, 0x00, 0x01] // "LRBPE\0\0\1"

    let name: String
    let tokenCount: Int
    let maxTokenLength: Int
    /// Lowercase hex SHA-256 of the .tiktoken file the blob was built from.
    let sourceSHA256: String
    /// Unicode version of the class table, e.g. "16.0.0".
    let unicodeVersion: String
    let classifier: ScalarClassifier

    private let slots: UnsafePointer<UInt32>
    private let slotMask: Int
    private let recordBits: UInt32
    private let fingerprintShift: UInt64
    private let seed: UInt64
    /// Records: u32 (rank << 8 | length), then the bytes; addressed by byte offset.
    private let records: UnsafePointer<UInt8>
    private let recordIndex: UnsafePointer<UInt32>
    /// Rank of every 2-byte string, indexed by (first << 8 | second), or `noRank`.
    let pairRanks: UnsafePointer<UInt32>

    /// Returned by lookups that find nothing (tiktoken's `Rank::MAX`); sorts after every rank.
    static let noRank = UInt32.max

    /// Opens a blob, or explains why it is not a vocabulary this code can read.
    init(blob: llmroute_blob) throws(VocabularyError) {
        guard let base = blob.bytes, blob.count >= Self.headerSize else { throw .truncated }
        let raw = UnsafeRawPointer(base)
        func u32(_ offset: Int) -> UInt32 { raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian }
        guard (0..<8).allSatisfy({ base[$0] == Self.magic[$0] }) else { throw .badMagic }
        guard u32(8) == Self.formatVersion, u32(12) == UInt32(Self.headerSize) else {
            throw .unsupportedVersion(u32(8))
        }
        guard Int(u32(72)) == blob.count else { throw .truncated }

        tokenCount = Int(u32(16))
        maxTokenLength = Int(u32(20))
        let slotCount = Int(u32(24))
        recordBits = u32(28)
        seed = raw.loadUnaligned(fromByteOffset: 32, as: UInt64.self).littleEndian
        guard slotCount > 0, slotCount & (slotCount - 1) == 0, recordBits > 0, recordBits < 32,
              maxTokenLength < 256 else {
            throw .corrupt("hash table shape")
        }
        slotMask = slotCount - 1
        fingerprintShift = UInt64(64 - (32 - recordBits))

        let slotsOffset = Int(u32(40)), indexOffset = Int(u32(44)), recordsOffset = Int(u32(48))
        let recordsLength = Int(u32(52)), stage1Offset = Int(u32(56)), stage2Offset = Int(u32(60))
        let blockCount = Int(u32(64)), pairsOffset = Int(u32(76))
        let sections = [
            (slotsOffset, 4 * slotCount), (indexOffset, 4 * tokenCount), (recordsOffset, recordsLength),
            (pairsOffset, 4 * 65536), (stage1Offset, 0x1100), (stage2Offset, 256 * blockCount),
        ]
        // Aligned u32 loads below need 4-byte aligned sections; the generator aligns to 16.
        guard sections.allSatisfy({ $0.0 % 16 == 0 && $0.0 + $0.1 <= blob.count }),
              recordsLength < 4 << recordBits else {
            throw .corrupt("section bounds")
        }
        slots = raw.advanced(by: slotsOffset).assumingMemoryBound(to: UInt32.self)
        recordIndex = raw.advanced(by: indexOffset).assumingMemoryBound(to: UInt32.self)
        records = base + recordsOffset
        pairRanks = raw.advanced(by: pairsOffset).assumingMemoryBound(to: UInt32.self)
        // The last record, and the 16 bytes of padding after it, must lie inside the section.
        if tokenCount > 0 {
            let last = Int(recordIndex[tokenCount - 1])
            guard last + 4 <= recordsLength,
                  last + 4 + Int(UnsafeRawPointer(records + last).load(as: UInt32.self).littleEndian & 0xFF) + 16
                  <= recordsLength else { throw .corrupt("records") }
        }
        classifier = ScalarClassifier(stage1: base + stage1Offset, stage2: base + stage2Offset)

        let version = u32(68)
        unicodeVersion = "\(version >> 16).\((version >> 8) & 0xFF).\(version & 0xFF)"
        let hexDigits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for byte in UnsafeBufferPointer(start: base + 80, count: 32) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0xF)])
        }
        sourceSHA256 = String(decoding: hex, as: UTF8.self)
        let nameBytes = UnsafeBufferPointer(start: base + 112, count: 16).prefix { $0 != 0 }
        name = String(decoding: nameBytes, as: UTF8.self)
    }

    /// The bytes of token `rank` (for decoding). `rank` must be below `tokenCount`.
    func bytes(ofToken rank: Int) -> UnsafeBufferPointer<UInt8> {
        let record = records + Int(recordIndex[rank])
        let header = UnsafeRawPointer(record).load(as: UInt32.self).littleEndian
        return UnsafeBufferPointer(start: record + 4, count: Int(header & 0xFF))
    }

    /// Rank of the token whose bytes are exactly `bytes[0..<count]`, or `noRank`.
    /// `readableEnd` bounds how far past `count` an 8-byte load may reach (see `loadTail`).
    @inline(__always)
    func rank(of bytes: UnsafePointer<UInt8>, count: Int, readableEnd: UnsafePointer<UInt8>) -> UInt32 {
        if count == 2 { return pairRanks[Int(bytes[0]) &<< 8 | Int(bytes[1])] }
        if count > maxTokenLength { return Self.noRank }
        let hash = Self.hash(bytes, count, seed: seed, readableEnd: readableEnd)
        let fingerprint = UInt32(truncatingIfNeeded: hash &>> fingerprintShift)
        let recordMask = (UInt32(1) &<< recordBits) &- 1
        var index = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let slot = slots[index]
            if slot == 0 { return Self.noRank }
            if slot &>> recordBits == fingerprint {
                // One record holds rank, length and bytes: a hit costs this one extra load.
                let record = records + Int(slot & recordMask) &* 4
                let header = UnsafeRawPointer(record).load(as: UInt32.self).littleEndian
                if Int(header & 0xFF) == count, memoryEqual(record + 4, bytes, count) {
                    return header &>> 8
                }
            }
            index = (index &+ 1) & slotMask
        }
    }

    @inline(__always)
    private func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var i = 0
        while count &- i >= 8 {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
            i &+= 8
        }
        while i < count {
            if a[i] != b[i] { return false }
            i &+= 1
        }
        return true
    }

    // MARK: Hash (must equal vocab_common.byte_hash in Python)

    private static let k0: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let k1: UInt64 = 0xBF58_476D_1CE4_E5B9
    private static let k2: UInt64 = 0x94D0_49BB_1331_11EB

    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int, seed: UInt64,
                     readableEnd: UnsafePointer<UInt8>) -> UInt64 {
        var h = seed ^ (UInt64(truncatingIfNeeded: count) &* k0)
        var i = 0
        while count &- i >= 8 {
            h = (h ^ UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self).littleEndian) &* k1
            h ^= h &>> 29
            i &+= 8
        }
        if i < count {
            h = (h ^ loadTail(bytes + i, count &- i, readableEnd: readableEnd)) &* k1
            h ^= h &>> 29
        }
        h ^= h &>> 32
        h = h &* k2
        h ^= h &>> 29
        return h
    }

    /// The 1...7 bytes at `p` as a little-endian integer, zero-padded. One 8-byte load and a
    /// mask when 8 bytes are readable, else byte by byte (only near the end of the input).
    @inline(__always)
    private static func loadTail(_ p: UnsafePointer<UInt8>, _ count: Int,
                                 readableEnd: UnsafePointer<UInt8>) -> UInt64 {
        if readableEnd - p >= 8 {
            let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self).littleEndian
            return word & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* count))
        }
        var word: UInt64 = 0
        for j in 0..<count { word |= UInt64(p[j]) &<< UInt64(truncatingIfNeeded: 8 &* j) }
        return word
    }
}

/// Why a blob could not be opened (only a build that linked a wrong or damaged blob can hit this).
enum VocabularyError: Error, Equatable {
    case truncated
    case badMagic
    case unsupportedVersion(UInt32)
    case corrupt(String)
}
