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

    @Test func researchProofIsHardAndScoresHigh() {
        let result = classifier.classify("""
            Prove that every finite group of order p^2, for p prime, is abelian, and then prove the \
            classification of finite simple groups of Lie type of rank one.
            """)
        #expect(result.tier >= .complex)
        #expect(result.score > 0.6)
        #expect(result.task == .reasoning)
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

    @Test func scoreOrdersEasyBelowHard() {
        let easy = classifier.classify("hi, how are you?").score
        let medium = classifier.classify("Write a short email to my team saying the meeting moved to 3pm.").score
        let hard = classifier.classify("""
            Design a distributed, strongly consistent key-value store that survives network partitions. \
            Describe the consensus protocol, prove its safety invariants, and analyse latency under failures.
            """).score
        #expect(easy < medium)
        #expect(medium < hard)
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

    @Test func contributionsAreNamedAndOrdered() {
        let result = classifier.classify("Prove the Riemann hypothesis implies the prime number theorem error term.")
        #expect(!result.contributions.isEmpty)
        #expect(result.contributions.count <= 8)
        let strengths = result.contributions.map { abs($0.weight) }
        #expect(strengths == strengths.sorted(by: >))
        for contribution in result.contributions {
            // Readable: a known structural name or namespace:"text".
            let known = StructuralFeature.allCases.contains { $0.name == contribution.feature }
            #expect(known || contribution.feature.contains(":\""), "\(contribution.feature)")
        }
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
