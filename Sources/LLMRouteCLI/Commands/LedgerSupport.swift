import LLMRouteCore

/// The usage ledger as ask and batch use it: opened only by commands that call a provider
/// (route and classify never touch it), recording per --log-text/--no-log, and the budget
/// check before a call. A ledger that cannot be opened costs a warning, never the call.
///
/// For another caller (the REPL): open one per session, `recorder(command: "repl")`, then per
/// turn `try enforce(estimate: decision.estimatedCost)` before calling (a CLIError with exit
/// status 5 when over budget) and `recorder.record(...)` after the answer is shown, with the
/// session's id as the conversation id. Commands without the ledger flags in their spec simply
/// read them as absent.
struct LedgerSupport {
    let context: CommandContext
    /// nil when it could not be opened (already warned) or was not needed.
    let ledger: (any UsageLedger)?
    let budget: BudgetSettings
    let logText: Bool

    /// Who the rows are recorded for.
    let user: String

    /// Opens the ledger when this call records (no --no-log) or has a budget to check.
    init(context: CommandContext) throws {
        self.context = context
        let config = try context.configuration().config
        budget = config.budget
        logText = context.arguments.has(Flags.logText) || (config.logText ?? false)
        user = config.ledger.userName(environment: context.environment)
        let recording = !context.arguments.has(Flags.noLog)
        guard recording || !budget.isEmpty else {
            ledger = nil
            return
        }
        // A ledger URL that cannot be read is the user's mistake, not an outage: stop before the
        // call (exit 3) rather than make a call whose row would be recorded nowhere.
        do {
            _ = try LedgerFactory.serverURL(config.ledger, environment: context.environment)
        } catch {
            throw CLIError("\(error)", exitCode: ExitCode.config, hint: "A ledger URL reads postgresql://USER@HOST:PORT/DATABASE.")
        }
        let console = Unchecked(value: context.console)
        let quiet = context.quiet
        do {
            // Without a budget nothing is read before the call: the file opens (or the server
            // is reached) when the first row is written, after the answer.
            ledger = try LedgerFactory.open(config.ledger, environment: context.environment, openNow: !budget.isEmpty,
                                            warn: { message in if !quiet { console.value.warning(message) } })
        } catch {
            // Only reached with a budget (the SQLite file cannot be opened; a server is not
            // reached before its first use): warn even with -q, as the budget the user set is
            // not enforced for this call.
            ledger = nil
            context.console.warning("\(error); usage is not recorded and budgets are not checked (move the file away to start a new one)")
        }
    }

    /// Records for `command` (ask, batch, repl), or a recorder that records nothing with --no-log.
    func recorder(command: String) -> UsageRecorder {
        let console = Unchecked(value: context.console)
        let quiet = context.quiet
        let ratios = ReasoningRatios.path(dataHome: XDGPaths(environment: context.environment).dataHome)
        return UsageRecorder(ledger: context.arguments.has(Flags.noLog) ? nil : ledger, command: command, logText: logText,
                             reasoningRatiosPath: ratios, user: user,
                             warn: { message in if !quiet { console.value.warning(message) } })
    }

    var force: Bool { context.arguments.has(Flags.budgetForce) }

    /// What was spent today and this month, or nil when there is no budget or no ledger.
    func currentCheck(now: Double = Clock.wallSeconds()) -> BudgetCheck? {
        guard !budget.isEmpty, let ledger else { return nil }
        do {
            return try BudgetCheck.load(budget, ledger: ledger, now: now)
        } catch {
            context.console.warning("\(error); budgets are not checked for this call")
            return nil
        }
    }

    /// Checks one call: warns above 80%, throws exit 5 above 100% unless --force.
    /// A shared ledger also holds the estimate against the budgets until the call's row is in.
    func enforce(estimate: Double) throws {
        guard !budget.isEmpty, let ledger else { return }
        let verdict: BudgetVerdict
        do {
            // With --no-log no row will settle a reservation: check without holding anything.
            verdict = context.arguments.has(Flags.noLog)
                ? try BudgetCheck.load(budget, ledger: ledger, now: Clock.wallSeconds()).verdict(estimate: estimate)
                : try ledger.admit(estimate: estimate, budget: budget, force: force, now: Clock.wallSeconds())
        } catch {
            context.console.warning("\(error); budgets are not checked for this call")
            return
        }
        switch verdict {
        case .ok: break
        case .warn(let message):
            if !context.quiet { context.console.warning(message) }
        case .refuse(let message):
            if force {
                context.console.warning("--force: \(message)")
                return
            }
            throw CLIError("refused: \(message)", exitCode: ExitCode.refused, hint: Self.refusalHint)
        }
    }

    /// For a batch on a ledger shared across machines: each line's admission, checked and held
    /// in the shared ledger (nil: a ledger of this machine only, where the batch counts itself).
    func sharedAdmission() -> (@Sendable (Double) -> BudgetVerdict?)? {
        guard !budget.isEmpty, let ledger, ledger.sharedAcrossMachines else { return nil }
        let budget = budget, force = force
        return { estimate in try? ledger.admit(estimate: estimate, budget: budget, force: force, now: Clock.wallSeconds()) }
    }

    static let refusalHint = "Wait for the budget to reset, raise it under [budget] in the config, or pass --force for this call."
}

/// A batch's budget: what the ledger said at the start, plus what this batch has spent and has
/// in flight. Once a request would cross a budget, no new request starts: the rest are refused.
final class BatchBudget: Sendable {
    private struct State {
        var inFlight = 0.0
        var spent = 0.0
        var stopped: String?
        var refused = 0
        var warned = false
    }

    private let check: BudgetCheck?
    private let force: Bool
    private let state = Locked(State())
    private let warn: @Sendable (String) -> Void
    /// A shared ledger's admission (`LedgerSupport.sharedAdmission`): asked for every line, as
    /// other machines spend meanwhile; nil when it cannot answer (the local count decides).
    private let shared: (@Sendable (Double) -> BudgetVerdict?)?

    init(check: BudgetCheck?, force: Bool, shared: (@Sendable (Double) -> BudgetVerdict?)? = nil,
         warn: @escaping @Sendable (String) -> Void) {
        self.check = check
        self.force = force
        self.shared = shared
        self.warn = warn
    }

    var refusedCount: Int { state.withLock { $0.refused } }

    /// nil: start the request (its estimate is now in flight); else the refusal message.
    func admit(estimate: Double) -> String? {
        guard var check else { return nil }
        let stopped = state.withLock { s -> String? in
            if s.stopped != nil { s.refused += 1 }
            return s.stopped
        }
        if let stopped { return stopped }
        // Asked outside the lock: it is a round trip to the server (which serialises it).
        let sharedVerdict = shared?(estimate)
        return state.withLock { s -> String? in
            if let stopped = s.stopped {
                s.refused += 1
                return stopped
            }
            check.spentToday += s.spent + s.inFlight
            check.spentThisMonth += s.spent + s.inFlight
            switch sharedVerdict ?? check.verdict(estimate: estimate) {
            case .refuse(let message) where !force:
                s.stopped = "refused: " + message
                s.refused += 1
                warn("budget reached: no new requests start; the remaining lines are refused (--force overrides)")
                return s.stopped
            case .warn(let message) where !s.warned:
                s.warned = true
                warn(message)
            default: break
            }
            s.inFlight += estimate
            return nil
        }
    }

    /// A started request ended: its estimate leaves the in-flight sum, its real cost is spent.
    func settle(estimate: Double, actual: Double) {
        guard check != nil else { return }
        state.withLock { s in
            s.inFlight -= estimate
            s.spent += actual
        }
    }
}
