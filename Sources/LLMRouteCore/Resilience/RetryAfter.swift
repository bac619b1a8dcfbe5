#if canImport(Glibc)
import Glibc
#endif

/// How long a provider asks us to wait, from the headers it sends with 429/503/529:
/// `retry-after-ms` (OpenAI), `Retry-After` as seconds or an HTTP date (RFC 9110),
/// `x-ratelimit-reset-requests`/`-tokens` durations like "6m0s" (OpenAI, Groq), and
/// `anthropic-ratelimit-*-reset` RFC 3339 timestamps.
public enum RetryAfter {
    public static func seconds(from head: HTTPResponseHead, now: Double = Clock.wallSeconds()) -> Double? {
        if let ms = head.header("retry-after-ms").flatMap({ Double($0.trimmingSpaces()) }), ms >= 0 { return ms / 1000 }
        if let value = head.header("retry-after"), let seconds = parse(value, now: now) { return seconds }
        var waits: [Double] = []
        for name in ["x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"] {
            if let value = head.header(name), let seconds = duration(value) { waits.append(seconds) }
        }
        for name in ["anthropic-ratelimit-requests-reset", "anthropic-ratelimit-tokens-reset",
                     "anthropic-ratelimit-input-tokens-reset", "anthropic-ratelimit-output-tokens-reset"] {
            if let value = head.header(name), let at = rfc3339(value) { waits.append(max(0, at - now)) }
        }
        return waits.max()
    }

    /// `Retry-After`: delay-seconds or an IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT").
    public static func parse(_ value: String, now: Double) -> Double? {
        let text = value.trimmingSpaces()
        if let seconds = Double(text), seconds >= 0 { return seconds }
        return httpDate(text).map { max(0, $0 - now) }
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Seconds since the epoch for an IMF-fixdate.
    public static func httpDate(_ text: String) -> Double? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]),
              let month = months.firstIndex(of: parts[2].lowercased()), let year = Int(parts[3]) else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        return epoch(year: year, month: month + 1, day: day, hour: clock[0], minute: clock[1], second: Double(clock[2]))
    }

    /// Seconds since the epoch for "2026-11-27T01:02:03Z" (fractions and offsets of Z only).
    public static func rfc3339(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func int(_ range: Range<Int>) -> Int? { Int(String(decoding: bytes[range], as: UTF8.self)) }
        guard let year = int(0..<4), let month = int(5..<7), let day = int(8..<10),
              let hour = int(11..<13), let minute = int(14..<16),
              let second = Double(String(decoding: bytes[17..<(bytes.count - 1)], as: UTF8.self)) else { return nil }
        return epoch(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// "1s", "6m0s", "1h2m3.5s", "250ms" (Go duration strings, as OpenAI and Groq send).
    public static func duration(_ text: String) -> Double? {
        var total = 0.0, number = "", unit = "", matched = false
        func flush() -> Bool {
            guard let value = Double(number) else { return false }
            switch unit {
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s", "": total += value
            case "ms": total += value / 1000
            default: return false
            }
            matched = true
            number = ""; unit = ""
            return true
        }
        for ch in text.trimmingSpaces() {
            if ch.isNumber || ch == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(ch)
            } else {
                unit.append(ch)
            }
        }
        if !number.isEmpty { guard flush() else { return nil } }
        return matched ? total : nil
    }

    /// Days from civil (Howard Hinnant's algorithm): no Foundation, no time zone.
    static func epoch(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double) -> Double? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return Double(days * 86400 + hour * 3600 + minute * 60) + second
    }
}

/// Wall and monotonic clocks without Foundation.
public enum Clock {
    public static func wallSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    public static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
