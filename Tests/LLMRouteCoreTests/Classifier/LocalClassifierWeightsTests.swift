import Testing
@testable import LLMRouteCore

/// The weights linked into the binary: present, the expected shape, and readable back.
@Suite struct LocalClassifierWeightsTests {
    func load(_ bytes: [UInt8]) -> Result<ClassifierWeights, ClassifierModelLayout.LoadError> {
        bytes.withUnsafeBytes { raw in
            do {
                return .success(try ClassifierModelLayout.deserialize(raw))
            } catch {
                return .failure(error as! ClassifierModelLayout.LoadError)
            }
        }
    }

    @Test func bundledWeightsLoadWithExpectedShape() throws {
        #expect(LocalClassifier.bundledWeightsError == nil)
        let header = try #require(LocalClassifier.bundledWeightsInfo)
        #expect(header.tierHead == .blend)
        #expect(header.columns.count == 12)
        #expect(header.features.hashBits == 15)
        #expect(header.features.characterGramLengths == 0b1_0000)
        #expect(header.scoreCut == 5)
        #expect(header.trainingExamples > 1000)
        let model = try ClassifierModel.bundled.get()
        #expect(model.columnScales.allSatisfy { $0 > 0 && $0.isFinite })
        // Cut points of an ordinal head must ascend, or P(difficulty ≥ d) would not decrease.
        #expect(header.difficultyCuts == header.difficultyCuts.sorted())
        #expect(header.tierCuts == header.tierCuts.sorted())
        // The score head: trained (not the zero head), tier cuts ascending inside (0, 1).
        #expect(header.gap != GapHead())
        #expect(header.gap.tierCuts == header.gap.tierCuts.sorted())
        #expect(header.gap.tierCuts.allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test func serializeThenDeserializeKeepsEverythingButQuantisationError() throws {
        var weights = ClassifierWeights(features: FeatureConfiguration(hashBits: 6), tierHead: .blend,
                                        scoreCut: 5, trainingExamples: 7)
        var random = SplitMix64(seed: 1)
        weights.matrix = weights.matrix.map { _ in Float(Int(random.next() % 2001) - 1000) / 500 }
        weights.difficultyCuts = (0..<9).map { Float($0) - 4 }
        weights.gap = GapHead(flattened: (0..<GapHead.floatCount).map { Float($0) / 100 - 1 })
        let bytes = ClassifierModelLayout.serialize(weights)
        #expect(bytes.count == ClassifierModelLayout.headerBytes + weights.matrix.count + 16 + 8 + 4 * GapHead.floatCount)
        let back = try load(bytes).get()
        #expect(back.features == weights.features)
        #expect(back.difficultyCuts == weights.difficultyCuts)
        #expect(back.trainingExamples == 7)
        #expect(back.gap == weights.gap)  // stored as f32, not quantised
        let largest = weights.matrix.map(abs).max()!
        for (original, restored) in zip(weights.matrix, back.matrix) {
            #expect(abs(original - restored) <= largest / 254 + 1e-6)
        }
        #expect(back == ClassifierModelLayout.roundTrip(weights))
    }

    @Test func rejectsForeignOrTruncatedBlobs() {
        let weights = ClassifierWeights(features: FeatureConfiguration(hashBits: 6), tierHead: .ordinal,
                                        scoreCut: 5, trainingExamples: 1)
        var bytes = ClassifierModelLayout.serialize(weights)
        let truncated = Array(bytes.prefix(bytes.count - 20))
        #expect(load(truncated) == .failure(.tooShort))
        bytes[0] = 0
        #expect(load(bytes) == .failure(.badMagic))
    }
}
