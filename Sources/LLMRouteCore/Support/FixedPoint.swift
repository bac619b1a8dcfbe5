/// Fixed-point number formatting without Foundation's `String(format:)`.
public enum FixedPoint {
    /// `format(0.12345, digits: 3)` → "0.123" (rounded half away from zero).
    public static func format(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return String(value) }
        let whole = UInt64(scaled)
        let factor = UInt64(scale)
        let integerPart = whole / factor
        var text = (value < 0 && whole != 0 ? "-" : "") + String(integerPart)
        if digits > 0 {
            let fraction = String(whole % factor)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return text
    }
}

extension FixedPoint {
    /// A number without a needless ".0": 1 → "1", 0.5 → "0.5".
    public static func trim(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
