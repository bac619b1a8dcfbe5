import LLMRouteCore
import Prometheus

/// What `GET /metrics` reports, in Prometheus's text format (swift-prometheus renders it), by
/// the model that answered (the routed model when none did): requests by outcome, failures,
/// tokens, cost, and histograms of request latency and time to first token.
final class GatewayMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    /// Seconds: from a fast local model's first token to a long reasoning answer.
    static let buckets: [Double] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300]

    // Computed: MetricNameDescriptor is not Sendable, so it cannot be a stored static.
    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "llmroute", subsystem: "serve", metricName: metric, unitName: unit, helpText: help)
    }

    private static var requests: MetricNameDescriptor { name("requests", "total", "Requests by model and outcome (ok, failed, partial, refused, interrupted)") }
    private static var failures: MetricNameDescriptor { name("failures", "total", "Requests that did not end with an answer") }
    private static var tokens: MetricNameDescriptor { name("tokens", "total", "Tokens by model and kind (input, output), as the provider reported them") }
    private static var cost: MetricNameDescriptor { name("cost_usd", "total", "Cost in USD from the reported usage at catalog prices") }
    private static var latency: MetricNameDescriptor { name("request_duration", "seconds", "Seconds from routing to the end of the answer") }
    private static var firstToken: MetricNameDescriptor { name("time_to_first_token", "seconds", "Seconds from sending to the first answer text") }

    /// One finished request (called once per request, where its ledger row is written).
    func record(model: String, outcome: String, result: ChatResult?, latency: Double) {
        let labels = [("model", model)]
        registry.makeCounter(descriptor: Self.requests, labels: labels + [("outcome", outcome)]).increment()
        if outcome != "ok" { registry.makeCounter(descriptor: Self.failures, labels: labels).increment() }
        registry.makeValueHistogram(descriptor: Self.latency, labels: labels, buckets: Self.buckets).record(latency)
        guard let result else { return }
        registry.makeCounter(descriptor: Self.tokens, labels: labels + [("kind", "input")]).increment(by: Int64(result.usage.inputTokens))
        registry.makeCounter(descriptor: Self.tokens, labels: labels + [("kind", "output")]).increment(by: Int64(result.usage.outputTokens))
        registry.makeCounter(descriptor: Self.cost, labels: labels).increment(by: result.model.cost(result.usage))
        if let ttft = result.timeToFirstToken {
            registry.makeValueHistogram(descriptor: Self.firstToken, labels: labels, buckets: Self.buckets).record(ttft)
        }
    }

    func text() -> String { registry.emitToString() }
}
