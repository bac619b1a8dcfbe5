import LLMRouteCore

/// `cost report` as a table, JSON or CSV. JSON and CSV carry full-precision numbers; the table
/// rounds for reading.
struct SpendReportView {
    let report: SpendReport
    let grouping: SpendReport.Grouping
    let since: Double
    let until: Double
    let path: String

    private func totalsJSON(_ t: SpendReport.Totals) -> JSONValue {
        .object([
            ("key", .string(t.key)), ("requests", .integer(t.requests)), ("failed", .integer(t.failed)),
            ("input_tokens", .integer(t.inputTokens)), ("output_tokens", .integer(t.outputTokens)),
            ("estimated_token_requests", .integer(t.estimatedTokenRows)), ("cost_usd", .number(t.costUSD)),
            ("avg_latency_ms", t.averageLatencyMs.map(JSONValue.number) ?? .null),
            ("cache_read_tokens", .integer(t.cacheReadTokens)), ("cache_write_tokens", .integer(t.cacheWriteTokens)),
            ("reasoning_tokens", .integer(t.reasoningTokens)), ("cache_saved_usd", .number(t.cacheSavedUSD)),
        ])
    }

    func json() -> JSONValue {
        let s = report.savings
        return .object([
            ("ledger", .string(path)), ("since", .number(since)), ("until", .number(until)), ("by", .string(grouping.rawValue)),
            ("groups", .array(report.groups.map(totalsJSON))), ("total", totalsJSON(report.total)),
            ("savings", .object([
                ("requests", .integer(s.requests)), ("actual_usd", .number(s.actualUSD)),
                ("strongest_usd", .number(s.strongestUSD)), ("saved_usd", .number(s.savedUSD)),
                ("saved_percent", s.savedPercent.map(JSONValue.number) ?? .null),
            ])),
        ])
    }

    func csv() -> String {
        // New columns go last, so scripts reading the old ones by position keep working.
        var out = CSV.row([grouping.rawValue, "requests", "failed", "input_tokens", "output_tokens", "cost_usd", "avg_latency_ms",
                           "cache_read_tokens", "cache_write_tokens", "reasoning_tokens", "cache_saved_usd"])
        for t in report.groups + [report.total] {
            out += CSV.row([t.key, String(t.requests), String(t.failed), String(t.inputTokens), String(t.outputTokens),
                            String(t.costUSD), t.averageLatencyMs.map { String($0) } ?? "",
                            String(t.cacheReadTokens), String(t.cacheWriteTokens), String(t.reasoningTokens), String(t.cacheSavedUSD)])
        }
        return out
    }

    func text(console: Console) -> String {
        var out = "\(SpendPeriod.dayLabel(since)) to \(SpendPeriod.dayLabel(until))  (\(path))\n\n"
        guard report.total.requests > 0 else { return out + "no requests recorded in this period\n" }
        var table = TextTable(headers: [grouping.rawValue.uppercased(), "REQUESTS", "FAILED", "INPUT", "CACHED", "OUTPUT", "COST", "AVG LATENCY"],
                              rightAligned: [1, 2, 3, 4, 5, 6, 7])
        for t in report.groups + [report.total] {
            let latency = t.averageLatencyMs.map { FixedPoint.format($0 / 1000, digits: 2) + " s" } ?? "-"
            table.add([t.key, String(t.requests), String(t.failed), (t.estimatedTokenRows > 0 ? "~" : "") + String(t.inputTokens),
                       String(t.cacheReadTokens), String(t.outputTokens), Money.format(t.costUSD), latency])
        }
        out += table.render(console: console)
        let s = report.savings
        if let percent = s.savedPercent {
            out += "\nsavings: \(Money.format(s.actualUSD)) spent; the strongest candidate of each request would have cost "
            out += "\(Money.format(s.strongestUSD)): \(Money.format(s.savedUSD)) saved (\(FixedPoint.format(percent, digits: 1))%)\n"
        }
        let t = report.total
        if t.cacheReadTokens > 0 || t.cacheWriteTokens > 0 {
            out += "caching: \(t.cacheReadTokens) input tokens read from cache, \(t.cacheWriteTokens) written: "
            // Writes cost more than plain input (1.25x on Anthropic): until reads pay them back, a net cost.
            out += t.cacheSavedUSD >= 0 ? "\(Money.format(t.cacheSavedUSD)) saved against the full input price\n"
                : "\(Money.format(-t.cacheSavedUSD)) more than the full input price (writes not yet read back)\n"
        }
        if report.total.estimatedTokenRows > 0 {
            out += "~ some token counts are estimates: the API reported no usage for \(report.total.estimatedTokenRows) request(s)\n"
        }
        return out
    }

    func routesJSON() -> JSONValue {
        .array(report.routes.map { r in
            .object([("tier", .string(r.tier)), ("task", .string(r.task)), ("model", .string(r.model)),
                     ("requests", .integer(r.requests)), ("share", .number(r.share)), ("with_fallback", .integer(r.withFallback))])
        })
    }

    func routesCSV() -> String {
        var out = CSV.row(["tier", "task", "model", "requests", "share", "with_fallback"])
        for r in report.routes {
            out += CSV.row([r.tier, r.task, r.model, String(r.requests), String(r.share), String(r.withFallback)])
        }
        return out
    }

    func routesText(console: Console) -> String {
        guard !report.routes.isEmpty else { return "no requests recorded in this period\n" }
        var table = TextTable(headers: ["TIER", "TASK", "MODEL", "REQUESTS", "SHARE", "FALLBACKS"], rightAligned: [3, 4, 5])
        for r in report.routes {
            table.add([r.tier, r.task, r.model, String(r.requests), FixedPoint.format(r.share * 100, digits: 0) + "%", String(r.withFallback)])
        }
        return table.render(console: console)
    }
}
