/// The shipped classifier's feature sink: adds each feature's int8 weight row to per-namespace
/// sums as the extractor finds it (a feature's value depends on its namespace's feature count,
/// known only at the end, so scaling happens once per namespace), and, when explaining, logs
/// each feature's row so its pull on the chosen kind can be named afterwards.
struct ScoringSink: FeatureSink {
    let model: ClassifierModel
    // A row has ≤ 16 columns, so it is one 16-lane vector: a feature costs one load, one
    // widening convert and one add. Sums are in int8 code units, one accumulator per namespace.
    var wordSums = SIMD16<Float>()
    var pairSums = SIMD16<Float>()
    var gramSums = SIMD16<Float>()
    var firstWordSums = SIMD16<Float>()
    var structuralSums = SIMD16<Float>()
    /// Hashed features seen, for `--explain` (nil when not explaining).
    let log: ExplainLog?
    var logged = 0
    var structural: [StructuralFeature] = []
    /// Every structural feature that held, one bit per `StructuralFeature.rawValue` (the
    /// strong-model score reads them whether or not it explains).
    var structuralMask: UInt64 = 0

    init(model: ClassifierModel, explain: Bool, byteCount: Int) {
        self.model = model
        // At most ~3 hashed features per byte (a 4-gram, a word, a pair); huge prompts log
        // their first 8,192 features, which is plenty to find the strongest.
        log = explain ? ExplainLog(capacity: min(3 * byteCount + 64, 8192)) : nil
    }

    @inline(__always)
    mutating func addHashed(row: Int, namespace: FeatureNamespace, span: FeatureSpan) {
        let codes = model.rowVector(row)
        let values = SIMD16<Float>(codes)
        switch namespace {
        case .word: wordSums += values
        case .wordPair: pairSums += values
        case .charGram: gramSums += values
        case .firstWord: firstWordSums += values
        }
        if let log, logged < log.capacity {
            log.records[logged] = ExplainRecord(row: Int32(row), namespace: namespace, span: span)
            logged += 1
        }
    }

    mutating func addStructural(_ feature: StructuralFeature) {
        structuralSums += SIMD16<Float>(model.rowVector(feature.rawValue)) * model.header.features.structuralScale
        structuralMask |= 1 << UInt64(feature.rawValue)
        if log != nil { structural.append(feature) }
    }

    /// Column sums with each namespace scaled by scale / sqrt(its feature count).
    func sums(counts: NamespaceCounts) -> [Float] {
        var total = structuralSums
        if counts.words > 0 { total += wordSums * namespaceFactor(.word, counts: counts) }
        if counts.wordPairs > 0 { total += pairSums * namespaceFactor(.wordPair, counts: counts) }
        if counts.charGrams > 0 { total += gramSums * namespaceFactor(.charGram, counts: counts) }
        if counts.firstWords > 0 { total += firstWordSums * namespaceFactor(.firstWord, counts: counts) }
        // Code units until here: one multiply per column restores weights.
        return (0..<model.columnCount).map { total[$0] * model.columnScales[$0] }
    }

    func namespaceFactor(_ namespace: FeatureNamespace, counts: NamespaceCounts) -> Float {
        model.header.features.scale(namespace) / Float(counts[namespace]).squareRoot()
    }

    /// The strongest pulls on one column (the chosen kind's logit), strongest first.
    func strongest(_ limit: Int, column explainColumn: Int, counts: NamespaceCounts) -> [(pull: Float, source: ContributionSource)] {
        let scale = model.columnScales[explainColumn]
        var top: [(pull: Float, source: ContributionSource)] = []
        var bar: Float = 0
        func consider(_ pull: Float, _ source: @autoclosure () -> ContributionSource) {
            guard abs(pull) > bar || top.count < limit, pull != 0 else { return }
            top.append((pull, source()))
            guard top.count > limit else { return }
            top.sort { abs($0.pull) > abs($1.pull) }
            top.removeLast()
            bar = abs(top[top.count - 1].pull)
        }
        for feature in structural {
            let code = model.row(feature.rawValue)[explainColumn]
            consider(Float(code) * scale * model.header.features.structuralScale, .structural(feature))
        }
        if let log {
            let factors = FeatureNamespace.allCases.map { counts[$0] > 0 ? namespaceFactor($0, counts: counts) * scale : 0 }
            for index in 0..<logged {
                let record = log.records[index]
                let code = model.row(Int(record.row))[explainColumn]
                consider(Float(code) * factors[Int(record.namespace.rawValue)], .hashed(record.namespace, record.span))
            }
        }
        return top.sorted { abs($0.pull) > abs($1.pull) }
    }
}
