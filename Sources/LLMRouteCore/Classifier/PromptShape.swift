/// Counts gathered while scanning a prompt, turned into `StructuralFeature`s at the end.
/// Also feeds the human-readable reasons.
struct PromptShape {
    var fullByteCount = 0
    var sampled = false
    var words = 0
    var wordScalars = 0
    /// Non-blank lines.
    var lines = 0
    var firstLineBytes = -1
    var fences = 0
    var codeLines = 0
    var listItems = 0
    var constraints = 0
    var questionMarks = 0
    var questionForm = false
    var numbers = 0
    var mathSymbols = 0
    var latexCommands = 0
    var urls = 0
    var controlScalars = 0
    var scalars = 0
    /// ASCII letters, counted apart from `scriptLetters` so the hot loop skips an array write.
    var asciiLetters = 0
    /// Non-ASCII letters per script.
    var scriptLetters = [Int](repeating: 0, count: UTF8Scalars.Script.allCases.count)

    var isEmpty: Bool { words == 0 }

    /// Share of the prompt after its first line: high when an instruction is followed by a
    /// pasted document, code or data.
    var pastedShare: Double {
        guard firstLineBytes >= 0, fullByteCount > 0 else { return 0 }
        return Double(fullByteCount - firstLineBytes) / Double(fullByteCount)
    }

    /// The script most letters are in, and whether a second one has a real share.
    var dominantScript: (script: UTF8Scalars.Script, mixed: Bool) {
        var letters = scriptLetters
        letters[UTF8Scalars.Script.latin.rawValue] += asciiLetters
        let total = letters.reduce(0, +)
        guard total > 0 else { return (.latin, false) }
        var best = 0
        for index in letters.indices where letters[index] > letters[best] { best = index }
        let others = total - letters[best]
        return (UTF8Scalars.Script(rawValue: best)!, others * 5 >= total)
    }

    /// Calls `emit` for each structural feature that holds.
    func forEachFeature(_ emit: (StructuralFeature) -> Void) {
        if isEmpty { emit(.empty) }
        let lengthSteps: [(Int, StructuralFeature)] = [
            (40, .length40), (100, .length100), (250, .length250), (600, .length600),
            (1500, .length1500), (4000, .length4000), (12000, .length12000),
        ]
        for (limit, feature) in lengthSteps where fullByteCount >= limit { emit(feature) }
        if lines >= 3 { emit(.lines3) }
        if lines >= 10 { emit(.lines10) }
        if lines >= 40 { emit(.lines40) }
        if fences >= 1 { emit(.codeFence) }
        if codeLines >= 1 { emit(.codeLines1) }
        if codeLines >= 3 { emit(.codeLines3) }
        if codeLines >= 10 { emit(.codeLines10) }
        if codeLines >= 30 { emit(.codeLines30) }
        if listItems >= 1 { emit(.listItems1) }
        if listItems >= 3 { emit(.listItems3) }
        if listItems >= 6 { emit(.listItems6) }
        if constraints >= 1 { emit(.constraints1) }
        if constraints >= 2 { emit(.constraints2) }
        if constraints >= 4 { emit(.constraints4) }
        if constraints >= 7 { emit(.constraints7) }
        if questionMarks >= 1 { emit(.questionMark) }
        if questionMarks >= 2 { emit(.questionMarks2) }
        if questionMarks >= 4 { emit(.questionMarks4) }
        if questionForm { emit(.questionForm) }
        if numbers >= 1 { emit(.numbers1) }
        if numbers >= 3 { emit(.numbers3) }
        if numbers >= 8 { emit(.numbers8) }
        if mathSymbols >= 1 { emit(.mathSymbols1) }
        if mathSymbols >= 4 { emit(.mathSymbols4) }
        if mathSymbols >= 12 { emit(.mathSymbols12) }
        if latexCommands >= 1 { emit(.latex) }
        if fullByteCount >= 300 && pastedShare >= 0.5 { emit(.pastedHalf) }
        if fullByteCount >= 300 && pastedShare >= 0.8 { emit(.pastedMost) }
        if urls >= 1 { emit(.url) }
        if scalars > 0 && controlScalars * 20 >= scalars { emit(.binaryLooking) }
        if sampled { emit(.sampled) }
        if words > 0 && wordScalars >= 6 * words { emit(.longWords) }
        if words > 0 && wordScalars >= 8 * words { emit(.veryLongWords) }
        let (script, mixed) = dominantScript
        switch script {
        case .latin: break
        case .cyrillic: emit(.scriptCyrillic)
        case .greek: emit(.scriptGreek)
        case .arabicHebrew: emit(.scriptArabicHebrew)
        case .indic: emit(.scriptIndic)
        case .cjk: emit(.scriptCJK)
        case .hangul: emit(.scriptHangul)
        case .thai: emit(.scriptThai)
        case .other: emit(.scriptOther)
        }
        if mixed { emit(.mixedScripts) }
    }
}
