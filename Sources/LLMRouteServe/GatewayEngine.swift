import LLMRouteCore

/// The engine as the gateway calls it: the same Router, ResilientCaller (fallbacks, retries,
/// circuit breaker), UsageRecorder and budgets that `ask` uses, set up by the CLI with the
/// same config and flags, so a request through the gateway is routed and called as `ask`
/// would route and call it.
public struct GatewayEngine: Sendable {
    public let router: Router
    public let caller: ResilientCaller
    /// Routing defaults from the config and `serve`'s flags; each request's prompt and hints go on top.
    public let template: RouteRequest
    public let recorder: UsageRecorder
    public let budget: BudgetSettings
    let metrics = GatewayMetrics()

    public init(router: Router, caller: ResilientCaller, template: RouteRequest, recorder: UsageRecorder, budget: BudgetSettings) {
        self.router = router
        self.caller = caller
        self.template = template
        self.recorder = recorder
        self.budget = budget
    }

    /// A request routed and ready to call.
    public struct Plan: Sendable {
        public var decision: RoutingDecision
        public var chat: ChatRequest
        /// What the ledger records as the prompt: the last user turn.
        public var prompt: String
    }

    /// Per-request routing hints from the `x-llmroute-*` headers.
    public struct Hints: Sendable {
        public var strategy: String?
        public var maxCost: String?
        public var minQuality: String?

        public init(strategy: String? = nil, maxCost: String? = nil, minQuality: String? = nil) {
            self.strategy = strategy
            self.maxCost = maxCost
            self.minQuality = minQuality
        }
    }

    /// Routes the request (or forces its named model): 404 for an unknown model, 400 when no
    /// model can take it or a header is malformed, 429 when a budget would be crossed.
    public func plan(_ request: ChatCompletionRequest, hints: Hints) throws(GatewayError) -> Plan {
        var route = template
        route.explain = false
        // The prompt classified (and recorded) is the user's last turn, also when a tool's
        // result comes after it: the task is the user's; the rest counts as context.
        let promptIndex = request.messages.lastIndex { $0.role == .user } ?? request.messages.count - 1
        let prompt = request.messages[promptIndex].content
        route.prompt = prompt
        route.system = request.system
        route.context = request.messages.enumerated().filter { $0.offset != promptIndex }.map(\.element)
        route.extraInput = ExtraInput(toolDefinitions: request.tools?.tools.map { $0.serialized() } ?? [],
                                      promptImages: request.messages[promptIndex].imageCount)
        route.requiredCapabilities.formUnion(request.requiredCapabilities)
        route.forcedModel = request.routed ? nil : request.model
        if let maxTokens = request.maxTokens { route.outputTokens = maxTokens }
        if let name = hints.strategy {
            guard let strategy = StrategyKind(rawValue: name) else {
                throw .invalid("x-llmroute-strategy: unknown strategy '\(name)' (\(StrategyKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            route.strategy = strategy
        }
        if let text = hints.maxCost {
            guard let value = Double(text), value >= 0 else { throw .invalid("x-llmroute-max-cost must be a non-negative number of dollars") }
            route.maxCost = value
        }
        if let text = hints.minQuality {
            guard let value = Double(text), (0...1).contains(value) else { throw .invalid("x-llmroute-min-quality must be a number from 0 to 1") }
            route.minQuality = value
        }
        var decision: RoutingDecision
        do { decision = try router.route(route) } catch {
            switch error {
            case .unknownModel(let name, _):
                throw GatewayError(status: 404, message: "The model '\(name)' does not exist; use \"auto\" or a name from GET /v1/models",
                                   param: "model", code: "model_not_found")
            case .noCandidates:
                throw .invalid(error.description)
            }
        }
        if let param = request.openAIOnly.first {
            // Anthropic has no such parameter: its models answer only what they can be sent as is.
            if decision.model.api == .anthropic {
                throw .invalid("'\(param)' cannot be passed to \(decision.model.id) (Anthropic protocol); remove it or choose another model", param: param)
            }
            decision.fallbacks.removeAll { $0.api == .anthropic }
        }
        if decision.exceedsMaxCost {
            throw .invalid("refused: the estimated cost \(Money.format(decision.estimatedCost)) of \(decision.model.id) exceeds the maximum cost")
        }
        if let refusal = budgetRefusal(estimate: decision.estimatedCost) {
            throw GatewayError(status: 429, message: "refused: \(refusal)", type: "insufficient_quota", code: "insufficient_quota")
        }
        var chat = ChatRequest(system: request.system, messages: request.messages, maxTokens: request.maxTokens,
                               temperature: request.temperature, stream: request.stream)
        chat.stop = request.stop
        chat.tools = request.tools
        return Plan(decision: decision, chat: chat, prompt: prompt)
    }

    /// The budget's refusal message for this estimate, or nil (no budget, no ledger, or within it).
    func budgetRefusal(estimate: Double) -> String? {
        guard !budget.isEmpty, let ledger = recorder.ledger else { return nil }
        do {
            // A shared ledger holds the estimate against the team's budget until the row is in.
            if case .refuse(let message) = try ledger.admit(estimate: estimate, budget: budget, force: false, now: Clock.wallSeconds()) {
                return message
            }
        } catch {
            // An unreadable ledger costs the check, never the request (as for `ask`).
        }
        return nil
    }

    /// Calls down the plan's chain, handing each event to `onEvent`, and records the request in
    /// the ledger (command `serve`) however it ends. A call cancelled mid-answer (the client
    /// hung up) is recorded with the text that had arrived, so the ledger estimates what it used.
    public func call(_ plan: Plan, onEvent: (ModelInfo, ChatEvent) throws -> Void) async throws -> ChatResult {
        let started = Clock.monotonicSeconds()
        var partial: ChatResult?
        func record(_ result: ChatResult?, _ attempts: [Attempt], outcome: String, errorKind: String? = nil) {
            let latency = Clock.monotonicSeconds() - started
            recorder.record(UsageRecorder.Request(
                decision: plan.decision, prompt: plan.prompt, conversationID: UsageRecorder.newID(), result: result,
                attempts: attempts, outcome: outcome, errorKind: errorKind, latency: latency))
            metrics.record(model: result?.model.id ?? plan.decision.model.id, outcome: outcome, result: result, latency: latency)
        }
        do {
            let (result, attempts) = try await caller.call(plan.chat, chain: [plan.decision.model] + plan.decision.fallbacks,
                                                           onEvent: { model, event in
                if case .text(let text) = event {
                    if partial?.model != model {
                        partial = ChatResult(text: "", reasoning: "", usage: TokenUsage(), stopReason: nil, model: model,
                                             timeToFirstToken: Clock.monotonicSeconds() - started)
                    }
                    partial?.text += text
                }
                try onEvent(model, event)
            }, onRestart: { _, _ in })
            record(result, attempts, outcome: result.refused ? "refused" : "ok")
            return result
        } catch let failure as CallFailure {
            record(nil, failure.attempts, outcome: failure.partialFrom == nil ? "failed" : "partial",
                   errorKind: failure.lastError?.kind.rawValue)
            throw failure
        } catch {
            let interrupted = error is CancellationError
            record(interrupted ? partial : nil, [], outcome: interrupted ? "interrupted" : "failed")
            throw error
        }
    }
}
