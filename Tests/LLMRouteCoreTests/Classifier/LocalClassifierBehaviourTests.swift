import Testing
@testable import LLMRouteCore

/// The shipped classifier on prompts whose answer is not in doubt, and on hostile input.
@Suite struct LocalClassifierBehaviourTests {
    let classifier = LocalClassifier.shared

    @Test func factualQuestionIsSimpleQAWithLowScore() {
        let result = classifier.classify("What is the capital of France?")
        #expect(result.tier == .simple)
        #expect(result.task == .simpleQA)
        #expect(result.score < 0.2)
        #expect(classifier.name == "local")
    }

    @Test func competitionMathIsReasoningAndScoresHigh() {
        let result = classifier.classify("""
            Prove that every finite group of order p^2, for p prime, is abelian, and then prove the \
            classification of finite simple groups of Lie type of rank one.
            """)
        // Proofs are not in the graded data; its kind (reasoning) and notation still lift it.
        #expect(result.tier >= .medium)
        #expect(result.task == .reasoning)
        #expect(result.score > classifier.classify("What is the capital of France?").score * 2)
    }

    @Test func codeRequestsAreCoding() {
        for prompt in [
            "Write a Python function that parses a CSV file and returns the average of the third column.",
            "Fix the bug in this code:\n```js\nfunction add(a, b) { return a - b; }\n```",
            "Write a SQL query that lists customers with more than five orders in 2023.",
        ] {
            #expect(classifier.classify(prompt).task == .coding, "\(prompt)")
        }
    }

    /// What graded outcomes taught (docs/classifier.md): the cheap model falls short on exact
    /// reasoning and math far more than on open writing and role-play, whatever their length.
    @Test func scoreFollowsMeasuredGapsNotApparentEffort() {
        let wordProblem = classifier.classify("""
            A train leaves at 3:15 pm travelling 84 km/h; a second leaves the same station at 4:05 pm at \
            110 km/h on the same track. At what time does the second train catch up, and how far out?
            """).score
        let algebra = classifier.classify("Find all real x with x^4 - 5x^2 + 4 = 0 and sum their squares.").score
        let essay = classifier.classify("""
            Write a heartfelt, 1,000-word personal essay about leaving home for the first time, rich in \
            sensory detail, with a hopeful ending and a title.
            """).score
        let rolePlay = classifier.classify("Pretend you are a pirate captain and greet your new crew.").score
        #expect(essay < wordProblem)
        #expect(essay < algebra)
        #expect(rolePlay < wordProblem)
        #expect(rolePlay < algebra)
    }

    @Test func tierIsACutOfTheScore() throws {
        let cuts = try #require(LocalClassifier.bundledWeightsInfo).gap.tierCuts
        for prompt in ["hi", "Write a haiku about rain.", "Solve x^2 = 2 exactly.", "Explain TCP congestion control.",
                       "Prove there are infinitely many primes p with p + 2 also prime, or explain why it is open."] {
            let result = classifier.classify(prompt)
            let expected = Tier.allCases[cuts.filter { result.score >= Double($0) }.count]
            #expect(result.tier == expected, "\(prompt)")
            // The threshold strategy's default is the medium|complex cut: both read one scale.
            #expect((result.score >= RoutingPolicy.defaults.threshold) == (result.tier >= .complex), "\(prompt)")
        }
        #expect(RoutingPolicy.defaults.threshold == Double(cuts[1]))
    }

    @Test func outputsStayInRangeOnHostileInput() {
        let inputs = [
            "", " ", "   \n\t\r\n  ", "\u{0}\u{1}\u{2}", String(repeating: "\u{FFFD}", count: 500),
            "用三句话解释量子纠缠。", "Объясни теорему Гёделя о неполноте.", "🙂🙃🙂 emoji only 🎉",
            String(decoding: (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }, as: UTF8.self),
            String(repeating: "a", count: 10_000), String(repeating: "é", count: 40_000),
        ]
        for input in inputs {
            let result = classifier.classify(input)
            #expect((0...1).contains(result.score))
            #expect((0...1).contains(result.confidence))
            #expect(!result.reasons.isEmpty)
        }
        #expect(classifier.classify("").reasons.contains("empty prompt"))
        #expect(classifier.classify("  \n ").reasons.contains("empty prompt"))
    }

    @Test func hugeInputIsSampledAndSaysSo() {
        let huge = "Summarize this log.\n" + String(repeating: "2024-01-01 INFO request served in 12ms ✓\n", count: 60_000)
        let result = classifier.classify(huge)
        #expect(result.sampled)
        #expect(result.reasons.first?.contains("judged from its first") == true)
        // A cut can land inside a multi-byte scalar; sampling must snap to scalar boundaries.
        let multibyte = String(repeating: "日本語のテキスト", count: 20_000)
        #expect(classifier.classify(multibyte).sampled)
        #expect(!classifier.classify("short").sampled)
    }

    @Test func contributionsNameTheKindPriorShapeAndEvidence() {
        let result = classifier.classify("Prove the Riemann hypothesis implies the prime number theorem error term.")
        #expect(result.contributions.first?.feature == "kind:\(result.task.rawValue) prior")
        let shape = result.contributions.filter { contribution in StructuralFeature.allCases.contains { $0.name == contribution.feature } }
        let evidence = result.contributions.filter { $0.feature.hasPrefix("\(result.task.rawValue)<-") }
        #expect(shape.count + evidence.count == result.contributions.count - 1)
        #expect(!evidence.isEmpty)
        #expect(shape.map { abs($0.weight) } == shape.map { abs($0.weight) }.sorted(by: >))
        #expect(evidence.map(\.weight) == evidence.map(\.weight).sorted(by: >))
        #expect(result.reasons.contains { $0.hasPrefix("kind \(result.task.rawValue)") && $0.contains("gap prior") })
        #expect(result.reasons.contains { $0.contains("-> tier \(result.tier.rawValue)") })
    }

    @Test func fastPathGivesTheSameAnswer() {
        for prompt in ["What is 2+2?", "Write a haiku about rain.", "Explain TCP congestion control in depth."] {
            let full = classifier.classify(prompt)
            let fast = classifier.classify(prompt, explain: false)
            #expect(full.tier == fast.tier && full.task == fast.task)
            #expect(full.score == fast.score && full.confidence == fast.confidence)
            #expect(fast.reasons.isEmpty && fast.contributions.isEmpty)
        }
    }
}
