import LLMRouteCore

/// `ask --jsonl --classifier llm`: each line's labelling call runs inside the batch's workers,
/// on the batch's connection pool, so labelling is as concurrent as answering. A failed call
/// falls back to the local classifier for that line; the batch says how many did, once, at the end.
final class BatchLabeller: Sendable {
    /// nil when no model with a key can label: every line uses the local classifier.
    private let model: ModelInfo?
    private let caller: ResilientCaller
    private let recorder: UsageRecorder
    private let fallbacks = Locked(0)

    init(model: ModelInfo?, caller: ResilientCaller, recorder: UsageRecorder) {
        self.model = model
        self.caller = caller
        self.recorder = recorder
    }

    var fallbackCount: Int { fallbacks.withLock { $0 } }

    /// The router with this prompt's labels fixed into it.
    func router(_ router: Router, for prompt: String) async -> Router {
        var router = router
        guard let model else {
            fallbacks.withLock { $0 += 1 }
            router.classifier = PrecomputedClassifier(name: "local", classification: LocalClassifier.shared.classify(prompt))
            return router
        }
        let (labeller, call) = LLMLabelling.labeller(model: model, caller: caller)
        let started = Clock.monotonicSeconds()
        let outcome = await labeller.classify(prompt)
        if outcome.failure != nil { fallbacks.withLock { $0 += 1 } }
        if case .success(let (result, attempts))? = call.value, !attempts.isEmpty {
            recorder.record(UsageRecorder.Request(
                decision: nil, prompt: prompt, conversationID: nil, result: result, attempts: attempts,
                outcome: result == nil ? "failed" : "ok", latency: Clock.monotonicSeconds() - started))
        }
        router.classifier = PrecomputedClassifier(name: outcome.classifierName, classification: outcome.classification)
        return router
    }
}
