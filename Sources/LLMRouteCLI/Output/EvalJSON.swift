import LLMRouteCore

/// `llmroute eval --json`: full-precision figures (so other tools can recompute and compare
/// them), and the curve at every 10% of strong share.
enum EvalJSON {
    /// `oracle`: the same outcomes ranked by strong − weak (the best APGR any score could reach).
    static func object(_ evaluation: RoutingEvaluation, oracle: RoutingEvaluation, source: EvalSource,
                       bootstrap: APGRBootstrap?, badLines: Int, extra: [(String, JSONValue)] = []) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("apgr", evaluation.apgr.map { .number($0) } ?? .null),
            ("oracle_apgr", oracle.apgr.map { .number($0) } ?? .null),
            ("n", .integer(evaluation.count)),
            ("weak_mean", .number(evaluation.weakMean)),
            ("strong_mean", .number(evaluation.strongMean)),
            source.json,
            ("curve", .array(evaluation.isDefined ? curve(evaluation) : [])),
            ("gap_recovered", .object(EvalReport.targets.map { target in
                (String(Int(target * 100)) + "%", evaluation.shareReaching(target).map { .number($0) } ?? .null)
            })),
            ("bad_lines", .integer(badLines)),
        ]
        if let bootstrap {
            pairs.append(("bootstrap", .object([
                ("resamples", .integer(bootstrap.resamples)),
                ("used", .integer(bootstrap.used)),
                ("seed", .integer(Int(bitPattern: UInt(bootstrap.seed)))),
                ("level", .number(bootstrap.level)),
                ("lo", bootstrap.low.map { .number($0) } ?? .null),
                ("hi", bootstrap.high.map { .number($0) } ?? .null),
            ])))
        }
        return .object(pairs + extra)
    }

    /// strong_share 0, 0.1, …, 1 with PGR there and the score threshold that gives that share
    /// (null at 0: no cut is right for scores that need not be probabilities).
    static func curve(_ evaluation: RoutingEvaluation) -> [JSONValue] {
        (0...10).map { step in
            let share = Double(step) / 10
            return .object([
                ("strong_share", .number(share)),
                ("pgr", evaluation.pgr(atShare: share).map { .number($0) } ?? .null),
                ("threshold", evaluation.threshold(forShare: share).map { .number($0) } ?? .null),
            ])
        }
    }
}
