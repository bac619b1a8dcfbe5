/// Turns a prompt's bytes into features: hashed words, word pairs, character n-grams inside
/// words, the first word, and the structural indicators of `PromptShape`. The same code runs in
/// the training tool and in the shipped classifier.
struct FeatureExtractor: Sendable {
    let configuration: FeatureConfiguration
    /// Longest character n-gram, at most `GramWindow.capacity`.
    let longestGram: Int
    private let bucketMask: Int
    private let structuralRows: Int

    init(configuration: FeatureConfiguration) {
        self.configuration = configuration
        bucketMask = configuration.bucketCount - 1
        longestGram = min(configuration.longestCharacterGram, GramWindow.capacity)
        structuralRows = StructuralFeature.allCases.count
    }

    /// Scans `bytes` (the prompt or its sample), sends every feature to `sink` and returns the
    /// prompt's shape and per-namespace feature counts.
    func extract<Sink: FeatureSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, sample: PromptSample, into sink: inout Sink
    ) -> (shape: PromptShape, counts: NamespaceCounts) {
        // The presence bitset lives on the stack (4 KiB at 2^15 buckets): no heap traffic.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(1, configuration.bucketCount / 64)) { seen in
            seen.initialize(repeating: 0)
            var scan = Scan(extractor: self, bytes: bytes, seen: seen.baseAddress!)
            scan.shape.fullByteCount = sample.fullByteCount
            scan.shape.sampled = sample.sampled
            scan.run(&sink)
            scan.shape.forEachFeature { sink.addStructural($0) }
            return (scan.shape, scan.counts)
        }
    }

    @inline(__always)
    fileprivate func row(_ hash: UInt64) -> Int { structuralRows + Int(truncatingIfNeeded: hash) & bucketMask }
}

/// One pass over the bytes. Kept as a separate value so the hot state lives in locals/registers.
private struct Scan {
    let extractor: FeatureExtractor
    let bytes: UnsafeBufferPointer<UInt8>
    var shape = PromptShape()
    var counts = NamespaceCounts()
    /// Presence bitset over hashed rows: each row is sent once per prompt.
    let seen: UnsafeMutablePointer<UInt64>

    // Current word.
    var inWord = false
    var wordHash: UInt64 = 0
    var wordStart = 0
    var wordScalarCount = 0
    var wordAllDigits = true
    // Previous token, for word pairs.
    var previousHash: UInt64 = 0
    var previousStart = -1
    var previousFlags: UInt8 = 0
    var sawFirstWord = false
    /// Last five scalars of the current word, for character n-grams.
    var window = GramWindow()
    // Current line.
    var lineHasContent = false
    var lineLastSymbol: UInt32 = 0

    init(extractor: FeatureExtractor, bytes: UnsafeBufferPointer<UInt8>, seen: UnsafeMutablePointer<UInt64>) {
        self.extractor = extractor
        self.bytes = bytes
        self.seen = seen
    }

    mutating func run<Sink: FeatureSink>(_ sink: inout Sink) {
        var index = 0
        let count = bytes.count
        let characterGrams = extractor.configuration.characterGrams
        while index < count {
            let (value, length) = UTF8Scalars.decode(bytes, at: index)
            shape.scalars += 1
            let role = value < 0x80 ? UTF8Scalars.asciiRole(value) : UTF8Scalars.role(value)
            if role != .space && !lineHasContent {
                lineHasContent = true
                startLine(at: index)
            }
            switch role {
            case .wordPart:
                if !inWord { beginWord(at: index) }
                let lower = UTF8Scalars.lowercased(value)
                wordHash = FeatureHashing.mix(wordHash, lower)
                wordScalarCount += 1
                if value < 0x30 || value > 0x39 { wordAllDigits = false }
                if value >= 0x80 {
                    shape.scriptLetters[UTF8Scalars.script(value).rawValue] += 1
                } else if value >= 0x41 {
                    shape.asciiLetters += 1
                }
                if characterGrams { pushGram(lower, start: index, end: index + length, &sink) }
                lineLastSymbol = 0
            case .standalone:
                endWord(at: index, &sink)
                shape.scriptLetters[UTF8Scalars.script(value).rawValue] += 1
                shape.words += 1
                shape.wordScalars += 2
                let hash = FeatureHashing.finish(FeatureHashing.mix(FeatureHashing.start(.word), value))
                emitToken(hash, start: index, end: index + length, flags: 0, &sink)
                lineLastSymbol = 0
            case .symbol:
                endWord(at: index, &sink)
                countSymbol(value, at: index)
                // Symbols are unigrams only: they carry code/math signal, but as pair partners
                // they would mostly add noise ("? the").
                let hash = FeatureHashing.finish(FeatureHashing.mix(FeatureHashing.start(.word), value))
                add(.word, hash, FeatureSpan(start: Int32(index), end: Int32(index + length), flags: 0), &sink)
                lineLastSymbol = value
            case .space:
                endWord(at: index, &sink)
                if value == 0x0a { endLine(at: index) }
            case .control:
                endWord(at: index, &sink)
                shape.controlScalars += 1
            }
            index += length
        }
        endWord(at: count, &sink)
        endLine(at: count)
    }

    // MARK: Words

    @inline(__always)
    mutating func beginWord(at index: Int) {
        inWord = true
        wordHash = FeatureHashing.start(.word)
        wordStart = index
        wordScalarCount = 0
        wordAllDigits = true
        window.reset(wordStart: index)
    }

