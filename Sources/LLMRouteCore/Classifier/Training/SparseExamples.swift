/// The training prompts as a sparse matrix (compressed rows): for each prompt, the weight rows
/// its features hit and their values. Built with the classifier's own `FeatureExtractor`, so
/// training sees exactly what the shipped classifier computes.
struct SparseExamples {
    var rowStarts: [Int] = [0]
    var featureRows: [Int32] = []
    var values: [Float] = []
    var count: Int { rowStarts.count - 1 }

    init(prompts: [String], configuration: FeatureConfiguration) {
        let extractor = FeatureExtractor(configuration: configuration)
        for prompt in prompts {
            var sink = RecordingSink()
            let counts: NamespaceCounts = PromptSample.withBytes(of: prompt) { bytes, sample in
                extractor.extract(bytes, sample: sample, into: &sink).counts
            }
            for (row, namespace) in sink.hashed {
                featureRows.append(Int32(row))
                values.append(configuration.scale(namespace) / Float(counts[namespace]).squareRoot())
            }
            for feature in sink.structural {
                featureRows.append(Int32(feature.rawValue))
                values.append(configuration.structuralScale)
            }
            rowStarts.append(featureRows.count)
        }
    }

    /// Column sums of one example against a row-major matrix (the linear part of every head).
    func sums(example: Int, matrix: UnsafeBufferPointer<Float>, columns: Int, into sums: inout [Float]) {
        for column in 0..<columns { sums[column] = 0 }
        for entry in rowStarts[example]..<rowStarts[example + 1] {
            let base = Int(featureRows[entry]) * columns
            let value = values[entry]
            for column in 0..<columns { sums[column] += value * matrix[base + column] }
        }
    }
}

/// Records what the extractor emits; values are assigned once the namespace counts are known.
private struct RecordingSink: FeatureSink {
    var hashed: [(Int, FeatureNamespace)] = []
    var structural: [StructuralFeature] = []
    mutating func addHashed(row: Int, namespace: FeatureNamespace, span: FeatureSpan) { hashed.append((row, namespace)) }
    mutating func addStructural(_ feature: StructuralFeature) { structural.append(feature) }
}
