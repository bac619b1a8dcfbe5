/// Joins physical lines into one message. A line ending in `\` continues on the next line;
/// a line starting with `"""` opens a block that runs to a line ending in `"""` (text on the
/// opening and closing lines is part of the message).
struct InputAssembler {
    enum Step: Equatable {
        /// The message is complete.
        case complete(String)
        /// More lines are needed (show the continuation prompt).
        case more
    }

    static let fence = "\"\"\""
    private var lines: [String] = []
    private var inBlock = false

    /// True while a message is being assembled (the prompt shows `...`).
    var isContinuing: Bool { inBlock || !lines.isEmpty }

    mutating func reset() {
        lines = []
        inBlock = false
    }

    /// The unfinished message as it stands (input ended inside a block or after a `\`).
    mutating func finishPending() -> String? {
        guard isContinuing else { return nil }
        if case .complete(let text) = finish(trimBlankEdges: inBlock) { return text }
        return nil
    }

    mutating func feed(_ line: String) -> Step {
        if inBlock {
            if line.trimmingTrailingSpaces().hasSuffix(Self.fence) {
                lines.append(String(line.trimmingTrailingSpaces().dropLast(3)))
                return finish(trimBlankEdges: true)
            }
            lines.append(line)
            return .more
        }
        if lines.isEmpty, line.trimmingLeadingSpaces().hasPrefix(Self.fence) {
            let rest = String(line.trimmingLeadingSpaces().dropFirst(3))
            // `"""one line"""` is a whole block on one line.
            if rest.trimmingTrailingSpaces().hasSuffix(Self.fence) {
                lines = [String(rest.trimmingTrailingSpaces().dropLast(3))]
                return finish(trimBlankEdges: true)
            }
            inBlock = true
            lines = [rest]
            return .more
        }
        if line.hasSuffix("\\") {
            lines.append(String(line.dropLast()))
            return .more
        }
        lines.append(line)
        return finish(trimBlankEdges: false)
    }

    private mutating func finish(trimBlankEdges: Bool) -> Step {
        var parts = lines
        if trimBlankEdges {
            // The fences usually sit on their own lines; they do not add blank lines.
            if parts.first?.allSatisfy({ $0 == " " || $0 == "\t" }) == true { parts.removeFirst() }
            if parts.last?.allSatisfy({ $0 == " " || $0 == "\t" }) == true { parts.removeLast() }
        }
        reset()
        return .complete(parts.joined(separator: "\n"))
    }
}

extension String {
    func trimmingLeadingSpaces() -> Substring {
        drop { $0 == " " || $0 == "\t" }
    }

    func trimmingTrailingSpaces() -> Substring {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
