/// A transparent rule-based classifier: keyword cues for the task, structure and cue words for
/// the tier. It is the baseline the learned `LocalClassifier` is measured against, and a fallback
/// that needs no weights (`--classifier heuristic`).
public struct HeuristicClassifier: PromptClassifier {
    public let name = "heuristic"
    /// Prompts longer than this are judged from their head and tail only.
    public static let sampleLimit = 64 * 1024

    public init() {}

    static let taskCues: [(TaskKind, [String])] = [
        (.coding, ["code", "function", "python", "javascript", "typescript", "java ", "c++", "rust", "golang", "sql", "regex",
                   "bash", "script", "compile", "bug", "debug", "implement", "class ", "api", "algorithm", "def ", "```"]),
        (.summarization, ["summarize", "summarise", "summary", "tl;dr", "tldr", "key points", "condense", "in a nutshell"]),
        (.creative, ["poem", "story", "haiku", "slogan", "joke", "lyrics", "song", "brainstorm", "tagline", "fiction",
                     "role-play", "roleplay", "creative", "limerick"]),
        (.reasoning, ["prove", "proof", "solve", "calculate", "equation", "how many", "probability", "puzzle", "riddle",
                      "logic", "integral", "derivative", "theorem", "step by step", "schedule", "plan "]),
        (.analysis, ["compare", "analy", "explain why", "pros and cons", "evaluate", "assess", "classify", "extract",
                     "rewrite", "edit ", "review", "critique", "recommend", "difference between", "trade-off", "tradeoff"]),
    ]

    static let expertCues = ["prove", "theorem", "research", "distributed", "consensus", "formal", "architecture",
                             "system design", "scalab", "optimi", "cryptograph", "compiler", "kernel", "quantum",
                             "differential equation", "legal", "diagnos", "pharmacolog", "derivation", "rigorous"]
    static let complexCues = ["implement", "design", "algorithm", "step by step", "multi-step", "analyze", "analyse",
                              "compare", "debug", "optimize", "strategy", "essay", "detailed", "in depth", "trade-off"]

    public func classify(_ prompt: String) -> Classification {
        let sampled = prompt.utf8.count > Self.sampleLimit
        let text = LowercasedBytes(sampled ? Self.sample(prompt) : prompt)
        var reasons: [String] = []
        if sampled { reasons.append("prompt is \(prompt.utf8.count) bytes: judged from its first and last 32 KiB") }
        if text.words == 0 {
            return Classification(tier: .simple, task: .simpleQA, score: 0, confidence: 0.2,
                                  reasons: reasons + ["empty prompt"], sampled: sampled)
        }

        var bestTask = TaskKind.simpleQA
        var bestHits: [String] = []
        for (task, cues) in Self.taskCues {
            let hits = cues.filter { text.contains($0) }
            if hits.count > bestHits.count { bestTask = task; bestHits = hits }
        }
        reasons.append(bestHits.isEmpty
            ? "no task cue words: treated as a question"
            : "task \(bestTask.rawValue): mentions \(bestHits.prefix(3).map { "\"\($0.trimmingSpaces)\"" }.joined(separator: ", "))")

        let words = text.words
        let expertHits = Self.expertCues.filter { text.contains($0) }
        let complexHits = Self.complexCues.filter { text.contains($0) }
        let constraints = text.count(of: UInt8(ascii: "\n")) / 3 + text.count(of: UInt8(ascii: ",")) / 4
        var points = 0.0
        points += Double(min(expertHits.count, 3)) * 1.2
        points += Double(min(complexHits.count, 3)) * 0.7
        points += words > 400 ? 1 : (words > 60 ? 0.6 : (words > 20 ? 0.3 : 0))
        points += Double(min(constraints, 4)) * 0.25
        if bestTask == .coding || bestTask == .reasoning { points += 0.6 }
        if bestTask == .simpleQA && words < 15 { points -= 0.5 }

        let tier: Tier = points >= 3 ? .expert : points >= 1.6 ? .complex : points >= 0.6 ? .medium : .simple
        if !expertHits.isEmpty { reasons.append("expert cues: \(expertHits.prefix(3).joined(separator: ", "))") }
        if !complexHits.isEmpty { reasons.append("complexity cues: \(complexHits.prefix(3).joined(separator: ", "))") }
        reasons.append("\(words) words")
        // A logistic squash of the same points: 0.5 around the medium/complex boundary.
        let score = 1 / (1 + exp(-(points - 1.6) * 1.5))
        let confidence = min(0.9, 0.4 + 0.1 * Double(bestHits.count + expertHits.count))
        return Classification(tier: tier, task: bestTask, score: score, confidence: confidence,
                              reasons: reasons, sampled: sampled)
    }

    /// Head and tail of a huge prompt, cut on character boundaries.
    static func sample(_ prompt: String) -> String {
        let half = sampleLimit / 2
        let utf8 = prompt.utf8
        let head = String(decoding: utf8.prefix(half), as: UTF8.self)
        let tail = String(decoding: utf8.suffix(half), as: UTF8.self)
        return head + "\n" + tail
    }
}

/// A prompt's bytes with ASCII letters lowercased: cue words are ASCII, and byte search is far
/// cheaper than `String.contains` (which builds a search table per call).
struct LowercasedBytes {
    let bytes: [UInt8]
    let words: Int

    init(_ text: String) {
        var bytes = Array(text.utf8)
        var words = 0
        var inWord = false
        for i in bytes.indices {
            let b = bytes[i]
            if b >= 0x41 && b <= 0x5A { bytes[i] = b | 0x20 }
            let space = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        self.bytes = bytes
        self.words = words
    }

    func contains(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, pattern.count <= bytes.count else { return false }
        var i = 0
        let last = bytes.count - pattern.count
        while i <= last {
            if bytes[i] == first {
                var j = 1
                while j < pattern.count && bytes[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return true }
            }
            i += 1
        }
        return false
    }

    func count(of byte: UInt8) -> Int { bytes.reduce(0) { $0 + ($1 == byte ? 1 : 0) } }
}

extension StringProtocol {
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[first...last])
    }
}
