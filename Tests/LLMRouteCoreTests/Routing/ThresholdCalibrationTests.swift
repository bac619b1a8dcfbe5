import Testing
@testable import LLMRouteCore

@Suite struct ThresholdCalibrationTests {
    @Test func sendsTheRequestedShare() {
        let scores = (0..<100).map { Double($0) / 100 }
        for share in [0.1, 0.3, 0.5, 0.9] {
            let threshold = ThresholdCalibration.threshold(scores: scores, strongShare: share)
            #expect(abs(ThresholdCalibration.strongShare(scores: scores, threshold: threshold) - share) < 1e-9, "share \(share)")
        }
    }

    @Test func edges() {
        #expect(ThresholdCalibration.threshold(scores: [], strongShare: 0.3) == 0.5)
        #expect(ThresholdCalibration.strongShare(scores: [0.2, 0.9], threshold: ThresholdCalibration.threshold(scores: [0.2, 0.9], strongShare: 0)) == 0)
        #expect(ThresholdCalibration.threshold(scores: [0.2, 0.9], strongShare: 1) == 0.2)
        // Ties go together.
        let tied = [0.5, 0.5, 0.5, 0.1]
        #expect(ThresholdCalibration.strongShare(scores: tied, threshold: ThresholdCalibration.threshold(scores: tied, strongShare: 0.25)) == 0.75)
    }
}
