/// `--since` / `--until` values: a relative age (`30m`, `12h`, `7d`, `2w`), `today`, or a local
/// date `2026-11-01` (an --until date includes that whole day).
public enum ReportWindow {
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Unix seconds for `text`; `isUntil` makes a date mean the end of that day.
    public static func parse(_ text: String, now: Double, isUntil: Bool) throws(Problem) -> Double {
        let value = text.trimmingPrefixSpaces()
        if value == "today" { return isUntil ? now : SpendPeriod.startOfDay(now) }
        if value == "now" { return now }
        if let unit = value.last, let seconds = Self.units[unit], let count = Double(value.dropLast()), count >= 0, count.isFinite {
            return now - count * seconds
        }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
           let start = SpendPeriod.midnight(year: year, month: month, day: day) {
            guard isUntil else { return start }
            // The end of that day: the next day's midnight (DST-safe: not start + 86400).
            return SpendPeriod.startOfDay(start + 30 * 3600)
        }
        throw Problem(description: "'\(text)' is not a time: use an age like 30m, 12h, 7d or 2w, 'today', or a date like 2026-11-01")
    }

    static let units: [Character: Double] = ["m": 60, "h": 3600, "d": 86400, "w": 7 * 86400]
}

extension String {
    fileprivate func trimmingPrefixSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
