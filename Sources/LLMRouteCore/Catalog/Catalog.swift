/// The models and providers in effect: the built-in catalog with the user's config applied.
public struct Catalog: Sendable {
    public private(set) var providers: [ProviderInfo]
    public private(set) var models: [ModelInfo]
    /// Keys written inline in the config, by provider. Kept apart so nothing prints them by accident.
    private var inlineKeys: [String: String]
    /// Load-balanced models: logical model id -> where it is served (`[[models."X".deployments]]`).
    public private(set) var deployments: [String: [Deployment]] = [:]

    public init(providers: [ProviderInfo], models: [ModelInfo], inlineKeys: [String: String] = [:]) {
        self.providers = providers
        self.models = models
        self.inlineKeys = inlineKeys
    }

    public static let builtin = Catalog(providers: BuiltinCatalog.providers, models: BuiltinCatalog.models)

    public func model(named id: String) -> ModelInfo? { models.first { $0.id == id } }
    public func provider(named name: String) -> ProviderInfo? { providers.first { $0.name == name } }

    /// The API key for a provider, from the config or its environment variable.
    public func apiKey(for provider: ProviderInfo, environment: Environment) -> String? {
        if let inline = inlineKeys[provider.name], !inline.isEmpty { return inline }
        guard let variable = provider.apiKeyEnv else { return nil }
        return environment.nonEmpty(variable)
    }

    /// Whether a call to this provider could be made now: it has a key, or needs none.
    public func isUsable(_ provider: ProviderInfo, environment: Environment) -> Bool {
        provider.isKeyless || apiKey(for: provider, environment: environment) != nil
    }

    /// A load-balanced model is usable when any of its deployments is.
    public func isUsable(_ model: ModelInfo, environment: Environment) -> Bool {
        if let deployed = deployments[model.id], !deployed.isEmpty {
            return deployed.contains { provider(named: $0.provider).map { isUsable($0, environment: environment) } ?? false }
        }
        guard let provider = provider(named: model.provider) else { return false }
        return isUsable(provider, environment: environment)
    }

    /// The base URL in effect: config (which clears `baseURLEnv`), then the SDK environment variable, then the default.
    public func baseURL(for provider: ProviderInfo, environment: Environment) -> String {
        if let variable = provider.baseURLEnv, let value = environment.nonEmpty(variable) { return value }
        return provider.baseURL
    }

    /// Applies a config: new providers, provider overrides, new models and model overrides.
    public func applying(_ config: UserConfig) throws(ConfigError) -> Catalog {
        var result = self
        let file = config.file ?? "config"
        for settings in config.providers {
            if let index = result.providers.firstIndex(where: { $0.name == settings.name }) {
                var provider = result.providers[index]
                if let kind = settings.kind { provider.api = kind }
                if let url = settings.baseURL { provider.baseURL = url; provider.baseURLEnv = nil }
                if let env = settings.apiKeyEnv { provider.apiKeyEnv = env.isEmpty ? nil : env }
                result.providers[index] = provider
            } else {
                guard let kind = settings.kind, let url = settings.baseURL else {
                    throw ConfigError(
                        file: file, line: settings.line,
                        message: "new provider '\(settings.name)' needs kind (\"openai\" or \"anthropic\") and base_url")
                }
                result.providers.append(ProviderInfo(name: settings.name, api: kind, baseURL: url, apiKeyEnv: settings.apiKeyEnv))
            }
            if let key = settings.apiKey { result.inlineKeys[settings.name] = key }
        }
        for settings in config.models {
            try result.apply(settings, file: file)
        }
        return result
    }

