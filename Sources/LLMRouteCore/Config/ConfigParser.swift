/// Reads a config file's text into a `UserConfig`, checking every key and type.
public enum ConfigParser {
    public static let topKeys = ["providers", "models", "routing", "budget", "ledger", "resilience", "serve"]
    public static let serveKeys = ["host", "port", "api_key_env", "max_body_mb"]
    public static let budgetKeys = ["daily", "monthly"]
    public static let ledgerKeys = ["log_text", "url", "user", "password_env"]
    public static let resilienceKeys = ["breaker_threshold", "breaker_cooldown"]
    public static let providerKeys = ["kind", "base_url", "api_key_env", "api_key"]
    public static let modelKeys = [
        "provider", "input_price", "output_price", "context_window", "max_output_tokens",
        "quality", "strengths", "capabilities", "deployments",
        "cache_read_price", "cache_write_price", "cache_write_1h_price", "cache_min_tokens",
    ]
    public static let deploymentKeys = ["provider", "base_url", "model", "weight"]
    public static let routingKeys = [
        "strategy", "classifier", "classifier_model", "min_quality", "max_cost", "threshold", "strong", "weak",
        "candidates", "tiers", "tasks", "output_tokens",
    ]
    public static let classifierNames = ["local", "heuristic", "llm"]

    public static func parse(_ text: String, file: String) throws(ConfigError) -> UserConfig {
        let root = try TOMLDocument.parse(text, file: file)
        let reader = ConfigSchemaReader(file: file)
        var config = UserConfig(file: file)
        for entry in try reader.table(root, at: "", allowed: topKeys) {
            switch entry.key {
            case "providers":
                for provider in try reader.table(entry.node, at: "providers", allowed: nil) {
                    config.providers.append(try parseProvider(provider, reader))
                }
            case "models":
                for model in try reader.table(entry.node, at: "models", allowed: nil) {
                    config.models.append(try parseModel(model, reader))
                }
            case "ledger":
                for field in try reader.table(entry.node, at: "ledger", allowed: ledgerKeys) {
                    let path = "ledger.\(field.key)"
                    switch field.key {
                    case "log_text": config.logText = try reader.bool(field.node, path)
                    case "url":
                        let url = try reader.string(field.node, path)
                        // Checked here so a typo is a config error with its line, not a runtime one.
                        do { _ = try PostgresURL(url) } catch {
                            throw ConfigError(file: reader.file, line: field.node.line, message: "\(path): \(error.reason)")
                        }
                        config.ledger.url = url
                    case "user": config.ledger.user = try reader.string(field.node, path)
                    default: config.ledger.passwordEnv = try reader.string(field.node, path)
                    }
                }
            case "budget":
                config.budget = try parseBudget(entry.node, reader)
            case "resilience":
                config.resilience = try parseResilience(entry.node, reader)
            case "serve":
                config.serve = try parseServe(entry.node, reader)
            default:
                config.routing = try parseRouting(entry.node, reader)
            }
        }
        return config
    }

    static func parseProvider(_ entry: ConfigEntry, _ reader: ConfigSchemaReader) throws(ConfigError) -> ProviderSettings {
        let path = "providers.\(entry.key)"
        var provider = ProviderSettings(name: entry.key, line: entry.node.line)
        for field in try reader.table(entry.node, at: path, allowed: providerKeys) {
            let fieldPath = "\(path).\(field.key)"
            switch field.key {
            case "kind": provider.kind = try reader.choice(field.node, fieldPath, as: APIProtocol.self)
            case "base_url": provider.baseURL = try baseURL(field.node, fieldPath, reader)
            case "api_key_env": provider.apiKeyEnv = try reader.string(field.node, fieldPath)
            default: provider.apiKey = try reader.string(field.node, fieldPath)
            }
        }
        return provider
    }

