import Dispatch
import Testing
@testable import LLMRouteCore

@Suite struct LockedTests {
    private struct Tally {
        var count = 0
        var inside = false
        var overlaps = 0
        var pairA = 0
        var pairB = 0
    }

    /// Threads hammer one value: every increment must land, and no two bodies may run at the same
    /// time (each body marks itself inside and checks nobody else is). Without the lock the count
    /// comes up short and overlaps are seen (and make check-tsan reports the race).
    @Test func serialisesContendedUpdates() {
        let threads = 8
        let perThread = 20_000
        let tally = Locked(Tally())
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            for _ in 0..<perThread {
                tally.withLock { t in
                    if t.inside { t.overlaps += 1 }
                    t.inside = true
                    t.count += 1
                    // Two fields updated apart: a reader outside the lock could see them differ.
                    t.pairA += 1
                    if t.pairA != t.pairB + 1 { t.overlaps += 1 }
                    t.pairB += 1
                    t.inside = false
                }
            }
        }
        let final = tally.withLock { $0 }
        #expect(final.count == threads * perThread)
        #expect(final.overlaps == 0)
        #expect(final.pairA == final.pairB)
    }

    private struct Refused: Error, Equatable { let code: Int }

    /// A throwing body passes its typed error through and releases the lock (a second call
    /// would deadlock otherwise), and what it changed before throwing stays changed.
    @Test func throwingBodyReleasesTheLock() {
        let value = Locked([1, 2])
        #expect(throws: Refused(code: 7)) {
            try value.withLock { (v: inout [Int]) throws(Refused) -> Void in
                v.append(3)
                throw Refused(code: 7)
            }
        }
        #expect(value.withLock { $0 } == [1, 2, 3])
    }

    @Test func returnsTheBodysResult() {
        let seen = Locked(Set<String>())
        #expect(seen.withLock { $0.insert("a").inserted })
        #expect(!seen.withLock { $0.insert("a").inserted })
    }
}
