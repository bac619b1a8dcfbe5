/// The `[budget]` table: spending caps in USD.
public struct BudgetSettings: Sendable, Equatable {
    public var daily: Double?
    public var monthly: Double?
    /// Config lines, for messages that point at the budget.
    public var dailyLine: Int?
    public var monthlyLine: Int?

    public init(daily: Double? = nil, monthly: Double? = nil) {
        self.daily = daily
        self.monthly = monthly
    }

    public var isEmpty: Bool { daily == nil && monthly == nil }
}

/// What the budgets say about a call of some estimated cost.
public enum BudgetVerdict: Sendable, Equatable {
    case ok
    /// Above 80% of a budget: go ahead, but say so on stderr.
    case warn(String)
    /// Above 100%: refuse (exit 5) unless --force.
    case refuse(String)

    public var refuses: Bool {
        if case .refuse = self { return true }
        return false
    }
}

/// Checks a call against the daily and monthly budgets, given what was spent in each period.
public struct BudgetCheck: Sendable {
    public static let warnShare = 0.8

    public var settings: BudgetSettings
    /// Spent so far today and this month (the ledger's request rows, plus anything in flight).
    public var spentToday: Double
    public var spentThisMonth: Double

    public init(settings: BudgetSettings, spentToday: Double, spentThisMonth: Double) {
        self.settings = settings
        self.spentToday = spentToday
        self.spentThisMonth = spentThisMonth
    }

    /// Reads what was spent from the ledger.
    public static func load(_ settings: BudgetSettings, ledger: any UsageLedger, now: Double) throws -> BudgetCheck {
        let today = settings.daily == nil ? 0 : try ledger.spent(since: SpendPeriod.startOfDay(now))
        let month = settings.monthly == nil ? 0 : try ledger.spent(since: SpendPeriod.startOfMonth(now))
        return BudgetCheck(settings: settings, spentToday: today, spentThisMonth: month)
    }

    /// The verdict for a call estimated at `estimate` USD: refuse when spent + estimate would go
    /// past a budget, warn when it would go past 80% of one.
    public func verdict(estimate: Double) -> BudgetVerdict {
        var warning: String?
        for (name, limit, spent, period) in periods {
            let after = spent + estimate
            if after > limit {
                let left = max(0, limit - spent)
                return .refuse("the \(name) budget of \(Money.format(limit)) would be exceeded: \(Money.format(spent)) spent \(period), \(Money.format(left)) left, and this call is estimated at \(Money.format(estimate))")
            }
            if warning == nil && after > limit * Self.warnShare {
                let percent = Int((after / limit * 100).rounded())
                warning = "\(percent)% of the \(name) budget of \(Money.format(limit)) used with this call (\(Money.format(max(0, limit - after))) left \(period == "today" ? "today" : "this month"))"
            }
        }
        return warning.map(BudgetVerdict.warn) ?? .ok
    }

    private var periods: [(String, Double, Double, String)] {
        var result: [(String, Double, Double, String)] = []
        if let daily = settings.daily { result.append(("daily", daily, spentToday, "today")) }
        if let monthly = settings.monthly { result.append(("monthly", monthly, spentThisMonth, "this month")) }
        return result
    }
}