    static func parseModel(_ entry: ConfigEntry, _ reader: ConfigSchemaReader) throws(ConfigError) -> ModelSettings {
        let path = "models.\(entry.key)"
        var model = ModelSettings(name: entry.key, line: entry.node.line)
        for field in try reader.table(entry.node, at: path, allowed: modelKeys) {
            let fieldPath = "\(path).\(field.key)"
            switch field.key {
            case "provider": model.provider = try reader.string(field.node, fieldPath)
            case "input_price": model.inputPricePerMTok = try reader.number(field.node, fieldPath, min: 0, max: 10_000)
            case "output_price": model.outputPricePerMTok = try reader.number(field.node, fieldPath, min: 0, max: 10_000)
            case "cache_read_price": model.cacheReadPricePerMTok = try reader.number(field.node, fieldPath, min: 0, max: 10_000)
            case "cache_write_price": model.cacheWritePricePerMTok = try reader.number(field.node, fieldPath, min: 0, max: 10_000)
            case "cache_write_1h_price": model.cacheWrite1hPricePerMTok = try reader.number(field.node, fieldPath, min: 0, max: 10_000)
            case "cache_min_tokens": model.cacheMinTokens = try reader.integer(field.node, fieldPath, min: 1)
            case "context_window": model.contextWindow = try reader.integer(field.node, fieldPath, min: 1)
            case "max_output_tokens": model.maxOutputTokens = try reader.integer(field.node, fieldPath, min: 1)
            case "quality": model.quality = try reader.number(field.node, fieldPath, min: 0, max: 1)
            case "strengths": model.strengths = try reader.choices(field.node, fieldPath, as: TaskKind.self)
            case "deployments": model.deployments = try parseDeployments(field.node, fieldPath, reader)
            default: model.capabilities = try reader.choices(field.node, fieldPath, as: Capability.self)
            }
        }
        return model
    }

    /// `[[models."NAME".deployments]]` entries: provider (required), base_url, model, weight.
    static func parseDeployments(_ node: ConfigNode, _ path: String, _ reader: ConfigSchemaReader) throws(ConfigError) -> [Deployment] {
        guard case .array(let items) = node.value, !items.isEmpty else {
            throw reader.fail(node, "\(path) must be a non-empty array of tables ([[\(path)]] entries)")
        }
        var deployments: [Deployment] = []
        for item in items {
            var deployment = Deployment(provider: "", line: item.line)
            var hasProvider = false
            for field in try reader.table(item, at: path, allowed: deploymentKeys) {
                let fieldPath = "\(path).\(field.key)"
                switch field.key {
                case "provider":
                    deployment.provider = try reader.string(field.node, fieldPath)
                    hasProvider = true
                case "base_url": deployment.baseURL = try baseURL(field.node, fieldPath, reader)
                case "model": deployment.modelID = try reader.string(field.node, fieldPath)
                default:
                    let weight = try reader.number(field.node, fieldPath, min: 0, max: 1_000_000)
                    guard weight > 0 else { throw reader.fail(field.node, "\(fieldPath) must be greater than 0, found \(weight)") }
                    deployment.weight = weight
                }
            }
            guard hasProvider else { throw reader.fail(item, "each entry of \(path) needs a provider") }
            deployments.append(deployment)
        }
        return deployments
    }

    static func baseURL(_ node: ConfigNode, _ path: String, _ reader: ConfigSchemaReader) throws(ConfigError) -> String {
        let url = try reader.string(node, path)
        guard url.hasPrefix("http://") || url.hasPrefix("https://"), !url.contains(" ") else {
            throw reader.fail(node, "\(path) must start with http:// or https:// (and have no spaces), found \"\(url)\"")
        }
        return url
    }

    static func parseResilience(_ node: ConfigNode, _ reader: ConfigSchemaReader) throws(ConfigError) -> ResilienceSettings {
        var settings = ResilienceSettings()
        for field in try reader.table(node, at: "resilience", allowed: resilienceKeys) {
            let path = "resilience.\(field.key)"
            switch field.key {
            case "breaker_threshold":
                let value = try reader.integer(field.node, path, min: 1)
                guard value <= 1000 else { throw reader.fail(field.node, "\(path) must be at most 1000, found \(value)") }
                settings.breakerThreshold = value
            default:
                // Seconds; a day at most, so a typo in milliseconds cannot bench a provider for weeks.
                settings.breakerCooldown = try reader.number(field.node, path, min: 1, max: 86_400)
            }
        }
        return settings
    }

