/// Receives token ids as the tokenizer produces them, so counting needs no array.
protocol TokenSink {
    mutating func append(_ rank: UInt32)
}

struct TokenTally: TokenSink {
    var count = 0
    @inline(__always) mutating func append(_ rank: UInt32) { count &+= 1 }
}

struct TokenList: TokenSink {
    var tokens: [Int] = []
    @inline(__always) mutating func append(_ rank: UInt32) { tokens.append(Int(rank)) }
}

/// Turns one pre-tokenized piece into tokens exactly as tiktoken's `byte_pair_encode` does:
/// a piece that is itself a token is that token; otherwise start from single bytes and merge,
/// repeatedly, the adjacent pair whose concatenation has the lowest rank (leftmost on ties),
/// until no adjacent pair is a token.
struct BytePairMerger {
    let vocabulary: VocabularyTable
    /// Rank of each single byte (every byte is a token in both vocabularies).
    let byteRanks: UnsafePointer<UInt32>
    /// End of the whole input: hashing may load up to 8 bytes but never past this.
    let readableEnd: UnsafePointer<UInt8>

    /// Pieces up to this many bytes merge with tiktoken's own O(n·m) scan over a small array,
    /// which beats a heap for the short pieces text is made of; longer ones use the heap.
    static let linearMergeLimit = 192

    @inline(__always)
    func encode<Sink: TokenSink>(piece: UnsafePointer<UInt8>, count: Int, into sink: inout Sink) {
        if count == 1 {
            sink.append(byteRanks[Int(piece[0])])
            return
        }
        let whole = vocabulary.rank(of: piece, count: count, readableEnd: readableEnd)
        if whole != VocabularyTable.noRank {
            sink.append(whole)
        } else if count <= Self.linearMergeLimit {
            mergeLinear(piece, count, into: &sink)
        } else {
            mergeWithHeap(piece, count, into: &sink)
        }
    }

    @inline(__always)
    private func pairRank(_ piece: UnsafePointer<UInt8>, from start: Int, to end: Int) -> UInt32 {
        vocabulary.rank(of: piece + start, count: end &- start, readableEnd: readableEnd)
    }

