#if canImport(Glibc)
import Glibc
#endif

/// Calendar boundaries in the user's local time zone (TZ), for budgets and reports: a daily
/// budget resets at local midnight, a monthly one on the 1st.
public enum SpendPeriod {
    /// Unix seconds of local midnight starting the day that contains `time`.
    public static func startOfDay(_ time: Double) -> Double {
        var parts = local(time)
        parts.tm_hour = 0
        parts.tm_min = 0
        parts.tm_sec = 0
        return Double(mktime(&parts))
    }

    /// Unix seconds of local midnight on the 1st of the month containing `time`.
    public static func startOfMonth(_ time: Double) -> Double {
        var parts = local(time)
        parts.tm_mday = 1
        parts.tm_hour = 0
        parts.tm_min = 0
        parts.tm_sec = 0
        return Double(mktime(&parts))
    }

    /// Local midnight of a calendar date (month and day 1-based); nil for an impossible date.
    public static func midnight(year: Int, month: Int, day: Int) -> Double? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_isdst = -1
        let time = mktime(&parts)
        // mktime normalises 31 February to 3 March; refuse instead.
        guard parts.tm_mday == Int32(day), parts.tm_mon == Int32(month - 1) else { return nil }
        return Double(time)
    }

    /// `2026-11-27` in local time.
    public static func dayLabel(_ time: Double) -> String {
        let parts = local(time)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
    }

    /// "2026-11-05 14:03", local time: when a spend figure was last seen.
    public static func timeLabel(_ time: Double) -> String {
        let parts = local(time)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return dayLabel(time) + " \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }

    private static func local(_ time: Double) -> tm {
        var seconds = time_t(time.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        parts.tm_isdst = -1
        return parts
    }
}
