/// The last eight scalars (and their byte offsets) of the word being scanned, in registers
/// rather than arrays: this is the innermost loop of character n-gram extraction.
struct GramWindow {
    static let capacity = 8
    private var values: SIMD8<UInt32> = .zero
    private var starts: SIMD8<Int32> = .zero
    private(set) var count = 0

    /// Starts a word: the window holds the leading boundary (a space) at the word's offset.
    @inline(__always)
    mutating func reset(wordStart: Int) {
        values[0] = 0x20
        starts[0] = Int32(truncatingIfNeeded: wordStart)
        count = 1
    }

    /// Newest at lane 0: pushing shifts every lane up by one.
    @inline(__always)
    mutating func push(_ value: UInt32, start: Int) {
        values = SIMD8(value, values[0], values[1], values[2], values[3], values[4], values[5], values[6])
        starts = SIMD8(Int32(truncatingIfNeeded: start), starts[0], starts[1], starts[2], starts[3], starts[4], starts[5], starts[6])
        count += 1
    }

    /// The scalar `back` places before the newest (0 = newest).
    @inline(__always)
    func value(back: Int) -> UInt32 { values[back] }

    @inline(__always)
    func start(back: Int) -> Int { Int(starts[back]) }
}
