import LLMRouteCore

/// `--classifier llm`: the labelling call made before routing, through the same resilient
/// caller `ask` uses (retries, circuit breaker), with the local classifier as the fallback.
extension CommandContext {
    /// The classifier name flags and config select.
    var classifierName: String {
        if let flag = arguments.string(Flags.classifier) { return flag }
        return (try? configuration().config.routing.classifier) ?? "local"
    }

    /// The router to use for one prompt. With the llm classifier the labelling call is made now
    /// and its answer fixed into the router; other classifiers run inside the router as usual.
    func router(for prompt: String) throws -> Router {
        var router = try router()
        guard classifierName == "llm" else { return router }
        let labelling = LLMLabelling(context: self, router: router)
        defer { labelling.shutdown() }
        router.classifier = try labelling.classifier(for: prompt)
        return router
    }

    /// How a batch command classifies each line: the router's classifier, or a labelling call
    /// per line (one HTTP client shared by the whole batch) with the llm classifier.
    func lineClassifier(_ router: Router) -> (classify: (String) throws -> (Classification, String), finish: () -> Void) {
        guard classifierName == "llm" else {
            let classifier = router.classifier
            return ({ prompt in
                let c = (classifier as? LocalClassifier)?.classify(prompt, explain: false) ?? classifier.classify(prompt)
                return (c, classifier.name)
            }, {})
        }
        let labelling = LLMLabelling(context: self, router: router)
        return ({ prompt in
            let fixed = try labelling.classifier(for: prompt)
            return (fixed.classification, fixed.name)
        }, { labelling.shutdown() })
    }
}

/// Makes labelling calls and turns their outcomes into fixed classifiers. One HTTP client is
/// made on first use and kept for the batch.
final class LLMLabelling {
    let context: CommandContext
    let router: Router
    private var caller: ResilientCaller?
    private var ledgerSupport: LedgerSupport?

    init(context: CommandContext, router: Router) {
        self.context = context
        self.router = router
    }

    func shutdown() { caller?.transport.shutdownSync() }

    func classifier(for prompt: String) throws -> PrecomputedClassifier {
        let local = LocalClassifier.shared
        guard let model = try labellingModel() else {
            let reason = "no model with an API key to ask (set a provider's key, or [routing] classifier_model)"
            warn("llm classifier: \(reason); using the local classifier")
            var classification = local.classify(prompt)
            classification.reasons.insert("llm classifier unavailable: \(reason); used the local classifier", at: 0)
            return PrecomputedClassifier(name: local.name, classification: classification)
        }
        let (config, catalog) = try context.configuration()
        let caller = self.caller ?? AskCommand.makeCaller(
            context, catalog: catalog, resilience: config.resilience,
            transport: HTTPTransport(environment: context.environment, timeouts: AskCommand.timeouts(context, defaultTimeout: 20)))
        self.caller = caller
        let (labeller, call) = Self.labeller(model: model, caller: caller)
        let started = Clock.monotonicSeconds()
        let outcome = try AsyncBridge.run { await labeller.classify(prompt) }
        if AsyncBridge.interrupted { throw CLIError("interrupted", exitCode: ExitCode.interrupted) }
        if case .success(let (result, attempts))? = call.value {
            record(prompt: prompt, result: result, attempts: attempts, latency: Clock.monotonicSeconds() - started)
        }
        if let failure = outcome.failure {
            warn("llm classifier (\(model.id)) failed: \(failure); using the local classifier")
        }
        return PrecomputedClassifier(name: outcome.classifierName, classification: outcome.classification)
    }

    /// A labeller whose one call goes through `caller` (retries, circuit breaker); the box gets
    /// the call's result and attempts, for the ledger.
    static func labeller(model: ModelInfo, caller: ResilientCaller) -> (LLMClassifier, ResultBox<(ChatResult?, [Attempt])>) {
        let call = ResultBox<(ChatResult?, [Attempt])>()
        let labeller = LLMClassifier(model: model) { request, model in
            do {
                let (result, attempts) = try await caller.call(request, chain: [model], onEvent: { _, _ in }, onRestart: { _, _ in })
                call.value = .success((result, attempts))
                return result
            } catch let failure as CallFailure {
                call.value = .success((nil, failure.attempts))
                throw LabellingFailure(failure)
            }
        }
        return (labeller, call)
    }

    /// `--classifier-model`, then `[routing] classifier_model`, then the first usable weak
    /// model, then the cheapest usable model. Nil when no model has a key.
    func labellingModel() throws -> ModelInfo? {
        let (config, catalog) = try context.configuration()
        if let name = context.arguments.string(Flags.classifierModel) ?? config.routing.classifierModel {
            guard let model = catalog.model(named: name) else {
                throw CLIError("unknown classifier model \"\(name)\"", exitCode: ExitCode.usage,
                               hint: NearestMatch.suggest(name, among: catalog.models.map(\.id)).map { "Did you mean \($0)?" }
                                   ?? "See 'llmroute models'.")
            }
            return model
        }
        let usable = catalog.models.filter { catalog.isUsable($0, environment: context.environment) }
        if let weak = router.policy.weak.lazy.compactMap({ catalog.model(named: $0) }).first(where: { model in usable.contains { $0.id == model.id } }) {
            return weak
        }
        return usable.min { ($0.inputCostPerToken + $0.outputCostPerToken, $0.id) < ($1.inputCostPerToken + $1.outputCostPerToken, $1.id) }
    }

    /// A labelling call is paid for like any other: it goes to the usage ledger as a request of
    /// its own (command "label", no routing decision), so `cost report` shows what it cost.
    private func record(prompt: String, result: ChatResult?, attempts: [Attempt], latency: Double) {
        guard !attempts.isEmpty, let support = ledger() else { return }
        support.recorder(command: "label").record(UsageRecorder.Request(
            decision: nil, prompt: prompt, conversationID: nil, result: result, attempts: attempts,
            outcome: result == nil ? "failed" : "ok", latency: latency))
    }

    /// Opened on the first labelling call and kept for the batch.
    private func ledger() -> LedgerSupport? {
        if let ledgerSupport { return ledgerSupport }
        ledgerSupport = try? LedgerSupport(context: context)
        return ledgerSupport
    }

    private func warn(_ message: String) {
        if !context.quiet { context.console.warning(message) }
    }
}

/// Why the labelling call failed, in one line (the attempts' last message).
struct LabellingFailure: Error, CustomStringConvertible {
    let description: String

    init(_ failure: CallFailure) {
        if let last = failure.attempts.last {
            description = "\(last.provider)/\(last.model): \(last.outcome)\(last.message.map { " - \($0)" } ?? "")"
        } else {
            description = "no model could be called"
        }
    }
}
