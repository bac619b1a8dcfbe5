import GRDB
import Testing
@testable import LLMRouteCore

@Suite("Usage ledger: budgets and reports")
struct BudgetAndReportTests {
    @Test func budgetVerdicts() {
        let settings = BudgetSettings(daily: 5, monthly: 50)
        let check = BudgetCheck(settings: settings, spentToday: 3.5, spentThisMonth: 10)
        #expect(check.verdict(estimate: 0.4) == .ok, "3.9 of 5 is 78%")
        guard case .warn(let warning) = check.verdict(estimate: 0.6) else { Issue.record("82% should warn"); return }
        #expect(warning.contains("daily budget of $5.00") && warning.contains("82%"))
        guard case .refuse(let refusal) = check.verdict(estimate: 1.6) else { Issue.record("102% should refuse"); return }
        #expect(refusal.contains("daily budget of $5.00") && refusal.contains("$1.50 left"), "names the budget and what is left: \(refusal)")
        #expect(check.verdict(estimate: 1.5) != .ok, "exactly 100% is allowed but warned")
        guard case .refuse = check.verdict(estimate: 1.5000001) else { Issue.record("past 100% refuses"); return }
    }

    @Test func monthlyBudgetRefusesWhenDailyIsFine() {
        let check = BudgetCheck(settings: BudgetSettings(daily: 100, monthly: 50), spentToday: 1, spentThisMonth: 49.9)
        guard case .refuse(let message) = check.verdict(estimate: 0.2) else { Issue.record("monthly should refuse"); return }
        #expect(message.contains("monthly budget of $50.00") && message.contains("this month"))
    }

    @Test func noBudgetNeverRefuses() {
        #expect(BudgetCheck(settings: BudgetSettings(), spentToday: 1e9, spentThisMonth: 1e9).verdict(estimate: 1e9) == .ok)
    }

    @Test func budgetReadsTodayAndThisMonthFromTheLedger() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let ledger = try SQLiteUsageLedger(path: folder.file("usage.sqlite"))
        let now = Clock.wallSeconds()
        let today = SpendPeriod.startOfDay(now), month = SpendPeriod.startOfMonth(now)
        var rows = [LedgerFixtures.request(time: today + 1, cost: 1.25),
                    LedgerFixtures.request(time: month - 10, cost: 100)]  // last month: counts for neither
        if month < today { rows.append(LedgerFixtures.request(time: month + 1, cost: 2)) }
        var attempt = LedgerFixtures.request(time: today + 2, cost: 7)
        attempt.kind = .attempt  // attempts never count: their cost is in the request row
        rows.append(attempt)
        try ledger.append(rows)
        let check = try BudgetCheck.load(BudgetSettings(daily: 5, monthly: 50), ledger: ledger, now: now)
        #expect(check.spentToday == 1.25)
        #expect(check.spentThisMonth == (month < today ? 3.25 : 1.25))
    }

    /// The report's totals are the sums of the rows, whatever the grouping, and the groups add
    /// up to the total; checked against SQLite's own SUM over the same file.
    @Test(arguments: SpendReport.Grouping.allCases)
    func reportTotalsEqualTheSumOfRows(grouping: SpendReport.Grouping) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let path = folder.file("usage.sqlite")
        let ledger = try SQLiteUsageLedger(path: path)
        var generator = SystemRandomNumberGenerator()
        let models = ["a", "b", "c"], tiers = ["simple", "expert"], outcomes = ["ok", "ok", "failed"]
        let rows = (0..<200).map { i in
            LedgerFixtures.request(time: 1_700_000_000 + Double(i) * 3000, model: models.randomElement(using: &generator)!,
                                   cost: Double.random(in: 0..<0.01, using: &generator), input: Int.random(in: 0..<5000, using: &generator),
                                   output: Int.random(in: 0..<900, using: &generator), outcome: outcomes.randomElement(using: &generator)!,
                                   tier: tiers.randomElement(using: &generator)!)
        }
        try ledger.append(rows)
        let report = SpendReport(records: try ledger.records(kind: .request, from: nil, until: nil), by: grouping)
        let (count, cost, input, output) = try DatabaseQueue(path: path).read { db -> (Int, Double, Int, Int) in
            let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), SUM(cost_usd), SUM(input_tokens), SUM(output_tokens) FROM usage WHERE kind = 'request'")!
            return (row[0], row[1], row[2], row[3])
        }
        #expect(report.total.requests == count && count == 200)
        #expect(abs(report.total.costUSD - cost) < 1e-9)
        #expect(report.total.inputTokens == input && report.total.outputTokens == output)
        #expect(report.total.failed == rows.filter { $0.outcome != "ok" }.count)
        #expect(report.groups.map(\.requests).reduce(0, +) == count)
        #expect(abs(report.groups.map(\.costUSD).reduce(0, +) - cost) < 1e-9)
        #expect(report.groups.map(\.inputTokens).reduce(0, +) == input)
    }

    @Test func savingsAndRoutes() {
        let rows = [
            LedgerFixtures.request(time: 1, model: "cheap", cost: 1, outcome: "ok", strongestCost: 4, tier: "simple", task: "coding"),
            LedgerFixtures.request(time: 2, model: "cheap", cost: 1, outcome: "ok", strongestCost: 4, tier: "simple", task: "coding", fallbacks: 1),
            LedgerFixtures.request(time: 3, model: "strong", cost: 2, outcome: "ok", strongestCost: 2, tier: "simple", task: "coding"),
            LedgerFixtures.request(time: 4, model: "cheap", cost: 0, outcome: "failed", strongestCost: nil, tier: "expert", task: "analysis"),
        ]
        let report = SpendReport(records: rows, by: .model)
        #expect(report.savings.requests == 3)
        #expect(report.savings.actualUSD == 4 && report.savings.strongestUSD == 10)
        #expect(report.savings.savedUSD == 6 && report.savings.savedPercent == 60)
        let coding = report.routes.filter { $0.task == "coding" }
        #expect(coding.map(\.model) == ["cheap", "strong"], "most used first")
        #expect(abs(coding[0].share - 2.0 / 3) < 1e-12 && coding[0].withFallback == 1)
        #expect(report.groups.first?.key == "strong" || report.groups.first?.costUSD == 2, "highest spend first")
    }

    @Test func reportWindows() throws {
        let now = 1_795_000_000.0
        #expect(try ReportWindow.parse("7d", now: now, isUntil: false) == now - 7 * 86400)
        #expect(try ReportWindow.parse("12h", now: now, isUntil: false) == now - 12 * 3600)
        #expect(try ReportWindow.parse("2w", now: now, isUntil: false) == now - 14 * 86400)
        #expect(try ReportWindow.parse("today", now: now, isUntil: false) == SpendPeriod.startOfDay(now))
        let start = try ReportWindow.parse("2026-11-01", now: now, isUntil: false)
        #expect(SpendPeriod.dayLabel(start) == "2026-11-01" && SpendPeriod.startOfDay(start) == start)
        let end = try ReportWindow.parse("2026-11-01", now: now, isUntil: true)
        #expect(SpendPeriod.dayLabel(end) == "2026-11-02" && SpendPeriod.startOfDay(end) == end, "--until includes that day")
        for bad in ["yesterday", "7", "-3d", "2026-02-30", "2026-13-01", "26-11-01"] {
            #expect(throws: ReportWindow.Problem.self, "\(bad)") { try ReportWindow.parse(bad, now: now, isUntil: false) }
        }
    }
}
