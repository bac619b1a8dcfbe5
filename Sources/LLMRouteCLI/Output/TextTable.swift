/// A plain aligned table for terminals; numbers right-aligned.
struct TextTable {
    var headers: [String]
    var rightAligned: Set<Int>
    var rows: [[String]] = []

    init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render(console: Console) -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func format(_ cells: [String]) -> String {
            var line = ""
            for (i, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[i] - cell.count))
                let isLast = i == cells.count - 1
                if rightAligned.contains(i) { line += padding + cell } else { line += cell + (isLast ? "" : padding) }
                if !isLast { line += "  " }
            }
            return line
        }
        var out = console.style(format(headers), .bold) + "\n"
        for row in rows { out += format(row) + "\n" }
        return out
    }
}

/// RFC 4180 CSV.
enum CSV {
    static func row(_ cells: [String]) -> String {
        cells.map { cell in
            guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
            return "\"" + cell.replacing("\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\n"
    }
}
