/// Human-readable output of the local classifier: feature names for `--explain` and the short
/// reasons every classification carries.
enum ClassifierExplanation {
    /// The readable name of a hashed feature, rebuilt from the prompt text it came from
    /// (hash buckets themselves have no names).
    static func name(of namespace: FeatureNamespace, span: FeatureSpan, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        if namespace == .word && span.flags & FeatureSpan.number != 0 { return "word:<number>" }
        var text = ""
        var index = Int(span.start)
        let end = min(Int(span.end), bytes.count)
        var inNumber = false
        while index < end && text.unicodeScalars.count < 40 {
            let (value, length) = UTF8Scalars.decode(bytes, at: index)
            index += length
            let isDigit = (0x30...0x39).contains(value)
            // Numbers were hashed as one "<number>" token, so show them as N.
            if span.flags & FeatureSpan.number != 0 && isDigit {
                if !inNumber { text += "N" }
                inNumber = true
                continue
            }
            inNumber = false
            let lower = UTF8Scalars.lowercased(value)
            switch UTF8Scalars.role(value) {
            case .space: text += " "
            case .control: text += "?"
            default: text.unicodeScalars.append(Unicode.Scalar(lower) ?? "?")
            }
        }
        if span.flags & FeatureSpan.leadingBoundary != 0 { text = " " + text }
        if span.flags & FeatureSpan.trailingBoundary != 0 { text += " " }
        return "\(namespace.label):\"\(text)\""
    }

    /// What `classify --explain` shows: the kind prior's push on the score (a logit), the
    /// shape features' pushes within that kind, then the words that made it that kind (their
    /// push on the kind's own logit), each group strongest first.
    static func contributions(
        outputs: HeadOutputs, weights: ClassifierWeights, sink: ScoringSink, counts: NamespaceCounts,
        bytes: UnsafeBufferPointer<UInt8>
    ) -> [FeatureContribution] {
        let kindIndex = TaskKind.allCases.firstIndex(of: outputs.task)!
        var result = [FeatureContribution(
            feature: "kind:\(outputs.task.rawValue) prior", weight: outputs.priorLogit)]
        for (feature, pull) in weights.gap.shapePulls(outputs.gapInputs, limit: 5) {
            result.append(FeatureContribution(feature: feature.name, weight: pull))
        }
        let kindColumn = weights.columns.task.lowerBound + kindIndex
        for item in sink.strongest(3, column: kindColumn, counts: counts) where item.pull > 0 {
            switch item.source {
            case .structural(let feature):
                result.append(FeatureContribution(feature: "\(outputs.task.rawValue)<-\(feature.name)", weight: Double(item.pull)))
            case .hashed(let namespace, let span):
                result.append(FeatureContribution(
                    feature: "\(outputs.task.rawValue)<-" + name(of: namespace, span: span, in: bytes), weight: Double(item.pull)))
            }
        }
        return result
    }

    static func reasons(outputs: HeadOutputs, weights: ClassifierWeights, shape: PromptShape,
                        contributions: [FeatureContribution]) -> [String] {
        var reasons: [String] = []
        if shape.sampled {
            reasons.append("prompt is \(shape.fullByteCount) bytes: judged from its first \(PromptSample.headBytes / 1024) KiB and last \(PromptSample.tailBytes / 1024) KiB")
        }
        if shape.isEmpty {
            reasons.append("empty prompt")
        }
        let taskP = outputs.taskProbabilities[TaskKind.allCases.firstIndex(of: outputs.task)!]
        let prior = ClassifierDecoding.sigmoid(outputs.priorLogit)
        reasons.append("kind \(outputs.task.rawValue) (p \(format(taskP))): gap prior \(format(prior)) learned from graded outcomes")
        let cuts = weights.gap.tierCuts.map { format(Double($0)) }.joined(separator: " / ")
        reasons.append("strong-model score \(format(outputs.score)) -> tier \(outputs.tier.rawValue) (score cuts \(cuts))")
        var shapeNotes: [String] = []
        if shape.fences > 0 || shape.codeLines >= 3 { shapeNotes.append("contains code") }
        if shape.mathSymbols >= 4 || shape.latexCommands > 0 { shapeNotes.append("math notation") }
        if shape.fullByteCount >= 300 && shape.pastedShare >= 0.8 { shapeNotes.append("mostly pasted text") }
        if shape.constraints >= 4 { shapeNotes.append("\(shape.constraints) constraint words") }
        let script = shape.dominantScript.script
        if script != .latin && !shape.isEmpty { shapeNotes.append("\(script.label) script") }
        if !shape.isEmpty { shapeNotes.append("\(shape.words) words") }
        if !shapeNotes.isEmpty { reasons.append(shapeNotes.joined(separator: ", ")) }
        let pulls = weights.gap.shapePulls(outputs.gapInputs, limit: 5)
        let harder = pulls.filter { $0.pull > 0 }.prefix(3).map(\.feature.name)
        let easier = pulls.filter { $0.pull < 0 }.prefix(2).map(\.feature.name)
        if !harder.isEmpty { reasons.append("harder within its kind: " + harder.joined(separator: ", ")) }
        if !easier.isEmpty { reasons.append("easier within its kind: " + easier.joined(separator: ", ")) }
        let evidence = contributions.filter { $0.feature.contains("<-") }.prefix(3).map {
            String($0.feature.split(separator: "<-", maxSplits: 1).last ?? "")
        }
        if !evidence.isEmpty { reasons.append("\(outputs.task.rawValue) because of " + evidence.joined(separator: ", ")) }
        return reasons
    }

    static func format(_ value: Double, digits: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        }
        return text
    }
}
