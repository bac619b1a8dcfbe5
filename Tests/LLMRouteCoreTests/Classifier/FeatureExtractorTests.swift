import Testing
@testable import LLMRouteCore

/// Feature extraction details the weights depend on.
@Suite struct FeatureExtractorTests {
    /// Records features with their readable names.
    struct NamingSink: FeatureSink {
        var hashed: [(FeatureNamespace, FeatureSpan)] = []
        var structural: [StructuralFeature] = []
        mutating func addHashed(row: Int, namespace: FeatureNamespace, span: FeatureSpan) { hashed.append((namespace, span)) }
        mutating func addStructural(_ feature: StructuralFeature) { structural.append(feature) }
    }

    func features(_ prompt: String, configuration: FeatureConfiguration = FeatureConfiguration())
        -> (names: [String], structural: [StructuralFeature], shape: PromptShape) {
        let extractor = FeatureExtractor(configuration: configuration)
        return PromptSample.withBytes(of: prompt) { bytes, sample in
            var sink = NamingSink()
            let shape = extractor.extract(bytes, sample: sample, into: &sink).shape
            let names = sink.hashed.map { ClassifierExplanation.name(of: $0.0, span: $0.1, in: bytes) }
            return (names, sink.structural, shape)
        }
    }

    @Test func hashingIsPinned() {
        // The shipped weights are only valid for this exact hashing (FNV-1a per scalar + murmur
        // finaliser, checked against an independent Python computation): a change here must bump
        // ClassifierModelLayout.formatVersion and retrain.
        #expect(CueWords.wordHash("prove") == 0xf65c_917f_c979_2cb6)
        #expect(CueWords.wordHash("PROVE") == CueWords.wordHash("prove"))
    }

    @Test func namesWordsPairsGramsAndNumbers() {
        let names = features("Prove Fermat in 1994 steps").names
        #expect(names.contains("word:\"prove\""))
        #expect(names.contains("words:\"prove fermat\""))
        #expect(names.contains("first_word:\"prove\""))
        #expect(names.contains("chars:\" pro\""))
        #expect(names.contains("chars:\"ove \""))
        #expect(names.contains("word:<number>"))
        #expect(names.contains("words:\"in N\""))
    }

    @Test func ideographsAreWordsOfTheirOwn() {
        let result = features("解释量子")
        #expect(result.names.contains("word:\"解\""))
        #expect(result.names.contains("words:\"解释\""))
        #expect(result.structural.contains(.scriptCJK))
    }

    @Test func structuralFeaturesSeeShape() {
        let code = features("Fix this:\n```\nint main() {\n    return 0;\n}\n```\nWhat is wrong? Why?")
        #expect(code.structural.contains(.codeFence))
        #expect(code.structural.contains(.codeLines3))
        #expect(code.structural.contains(.questionMarks2))
        let math = features("Solve x^2 + 3x = 10 and \\frac{1}{2} \\le y")
        #expect(math.structural.contains(.latex))
        #expect(math.structural.contains(.mathSymbols1))
        let list = features("Write a plan. It must:\n- be short\n- include dates\n1. start\n2. finish")
        #expect(list.structural.contains(.listItems3))
        #expect(list.structural.contains(.constraints2))
        #expect(features("").structural.contains(.empty))
        #expect(features("What time is it").structural.contains(.questionForm))
    }

    @Test func eachRowIsSentOncePerPrompt() {
        let extractor = FeatureExtractor(configuration: FeatureConfiguration(hashBits: 12))
        struct RowSink: FeatureSink {
            var rows: [Int] = []
            mutating func addHashed(row: Int, namespace: FeatureNamespace, span: FeatureSpan) { rows.append(row) }
            mutating func addStructural(_ feature: StructuralFeature) {}
        }
        var sink = RowSink()
        _ = PromptSample.withBytes(of: String(repeating: "the same words again ", count: 50)) { bytes, sample in
            extractor.extract(bytes, sample: sample, into: &sink)
        }
        #expect(Set(sink.rows).count == sink.rows.count)
        #expect(sink.rows.allSatisfy { $0 >= StructuralFeature.allCases.count && $0 < FeatureConfiguration(hashBits: 12).rowCount })
    }
}