    private mutating func apply(_ settings: ModelSettings, file: String) throws(ConfigError) {
        var settings = settings
        if let providerName = settings.provider, provider(named: providerName) == nil {
            throw unknownProvider(providerName, at: "models.\(settings.name).provider", line: settings.line, file: file)
        }
        for deployment in settings.deployments ?? [] where provider(named: deployment.provider) == nil {
            throw unknownProvider(deployment.provider, at: "models.\(settings.name).deployments.provider", line: deployment.line, file: file)
        }
        if let deployed = settings.deployments {
            deployments[settings.name] = deployed
            // A new load-balanced model is described by its first deployment's provider.
            if settings.provider == nil && model(named: settings.name) == nil { settings.provider = deployed.first?.provider }
        }
        if let index = models.firstIndex(where: { $0.id == settings.name }) {
            var model = models[index]
            if let p = settings.provider, let api = provider(named: p)?.api { model.provider = p; model.api = api }
            if let v = settings.inputPricePerMTok { model.inputCostPerToken = v / 1_000_000 }
            if let v = settings.outputPricePerMTok { model.outputCostPerToken = v / 1_000_000 }
            model.cache = settings.cachePrices(over: model.cache)
            if let v = settings.contextWindow { model.contextWindow = v }
            if let v = settings.maxOutputTokens { model.maxOutputTokens = v }
            if let v = settings.quality { model.quality = v; model.qualitySource = "config (\(file))" }
            if let v = settings.strengths { model.strengths = Set(v) }
            if let v = settings.capabilities { model.capabilities = Set(v) }
            models[index] = model
            return
        }
        var missing: [String] = []
        if settings.provider == nil { missing.append("provider") }
        if settings.inputPricePerMTok == nil { missing.append("input_price") }
        if settings.outputPricePerMTok == nil { missing.append("output_price") }
        if settings.contextWindow == nil { missing.append("context_window") }
        guard missing.isEmpty, let providerName = settings.provider, let provider = provider(named: providerName) else {
            var message = "new model '\(settings.name)' needs \(missing.joined(separator: ", "))"
            if let near = NearestMatch.suggest(settings.name, among: models.map(\.id)) {
                message += " (or did you mean the built-in model '\(near)'?)"
            }
            throw ConfigError(file: file, line: settings.line, message: message)
        }
        let context = settings.contextWindow ?? 8192
        models.append(ModelInfo(
            id: settings.name, provider: providerName, api: provider.api,
            inputCostPerToken: (settings.inputPricePerMTok ?? 0) / 1_000_000,
            outputCostPerToken: (settings.outputPricePerMTok ?? 0) / 1_000_000,
            contextWindow: context, maxOutputTokens: settings.maxOutputTokens ?? min(context, 4096),
            capabilities: Set(settings.capabilities ?? []), quality: settings.quality ?? 0.5,
            qualitySource: settings.quality == nil ? "default 0.5 (not set in config)" : "config (\(file))",
            strengths: Set(settings.strengths ?? []), cache: settings.cachePrices(over: CachePrices())))
    }

    private func unknownProvider(_ name: String, at path: String, line: Int?, file: String) -> ConfigError {
        var message = "\(path): unknown provider '\(name)'"
        if let near = NearestMatch.suggest(name, among: providers.map(\.name)) { message += "; did you mean '\(near)'?" }
        return ConfigError(file: file, line: line, message: message)
    }

    /// Where to call `model`: its deployments in load-balancing order (see `LoadBalancer`), or
    /// the model itself when it has none.
    public func targets<R: RandomNumberGenerator>(
        for model: ModelInfo, isHealthy: (String) -> Bool, using random: inout R
    ) -> [ModelInfo] {
        guard let deployed = deployments[model.id], !deployed.isEmpty else { return [model] }
        let ordered = LoadBalancer.order(deployed, isHealthy: { isHealthy($0.healthKey) }, using: &random)
        return ordered.compactMap { deployment in
            provider(named: deployment.provider).map { deployment.target(for: model, api: $0.api) }
        }
    }

    /// Checks that every model the routing table names exists.
    public func validateReferences(_ routing: RoutingSettings, file: String) throws(ConfigError) {
        for (name, line) in routing.referenceLines.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) where model(named: name) == nil {
            var message = "unknown model '\(name)'"
            if let near = NearestMatch.suggest(name, among: models.map(\.id)) { message += "; did you mean '\(near)'?" }
            message += " (see `llmroute models`, or define it under [models.\"\(name)\"])"
            throw ConfigError(file: file, line: line, message: message)
        }
    }
}
