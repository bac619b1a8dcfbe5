/// How capable a model must be to answer a prompt well (the design sketch's TaskComplexity).
public enum Tier: String, CaseIterable, Codable, Sendable, Comparable {
    case simple, medium, complex, expert

    public var rank: Int {
        switch self {
        case .simple: 0
        case .medium: 1
        case .complex: 2
        case .expert: 3
        }
    }

    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }
}

/// What kind of work a prompt asks for (the design sketch's task types).
public enum TaskKind: String, CaseIterable, Codable, Sendable {
    case coding, reasoning
    case simpleQA = "simple_qa"
    case creative, analysis, summarization
}