    /// tiktoken's algorithm, kept as is so ties resolve identically: parts are (start, rank of
    /// the pair starting here, rank of this part); each round merges the leftmost minimum.
    func mergeLinear<Sink: TokenSink>(_ piece: UnsafePointer<UInt8>, _ count: Int, into sink: inout Sink) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 3 * (count + 1)) { scratch in
            let starts = scratch.baseAddress!
            let pairRanks = starts + (count + 1)
            let partRanks = pairRanks + (count + 1)
            var parts = count
            for i in 0..<count {
                starts[i] = UInt32(truncatingIfNeeded: i)
                partRanks[i] = byteRanks[Int(piece[i])]
            }
            starts[count] = UInt32(truncatingIfNeeded: count)
            for i in 0..<(count - 1) { pairRanks[i] = pairRank(piece, from: i, to: i &+ 2) }
            pairRanks[count - 1] = VocabularyTable.noRank

            while true {
                var best = VocabularyTable.noRank
                var bestIndex = 0
                for i in 0..<(parts - 1) where pairRanks[i] < best {
                    best = pairRanks[i]
                    bestIndex = i
                }
                if best == VocabularyTable.noRank { break }

                // Merge parts bestIndex and bestIndex + 1, then close the gap.
                partRanks[bestIndex] = best
                // One loop for all three arrays: cheaper than three memmove calls for the
                // handful of parts a piece has.
                var j = bestIndex &+ 1
                while j < parts &- 1 {
                    starts[j] = starts[j &+ 1]
                    pairRanks[j] = pairRanks[j &+ 1]
                    partRanks[j] = partRanks[j &+ 1]
                    j &+= 1
                }
                starts[parts &- 1] = starts[parts]
                parts &-= 1
                // The merged part's pairs with both neighbours have new byte strings.
                pairRanks[bestIndex] = bestIndex + 1 < parts
                    ? pairRank(piece, from: Int(starts[bestIndex]), to: Int(starts[bestIndex + 2]))
                    : VocabularyTable.noRank
                if bestIndex > 0 {
                    pairRanks[bestIndex - 1] = pairRank(
                        piece, from: Int(starts[bestIndex - 1]), to: Int(starts[bestIndex + 1]))
                }
            }
            for i in 0..<parts { sink.append(partRanks[i]) }
        }
    }

    /// Same merges, same order, in O(n log n): candidate pairs sit in a min-heap keyed by
    /// (rank << 32 | start), so the smallest key is the lowest rank and, among equal ranks,
    /// the leftmost pair, which is exactly the pair tiktoken's scan picks. Entries made stale
    /// by a neighbour's merge are skipped when popped: a pair's rank only changes when the
    /// pair grows, so an entry is current iff its part is alive and its rank still matches.
    func mergeWithHeap<Sink: TokenSink>(_ piece: UnsafePointer<UInt8>, _ count: Int, into sink: inout Sink) {
        // Parts are identified by their first byte's offset; `next` links live parts.
        let next = UnsafeMutablePointer<Int>.allocate(capacity: count + 1)
        let previous = UnsafeMutablePointer<Int>.allocate(capacity: count + 1)
        let pairRanks = UnsafeMutablePointer<UInt32>.allocate(capacity: count)
        let partRanks = UnsafeMutablePointer<UInt32>.allocate(capacity: count)
        let alive = UnsafeMutablePointer<Bool>.allocate(capacity: count)
        var heap = MinHeap(capacity: 3 * count)
        defer {
            next.deallocate(); previous.deallocate(); pairRanks.deallocate()
            partRanks.deallocate(); alive.deallocate(); heap.deallocate()
        }
        for i in 0..<count {
            next[i] = i + 1
            previous[i] = i - 1
            partRanks[i] = byteRanks[Int(piece[i])]
            alive[i] = true
            pairRanks[i] = i + 1 < count ? pairRank(piece, from: i, to: i + 2) : VocabularyTable.noRank
            if pairRanks[i] != VocabularyTable.noRank { heap.push(UInt64(pairRanks[i]) << 32 | UInt64(i)) }
        }
        next[count] = count + 1

        while let key = heap.pop() {
            let rank = UInt32(truncatingIfNeeded: key >> 32)
            let part = Int(truncatingIfNeeded: key & 0xFFFF_FFFF)
            guard alive[part], pairRanks[part] == rank else { continue }
            let absorbed = next[part]
            alive[absorbed] = false
            partRanks[part] = rank
            next[part] = next[absorbed]
            if next[part] < count { previous[next[part]] = part }

            let following = next[part]
            pairRanks[part] = following < count
                ? pairRank(piece, from: part, to: next[following]) : VocabularyTable.noRank
            if pairRanks[part] != VocabularyTable.noRank { heap.push(UInt64(pairRanks[part]) << 32 | UInt64(part)) }
            let before = previous[part]
            if before >= 0 {
                pairRanks[before] = pairRank(piece, from: before, to: following)
                if pairRanks[before] != VocabularyTable.noRank {
                    heap.push(UInt64(pairRanks[before]) << 32 | UInt64(before))
                }
            }
        }
        var part = 0
        while part < count {
            sink.append(partRanks[part])
            part = next[part]
        }
    }
}

/// A binary min-heap of UInt64 keys in a fixed buffer (each merge pushes at most two keys,
/// so 3 × piece length always suffices).
private struct MinHeap {
    private let storage: UnsafeMutablePointer<UInt64>
    private var count = 0

    init(capacity: Int) { storage = .allocate(capacity: max(capacity, 1)) }

    func deallocate() { storage.deallocate() }

    mutating func push(_ key: UInt64) {
        var i = count
        count += 1
        while i > 0 {
            let parent = (i - 1) / 2
            if storage[parent] <= key { break }
            storage[i] = storage[parent]
            i = parent
        }
        storage[i] = key
    }

    mutating func pop() -> UInt64? {
        guard count > 0 else { return nil }
        let top = storage[0]
        count -= 1
        let last = storage[count]
        var i = 0
        while true {
            var child = 2 * i + 1
            if child >= count { break }
            if child + 1 < count, storage[child + 1] < storage[child] { child += 1 }
            if last <= storage[child] { break }
            storage[i] = storage[child]
            i = child
        }
        storage[i] = last
        return top
    }
}