    static func parseRouting(_ node: ConfigNode, _ reader: ConfigSchemaReader) throws(ConfigError) -> RoutingSettings {
        var routing = RoutingSettings()
        for field in try reader.table(node, at: "routing", allowed: routingKeys) {
            let path = "routing.\(field.key)"
            switch field.key {
            case "strategy": routing.strategy = try reader.choice(field.node, path, as: StrategyKind.self)
            case "classifier":
                let name = try reader.string(field.node, path)
                guard classifierNames.contains(name) else {
                    throw reader.fail(field.node, "\(path) must be one of \(classifierNames.joined(separator: ", ")), found \"\(name)\"")
                }
                routing.classifier = name
            case "classifier_model":
                let name = try reader.string(field.node, path)
                if routing.referenceLines[name] == nil { routing.referenceLines[name] = field.node.line }
                routing.classifierModel = name
            case "min_quality": routing.minQuality = try reader.number(field.node, path, min: 0, max: 1)
            case "max_cost": routing.maxCost = try reader.number(field.node, path, min: 0, max: 1_000)
            case "threshold": routing.threshold = try reader.number(field.node, path, min: 0, max: 1)
            case "strong": routing.strong = try references(field, path, reader, into: &routing)
            case "weak": routing.weak = try references(field, path, reader, into: &routing)
            case "candidates": routing.candidates = try references(field, path, reader, into: &routing)
            case "tiers":
                for tier in try reader.table(field.node, at: path, allowed: Tier.allCases.map(\.rawValue)) {
                    routing.tiers[Tier(rawValue: tier.key)!] = try references(tier, "\(path).\(tier.key)", reader, into: &routing)
                }
            case "tasks":
                for task in try reader.table(field.node, at: path, allowed: TaskKind.allCases.map(\.rawValue)) {
                    routing.tasks[TaskKind(rawValue: task.key)!] = try references(task, "\(path).\(task.key)", reader, into: &routing)
                }
            default:
                for tier in try reader.table(field.node, at: path, allowed: Tier.allCases.map(\.rawValue)) {
                    routing.outputTokens[Tier(rawValue: tier.key)!] = try reader.integer(tier.node, "\(path).\(tier.key)", min: 1)
                }
            }
        }
        return routing
    }

    static func parseServe(_ node: ConfigNode, _ reader: ConfigSchemaReader) throws(ConfigError) -> ServeConfig {
        var serve = ServeConfig()
        for field in try reader.table(node, at: "serve", allowed: serveKeys) {
            let path = "serve.\(field.key)"
            switch field.key {
            case "host": serve.host = try reader.string(field.node, path)
            case "port":
                serve.port = try reader.integer(field.node, path, min: 0)
                if serve.port! > 65535 { throw ConfigError(file: reader.file, line: field.node.line, message: "\(path) must be at most 65535") }
            case "api_key_env": serve.apiKeyEnv = try reader.string(field.node, path)
            default: serve.maxBodyMB = try reader.number(field.node, path, min: 0.001, max: 4096)
            }
        }
        return serve
    }

    static func parseBudget(_ node: ConfigNode, _ reader: ConfigSchemaReader) throws(ConfigError) -> BudgetSettings {
        var budget = BudgetSettings()
        for field in try reader.table(node, at: "budget", allowed: budgetKeys) {
            // USD; zero is allowed (refuse every paid call), a negative budget is a mistake.
            let value = try reader.number(field.node, "budget.\(field.key)", min: 0, max: 1_000_000)
            if field.key == "daily" {
                budget.daily = value
                budget.dailyLine = field.node.line
            } else {
                budget.monthly = value
                budget.monthlyLine = field.node.line
            }
        }
        return budget
    }

    private static func references(
        _ entry: ConfigEntry, _ path: String, _ reader: ConfigSchemaReader, into routing: inout RoutingSettings
    ) throws(ConfigError) -> [String] {
        let names = try reader.stringList(entry.node, path)
        for name in names where routing.referenceLines[name] == nil { routing.referenceLines[name] = entry.node.line }
        return names
    }
}
