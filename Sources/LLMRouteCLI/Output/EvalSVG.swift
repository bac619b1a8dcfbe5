import LLMRouteCore

/// `llmroute eval --svg FILE`: the PGR curve as a standalone SVG (no scripts, fonts or external
/// references), so it opens in any browser and converts with rsvg-convert or ImageMagick.
/// Unlike the terminal chart it is not clamped: the y axis widens to show PGR below 0 or above 1.
enum EvalSVG {
    static let width = 720.0, height = 480.0
    static let left = 80.0, right = 30.0, top = 70.0, bottom = 70.0

    static func document(_ evaluation: RoutingEvaluation, source: EvalSource, bootstrap: APGRBootstrap?) -> String {
        let range = evaluation.pgrRange ?? 0...1
        // Whole quarters around the data, always including 0 and 1.
        let yMin = min(0, (range.lowerBound * 4).rounded(.down) / 4)
        let yMax = max(1, (range.upperBound * 4).rounded(.up) / 4)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ share: Double) -> Double { left + share * plotWidth }
        func y(_ pgr: Double) -> Double { top + (yMax - pgr) / (yMax - yMin) * plotHeight }

        var svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" viewBox="0 0 \(n(width)) \(n(height))" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">

        """
        let apgr = evaluation.apgr.map { FixedPoint.format($0, digits: 3) } ?? "undefined"
        let title = "Routing curve: APGR \(apgr) (n = \(evaluation.count), \(source.description))"
        svg += "<title>\(escape(title))</title>\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        svg += text(title, x: width / 2, y: 28, anchor: "middle", extra: " font-size=\"16\" font-weight=\"bold\"")
        var subtitle = "weak mean \(FixedPoint.format(evaluation.weakMean, digits: 3)), strong mean \(FixedPoint.format(evaluation.strongMean, digits: 3))"
        if let bootstrap, let low = bootstrap.low, let high = bootstrap.high {
            subtitle += "; APGR 95% interval \(FixedPoint.format(low, digits: 3)) to \(FixedPoint.format(high, digits: 3)) (\(bootstrap.used) resamples)"
        }
        svg += text(subtitle, x: width / 2, y: 48, anchor: "middle", extra: " fill=\"#555\"")

        // Grid and tick labels: every 10% of share, every quarter of PGR (half when the axis is tall).
        let yStep = yMax - yMin > 2 ? 0.5 : 0.25
        for step in 0...10 {
            let share = Double(step) / 10
            svg += line(x(share), top, x(share), top + plotHeight, stroke: "#e5e5e5")
            svg += text("\(step * 10)%", x: x(share), y: top + plotHeight + 18, anchor: "middle")
        }
        var value = yMin
        while value <= yMax + 1e-9 {
            svg += line(left, y(value), left + plotWidth, y(value), stroke: value == 0 || value == 1 ? "#bbbbbb" : "#e5e5e5")
            svg += text(FixedPoint.format(value, digits: 2), x: left - 8, y: y(value) + 4, anchor: "end")
            value += yStep
        }
        svg += "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(plotWidth))\" height=\"\(n(plotHeight))\" fill=\"none\" stroke=\"#333\"/>\n"
        svg += text("Share of prompts sent to the strong model", x: left + plotWidth / 2, y: height - 22, anchor: "middle")
        svg += "<text x=\"22\" y=\"\(n(top + plotHeight / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 22 \(n(top + plotHeight / 2)))\">PGR (share of the quality gap recovered)</text>\n"

        // Random routing, then the curve on top of it.
        svg += line(x(0), y(0), x(1), y(1), stroke: "#888", extra: " stroke-width=\"1.5\" stroke-dasharray=\"6 4\"")
        let points = curvePoints(evaluation).map { "\(n(x($0.share))),\(n(y($0.pgr)))" }.joined(separator: " ")
        svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#1f6fb4\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>\n"

        // Legend, in the top-left corner where a curve above the diagonal leaves room.
        let lx = left + 14, ly = top + 18
        svg += "<rect x=\"\(n(lx - 8))\" y=\"\(n(ly - 14))\" width=\"230\" height=\"46\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#ccc\"/>\n"
        svg += line(lx, ly - 4, lx + 28, ly - 4, stroke: "#1f6fb4", extra: " stroke-width=\"2.5\"")
        svg += text("this router (APGR \(apgr))", x: lx + 36, y: ly, anchor: "start")
        svg += line(lx, ly + 16, lx + 28, ly + 16, stroke: "#888", extra: " stroke-width=\"1.5\" stroke-dasharray=\"6 4\"")
        svg += text("random routing (APGR 0.5)", x: lx + 36, y: ly + 20, anchor: "start")
        return svg + "</svg>\n"
    }

    /// The exact knots when there are few; a thousand evenly spaced shares otherwise, which is
    /// already finer than the plot's pixels and keeps the file small for large inputs.
    static func curvePoints(_ evaluation: RoutingEvaluation) -> [(share: Double, pgr: Double)] {
        let knots = evaluation.pgrKnots
        guard knots.count > 2_000 else { return knots }
        return (0...1_000).compactMap { step in
            let share = Double(step) / 1_000
            return evaluation.pgr(atShare: share).map { (share, $0) }
        }
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, extra: String = "") -> String {
        "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\"\(extra)/>\n"
    }

    private static func text(_ content: String, x: Double, y: Double, anchor: String, extra: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\"\(extra)>\(escape(content))</text>\n"
    }

    /// Coordinates with two decimals: sub-pixel enough, and short.
    private static func n(_ value: Double) -> String { FixedPoint.format(value, digits: 2) }

    /// Text and attribute values may hold a --score-field name: escape XML's five specials.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // XML 1.0 cannot hold most control characters, even escaped.
            case _ where character.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" }:
                out += "\u{FFFD}"
            default: out.append(character)
            }
        }
        return out
    }
}
