/// One place a logical model is served: a provider, optionally at its own base URL and under its
/// own model id, with a weight for load balancing. Written in the config as
/// `[[models."NAME".deployments]]`; several of them make the model load-balanced.
public struct Deployment: Sendable, Equatable {
    /// A built-in or configured provider: its protocol and key apply.
    public var provider: String
    /// Overrides the provider's base URL for this deployment only.
    public var baseURL: String?
    /// The id this deployment knows the model by (Azure deployment names, vLLM paths); default: the logical name.
    public var modelID: String?
    /// Relative share of the traffic; > 0.
    public var weight: Double
    public var line: Int?

    public init(provider: String, baseURL: String? = nil, modelID: String? = nil, weight: Double = 1, line: Int? = nil) {
        self.provider = provider
        self.baseURL = baseURL
        self.modelID = modelID
        self.weight = weight
        self.line = line
    }

    /// What the circuit breaker and the rate-limit backoff track: the provider, or the provider
    /// at this base URL, so one failing endpoint does not bench its healthy siblings.
    public var healthKey: String { ModelInfo.healthKey(provider: provider, endpoint: baseURL) }

    /// The concrete model to call for `logical` at this deployment.
    public func target(for logical: ModelInfo, api: APIProtocol) -> ModelInfo {
        var model = logical
        model.id = modelID ?? logical.id
        model.provider = provider
        model.api = api
        model.endpoint = baseURL
        return model
    }
}