    @inline(__always)
    mutating func endWord<Sink: FeatureSink>(at index: Int, _ sink: inout Sink) {
        guard inWord else { return }
        inWord = false
        if extractor.configuration.characterGrams { pushGram(0x20, start: index, end: index, &sink) }
        shape.words += 1
        shape.wordScalars += wordScalarCount
        var hash = FeatureHashing.finish(wordHash)
        var flags: UInt8 = 0
        if wordAllDigits {
            shape.numbers += 1
            hash = CueWords.numberToken
            flags = FeatureSpan.number
        } else {
            if CueWords.contains(CueWords.constraints, hash) { shape.constraints += 1 }
            if (hash == CueWords.http || hash == CueWords.https) && index + 2 < bytes.count
                && bytes[index] == 0x3a && bytes[index + 1] == 0x2f { shape.urls += 1 }
        }
        if !sawFirstWord && !wordAllDigits {
            sawFirstWord = true
            if CueWords.contains(CueWords.questionStarts, hash) { shape.questionForm = true }
            add(.firstWord, FeatureHashing.pair(hash, 0x51f7), FeatureSpan(start: Int32(wordStart), end: Int32(index), flags: 0), &sink)
        }
        emitToken(hash, start: wordStart, end: index, flags: flags, &sink)
    }

    @inline(__always)
    mutating func emitToken<Sink: FeatureSink>(_ hash: UInt64, start: Int, end: Int, flags: UInt8, _ sink: inout Sink) {
        add(.word, hash, FeatureSpan(start: Int32(start), end: Int32(end), flags: flags), &sink)
        if previousStart >= 0 {
            let pairFlags = (previousFlags | flags) & FeatureSpan.number
            add(.wordPair, FeatureHashing.pair(previousHash, hash),
                FeatureSpan(start: Int32(previousStart), end: Int32(end), flags: pairFlags), &sink)
        }
        previousHash = hash
        previousStart = start
        previousFlags = flags
    }

    /// Appends a scalar to the current word's window and emits the n-grams ending at it.
    @inline(__always)
    mutating func pushGram<Sink: FeatureSink>(_ value: UInt32, start index: Int, end: Int, _ sink: inout Sink) {
        window.push(value, start: index)
        let trailing = value == 0x20
        let lengths = extractor.configuration.characterGramLengths
        // Hash the window from its newest scalar backwards, emitting at each wanted length.
        var hash = FeatureHashing.start(.charGram)
        for back in 0..<min(window.count, extractor.longestGram) {
            hash = FeatureHashing.mix(hash, window.value(back: back))
            let length = back + 1
            guard lengths & (1 << UInt32(length)) != 0 else { continue }
            let leading = window.value(back: back) == 0x20
            // A window that is only the padded edges of a 1-scalar word says nothing new.
            if leading && trailing && length == 3 { continue }
            var flags: UInt8 = 0
            if leading { flags |= FeatureSpan.leadingBoundary }
            if trailing { flags |= FeatureSpan.trailingBoundary }
            add(.charGram, FeatureHashing.finish(hash),
                FeatureSpan(start: Int32(truncatingIfNeeded: window.start(back: back)), end: Int32(truncatingIfNeeded: end), flags: flags), &sink)
        }
    }

    @inline(__always)
    mutating func add<Sink: FeatureSink>(_ namespace: FeatureNamespace, _ hash: UInt64, _ span: FeatureSpan, _ sink: inout Sink) {
        let row = extractor.row(hash)
        let bit = row - StructuralFeature.allCases.count
        let word = bit >> 6, mask = UInt64(1) << UInt64(bit & 63)
        if seen[word] & mask != 0 { return }
        seen[word] |= mask
        counts[namespace] += 1
        sink.addHashed(row: row, namespace: namespace, span: span)
    }

    // MARK: Lines and symbols

    mutating func countSymbol(_ value: UInt32, at index: Int) {
        switch value {
        case 0x3f, 0xff1f: shape.questionMarks += 1                      // ? and fullwidth ？
        case 0x3d, 0x5e, 0xb1, 0xd7, 0xf7, 0x2200...0x22ff: shape.mathSymbols += 1
        case 0x5c:                                                       // \command
            if index + 1 < bytes.count, case 0x61...0x7a = bytes[index + 1] { shape.latexCommands += 1 }
        default: break
        }
    }

    /// Looks at a line's first non-blank bytes: list markers and code fences.
    mutating func startLine(at index: Int) {
        let first = bytes[index]
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        if (first == 0x2d || first == 0x2a) && next == 0x20 { shape.listItems += 1; return }   // "- ", "* "
        if first == 0x60 && next == 0x60 && index + 2 < bytes.count && bytes[index + 2] == 0x60 {
            shape.fences += 1
            return
        }
        if case 0x30...0x39 = first {
            var cursor = index + 1
            while cursor < bytes.count, case 0x30...0x39 = bytes[cursor] { cursor += 1 }
            if cursor + 1 < bytes.count && (bytes[cursor] == 0x2e || bytes[cursor] == 0x29) && bytes[cursor + 1] == 0x20 {
                shape.listItems += 1
            }
        }
        // Indented by a tab or 4+ spaces: code or pre-formatted data.
        var indent = 0
        var cursor = index - 1
        while cursor >= 0 && (bytes[cursor] == 0x20 || bytes[cursor] == 0x09) {
            indent += bytes[cursor] == 0x09 ? 4 : 1
            cursor -= 1
        }
        if indent >= 4 { shape.codeLines += 1 }
    }

    mutating func endLine(at index: Int) {
        if shape.firstLineBytes < 0 && lineHasContent { shape.firstLineBytes = index }
        if lineHasContent {
            // Lines ending in ; { } are code.
            if lineLastSymbol == 0x3b || lineLastSymbol == 0x7b || lineLastSymbol == 0x7d { shape.codeLines += 1 }
            shape.lines += 1
        }
        lineHasContent = false
        lineLastSymbol = 0
    }
}
