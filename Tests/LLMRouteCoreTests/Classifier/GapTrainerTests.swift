import Testing
@testable import LLMRouteCore

/// The strong-model score head: its arithmetic, its training and its tier calibration.
@Suite struct GapTrainerTests {
    /// Inputs wholly of one kind with the given structural features.
    static func inputs(kind: TaskKind, features: [StructuralFeature] = []) -> GapInputs {
        var probabilities = [Double](repeating: 0, count: GapHead.kinds)
        probabilities[TaskKind.allCases.firstIndex(of: kind)!] = 1
        let mask = features.reduce(UInt64(0)) { $0 | 1 << UInt64($1.rawValue) }
        return GapInputs(taskProbabilities: probabilities, structural: mask, llmDifficulty: 0)
    }

    /// Reasoning prompts with a big gap, long reasoning prompts bigger still; creative ones small.
    static let examples: [(OutcomeExample, GapInputs)] = (0..<60).map { index in
        switch index % 3 {
        case 0: (OutcomeExample(id: "\(index)", source: "math", prompt: "p\(index)", weak: 0.3, strong: 0.9),
                 inputs(kind: .reasoning))
        case 1: (OutcomeExample(id: "\(index)", source: "math", prompt: "p\(index)", weak: 0.1, strong: 0.95),
                 inputs(kind: .reasoning, features: [.length600]))
        default: (OutcomeExample(id: "\(index)", source: "writing", prompt: "p\(index)", weak: 0.9, strong: 0.95),
                  inputs(kind: .creative, features: [.length600]))
        }
    }

    func fit() -> GapHead {
        GapTrainer().fit(inputs: Self.examples.map(\.1), examples: Self.examples.map(\.0), subset: Array(Self.examples.indices))
    }

    @Test func learnsKindPriorsAndDifficultyWithinAKind() {
        let head = fit()
        let shortReasoning = head.score(Self.inputs(kind: .reasoning))
        let longReasoning = head.score(Self.inputs(kind: .reasoning, features: [.length600]))
        let longCreative = head.score(Self.inputs(kind: .creative, features: [.length600]))
        #expect(longCreative < shortReasoning)
        #expect(shortReasoning < longReasoning)
        // Calibrated to the targets (1 − weak) × strong: 0.63, 0.855 and 0.095.
        #expect(abs(shortReasoning - 0.63) < 0.05)
        #expect(abs(longReasoning - 0.855) < 0.05)
        #expect(abs(longCreative - 0.095) < 0.05)
    }

    @Test func fittingIsDeterministic() {
        #expect(fit() == fit())
        #expect(fit().flattened.count == GapHead.floatCount)
    }

    @Test func flattenedRoundTrips() {
        let head = fit()
        #expect(GapHead(flattened: head.flattened) == head)
    }

    @Test func logitIsTheDocumentedSum() {
        var head = GapHead()
        head.bias = -1
        head.kind[TaskKind.allCases.firstIndex(of: .coding)!] = 0.5
        head.shape[StructuralFeature.codeFence.rawValue] = 0.25
        head.within[TaskKind.allCases.firstIndex(of: .coding)! * GapHead.shapes + StructuralFeature.codeFence.rawValue] = 2
        var mixed = Self.inputs(kind: .coding, features: [.codeFence])
        mixed.taskProbabilities = mixed.taskProbabilities.map { $0 * 0.5 }
        mixed.taskProbabilities[TaskKind.allCases.firstIndex(of: .creative)!] = 0.5
        // -1 + 0.5·0.5 + (0.25 + 0.5·2)
        #expect(abs(head.logit(mixed) - 0.5) < 1e-9)
    }

    @Test func tierCutsKeepTheLabelledShares() {
        var head = GapHead()
        head.kind = [-3, -1, 0, 1, 2, 3]
        // Six reference prompts, one per kind, so six distinct ascending scores.
        let reference = [TaskKind.coding, .reasoning, .simpleQA, .creative, .analysis, .summarization].map { Self.inputs(kind: $0) }
        let labels: [Tier] = [.simple, .simple, .medium, .complex, .complex, .expert]
        head.tierCuts = GapTrainer.tierCuts(head: head, reference: reference, labels: labels)
        #expect(reference.map { head.tier(for: head.score($0)) } == labels)
        #expect(head.tierCuts == head.tierCuts.sorted())
    }

    @Test func reportComparesWithBaselines() {
        var report = GapReport(examples: Self.examples.map(\.0), inputs: Self.examples.map(\.1),
                               baselines: [("constant", Self.examples.map { _ in 0 })])
        report.folds = 3
        report.bootstrapResamples = 20
        let text = report.text(shipped: fit())
        #expect(text.contains("learned score, 3-fold CV"))
        #expect(text.contains("| constant | 0.500"))
        #expect(text.contains("tier cuts on the score"))
    }
}
