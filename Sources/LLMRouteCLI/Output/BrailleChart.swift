/// A line chart of functions on [0, 1], drawn with Braille characters. Each character cell
/// holds 2×4 dots, so 60×15 cells give 120×60 dots: four times the resolution of block
/// characters in the same space, enough to see a curve's shape in a terminal.
///
/// Values outside the y range are drawn at its edge; `clamped` says whether any were.
struct BrailleChart {
    struct Series {
        var style: Console.Style
        /// Dotted series get a dot every third column, so they stay distinct without colour.
        var dotted: Bool
        var function: (Double) -> Double
    }

    let columns: Int
    let rows: Int
    let yRange: ClosedRange<Double>

    init(columns: Int = 60, rows: Int = 15, yRange: ClosedRange<Double> = 0...1) {
        self.columns = columns
        self.rows = rows
        self.yRange = yRange
    }

    private var dotsWide: Int { columns * 2 }
    private var dotsHigh: Int { rows * 4 }

    /// Braille dot bits by (dot column in the cell, dot row in the cell), per Unicode's layout.
    private static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// The plot area's rows (no axes); a cell takes the style of the first series with a dot in
    /// it. `clamped` is true when some value fell outside `yRange`.
    func plot(_ series: [Series], console: Console) -> (lines: [String], clamped: Bool) {
        var layers = [[UInt8]](repeating: [UInt8](repeating: 0, count: columns * rows), count: series.count)
        var clamped = false
        for (layer, line) in series.enumerated() {
            var previous: Int?
            for x in 0..<dotsWide {
                if line.dotted && x % 3 != 0 { continue }
                let value = line.function(Double(x) / Double(dotsWide - 1))
                if value < yRange.lowerBound || value > yRange.upperBound { clamped = true }
                let y = dotRow(value)
                // Join steep stretches with a vertical run, so a jump stays one connected line.
                let from = line.dotted ? y : (previous ?? y)
                for row in min(from, y)...max(from, y) { set(&layers[layer], x: x, y: row) }
                previous = y
            }
        }
        var lines: [String] = []
        for row in 0..<rows {
            var text = ""
            var run = ""
            var runStyle: Console.Style?
            for column in 0..<columns {
                let cell = row * columns + column
                let dots = layers.reduce(UInt8(0)) { $0 | $1[cell] }
                let style = layers.indices.first { layers[$0][cell] != 0 }.map { series[$0].style }
                if style != runStyle {
                    text += runStyle.map { console.style(run, $0) } ?? run
                    run = ""
                    runStyle = style
                }
                run += dots == 0 ? " " : String(Character(Unicode.Scalar(0x2800 + UInt32(dots))!))
            }
            // Blank cells at the end of a row are left off, so copied charts carry no trailing spaces.
            text += runStyle.map { console.style(run, $0) } ?? String(String(run.reversed().drop { $0 == " " }).reversed())
            lines.append(text)
        }
        return (lines, clamped)
    }

    /// The plot framed: y labels at the rows their values fall on, an x axis with ticks under
    /// the given shares, and the labels centred under the ticks.
    func render(_ series: [Series], yTicks: [(Double, String)], xTicks: [(Double, String)], xTitle: String,
                console: Console) -> (text: String, clamped: Bool) {
        let (plotLines, clamped) = plot(series, console: console)
        let gutter = max(4, yTicks.map(\.1.count).max() ?? 0) + 1
        var labels = [String?](repeating: nil, count: rows)
        for (value, label) in yTicks { labels[dotRow(value) / 4] = label }
        var out = ""
        for (row, line) in plotLines.enumerated() {
            if let label = labels[row] {
                out += HelpRenderer.pad(String(repeating: " ", count: gutter - 1 - label.count) + label, gutter) + "┤"
            } else {
                out += String(repeating: " ", count: gutter) + "│"
            }
            out += line + "\n"
        }
        let tickColumns = xTicks.map { Int((min(max($0.0, 0), 1) * Double(dotsWide - 1)).rounded()) / 2 }
        var axis = String(repeating: " ", count: gutter) + "└"
        for column in 0..<columns { axis += tickColumns.contains(column) ? "┬" : "─" }
        out += axis + "\n"
        // Labels centred under their ticks, kept inside the line and never overlapping.
        let width = gutter + 1 + columns + 2
        var labelLine = [Character](repeating: " ", count: width)
        var free = 0
        for (column, tick) in zip(tickColumns, xTicks) {
            let label = Array(tick.1)
            let start = max(free, min(width - label.count, gutter + 1 + column - label.count / 2))
            guard start + label.count <= width else { continue }
            for (offset, character) in label.enumerated() { labelLine[start + offset] = character }
            free = start + label.count + 1
        }
        out += String(String(labelLine.reversed().drop { $0 == " " }).reversed()) + "\n"
        let indent = max(0, gutter + 1 + (columns - xTitle.count) / 2)
        out += String(repeating: " ", count: indent) + xTitle + "\n"
        return (out, clamped)
    }

    /// The dot row (0 at the top) a value is drawn on, clamped to the plot.
    private func dotRow(_ value: Double) -> Int {
        let span = yRange.upperBound - yRange.lowerBound
        let fraction = (yRange.upperBound - min(max(value, yRange.lowerBound), yRange.upperBound)) / span
        return Int((fraction * Double(dotsHigh - 1)).rounded())
    }

    private func set(_ layer: inout [UInt8], x: Int, y: Int) {
        layer[(y / 4) * columns + x / 2] |= Self.bits[x % 2][y % 4]
    }
}
