import Dispatch
import Testing
@testable import LLMRouteCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct DetachedThreadTests {
    private struct Seen: Sendable {
        var runs = 0
        var onCaller = 0
        var cpuCounts: [Int] = []
    }

    /// Every started closure runs exactly once, on a thread of its own, and that thread may use
    /// every CPU its creator may (the start-up pin to "any core but this one" is lifted).
    @Test func runsEachClosureOnItsOwnThreadWithTheFullAffinity() {
        let caller = pthread_self()
        let expectedCPUs = DetachedThread.allowedCPUs()
        let seen = Locked(Seen())
        let done = DispatchSemaphore(value: 0)
        let count = 40
        for _ in 0..<count {
            let started = DetachedThread.start {
                let mine = pthread_self()
                let cpus = DetachedThread.allowedCPUs()
                seen.withLock { seen in
                    seen.runs += 1
                    if pthread_equal(mine, caller) != 0 { seen.onCaller += 1 }
                    seen.cpuCounts.append(cpus)
                }
                done.signal()
            }
            #expect(started)
        }
        for _ in 0..<count { done.wait() }
        let final = seen.withLock { $0 }
        #expect(final.runs == count)
        #expect(final.onCaller == 0)
        #expect(expectedCPUs >= 1)
        #expect(final.cpuCounts.allSatisfy { $0 == expectedCPUs })
    }

    /// The closure's captures are released once it has run (the box is not leaked).
    @Test func releasesTheClosureAfterItRuns() {
        final class Token: @unchecked Sendable {}
        weak var weakToken: Token?
        let done = DispatchSemaphore(value: 0)
        do {
            let token = Token()
            weakToken = token
            DetachedThread.start {
                _ = token
                done.signal()
            }
        }
        done.wait()
        // The thread drops its reference right after the closure returns.
        var released = false
        for _ in 0..<200 where !released {
            released = weakToken == nil
            if !released { usleep(1_000) }
        }
        #expect(released)
    }
}
