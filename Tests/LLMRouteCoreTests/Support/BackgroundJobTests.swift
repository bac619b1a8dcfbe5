import Testing
@testable import LLMRouteCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct BackgroundJobTests {
    /// The value comes back through `wait`, computed on another thread while the caller works.
    @Test func returnsTheValueComputedOnAnotherThread() {
        let caller = pthread_self()
        let job = BackgroundJob { () -> (sum: Int, onCaller: Bool) in
            ((1...10_000).reduce(0, +), pthread_equal(pthread_self(), caller) != 0)
        }
        let mine = (1...100).reduce(0, +)  // the caller's own work meanwhile
        let result = job.wait()
        #expect(mine == 5_050)
        #expect(result.sum == 50_005_000)
        #expect(!result.onCaller)
    }

    /// Many jobs at once each deliver their own value (an error value included, as `ask`'s
    /// conversation save reports a failed write).
    @Test func manyJobsEachDeliverTheirOwnValue() {
        struct Failure: Error, Equatable { let index: Int }
        let jobs = (0..<64).map { index in
            BackgroundJob { () -> Result<Int, Failure> in
                index % 5 == 0 ? .failure(Failure(index: index)) : .success(index * index)
            }
        }
        for (index, job) in jobs.enumerated() {
            let expected: Result<Int, Failure> = index % 5 == 0 ? .failure(Failure(index: index)) : .success(index * index)
            #expect(job.wait() == expected)
        }
    }
}
