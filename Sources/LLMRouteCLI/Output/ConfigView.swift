import LLMRouteCore
import LLMRouteServe

/// `config show`: the effective configuration. Keys are never shown, only whether one is set.
struct ConfigView {
    let config: UserConfig
    let catalog: Catalog
    let environment: Environment
    let path: String
    let exists: Bool
    let policy: RoutingPolicy

    private var routing: RoutingSettings { config.routing }
    private var breakerThreshold: Int { config.resilience.breakerThreshold ?? CircuitBreaker.defaultThreshold }
    private var breakerCooldown: Double { config.resilience.breakerCooldown ?? CircuitBreaker.defaultCoolDown }

    private func keyStatus(_ provider: ProviderInfo) -> String {
        if provider.isKeyless { return "not needed" }
        if config.providers.contains(where: { $0.name == provider.name && $0.apiKey != nil }) { return "set in config (hidden)" }
        if let variable = provider.apiKeyEnv, environment.nonEmpty(variable) != nil { return "set in \(variable)" }
        return "not set"
    }

    func text() -> String {
        var out = "# config file: \(path)\(exists ? "" : " (not present: built-in defaults)")\n\n[routing]\n"
        out += "strategy = \"\((routing.strategy ?? .cost).rawValue)\"\n"
        out += "classifier = \"\(routing.classifier ?? "local")\"\n"
        if let model = routing.classifierModel { out += "classifier_model = \"\(model)\"\n" }
        out += routing.minQuality.map { "min_quality = \(FixedPoint.trim($0))\n" }
            ?? "# min_quality: by tier (simple 0.6, medium 0.7, complex 0.85, expert 0.9)\n"
        out += routing.maxCost.map { "max_cost = \(FixedPoint.trim($0))\n" } ?? "# max_cost: none\n"
        out += "threshold = \(FixedPoint.trim(policy.threshold))\n"
        out += "strong = \(list(policy.strong))\nweak = \(list(policy.weak))\n"
        if let pool = policy.pool { out += "candidates = \(list(pool))\n" }
        out += "\n[routing.tiers]\n"
        for tier in Tier.allCases { out += "\(tier.rawValue) = \(list(policy.tierGroups[tier] ?? []))\n" }
        out += "\n[routing.tasks]\n"
        for task in TaskKind.allCases { out += "\(task.rawValue) = \(list(policy.taskGroups[task] ?? []))\n" }
        out += "\n[resilience]\nbreaker_threshold = \(breakerThreshold)\nbreaker_cooldown = \(FixedPoint.trim(breakerCooldown))\n"
        out += ledgerText() + budgetText() + serveText()
        for provider in catalog.providers {
            out += "\n[providers.\(provider.name)]\n"
            out += "kind = \"\(provider.api.rawValue)\"\n"
            out += "base_url = \"\(catalog.baseURL(for: provider, environment: environment))\"\n"
            if let variable = provider.apiKeyEnv { out += "api_key_env = \"\(variable)\"\n" }
            out += "# api key: \(keyStatus(provider))\n"
        }
        for model in config.models {
            out += "\n# [models.\"\(model.name)\"] \(catalog.model(named: model.name).map { "\($0.provider), quality \(Quality.format($0.quality))" } ?? "")\n"
            if let deployed = catalog.deployments[model.name] {
                let list = deployed.map { d in
                    "\(d.provider)\(d.baseURL.map { " at " + $0 } ?? "")\(d.modelID.map { " as " + $0 } ?? "") weight \(FixedPoint.trim(d.weight))"
                }
                out += "# load-balanced over: \(list.joined(separator: "; "))\n"
            }
        }
        return out
    }

    func json() -> JSONValue {
        .object([
            ("file", .string(path)),
            ("file_exists", .bool(exists)),
            ("routing", .object([
                ("strategy", .string((routing.strategy ?? .cost).rawValue)),
                ("classifier", .string(routing.classifier ?? "local")),
                ("classifier_model", routing.classifierModel.map { .string($0) } ?? .null),
                ("min_quality", routing.minQuality.map { .number($0) } ?? .null),
                ("max_cost", routing.maxCost.map { .number($0) } ?? .null),
                ("threshold", .number(policy.threshold)),
                ("strong", .array(policy.strong.map { .string($0) })),
                ("weak", .array(policy.weak.map { .string($0) })),
                ("tiers", .object(Tier.allCases.map { ($0.rawValue, .array((policy.tierGroups[$0] ?? []).map { .string($0) })) })),
                ("tasks", .object(TaskKind.allCases.map { ($0.rawValue, .array((policy.taskGroups[$0] ?? []).map { .string($0) })) })),
            ])),
            ("resilience", .object([
                ("breaker_threshold", .integer(breakerThreshold)), ("breaker_cooldown", .number(breakerCooldown)),
            ])),
            ("ledger", ledgerJSON(sharedLedger())),
            ("budget", budgetJSON()),
            ("serve", serveJSON()),
            ("providers", .array(catalog.providers.map { provider in
                .object([
                    ("name", .string(provider.name)), ("kind", .string(provider.api.rawValue)),
                    ("base_url", .string(catalog.baseURL(for: provider, environment: environment))),
                    ("api_key_env", provider.apiKeyEnv.map { .string($0) } ?? .null),
                    ("api_key", .string(keyStatus(provider))),
                ])
            })),
            ("configured_models", .array(config.models.map { .string($0.name) })),
        ])
    }

    /// The shared ledger in force, parsed once: its URL as it may be shown (never its password),
    /// where it comes from, and whether a password is set; nil: the SQLite file.
    private func sharedLedger() -> (shown: String, source: String, password: String)? {
        guard let text = config.ledger.url(environment: environment) else { return nil }
        let source = environment.nonEmpty("LLMROUTE_LEDGER_URL") != nil ? "LLMROUTE_LEDGER_URL" : "config"
        // An unparsable URL is not echoed: it may hold a password where the parser expected none.
        let url = try? PostgresURL(text)
        let password = config.ledger.password(environment: environment) != nil ? "set in \(passwordVariable)"
            : url?.password != nil ? "in the url (hidden)" : "not set"
        return (url?.description ?? "(invalid; `llmroute config check` says why)", source, password)
    }

    private var passwordVariable: String { config.ledger.passwordEnv ?? "PGPASSWORD" }

    private func ledgerText() -> String {
        var out = "\n[ledger]\n"
        if let shared = sharedLedger() {
            out += "url = \"\(shared.shown)\"\(shared.source == "config" ? "" : "  # from LLMROUTE_LEDGER_URL")\n"
            out += "user = \"\(config.ledger.userName(environment: environment))\"\n"
            out += "password_env = \"\(passwordVariable)\"\n# password: \(shared.password)\n"
        } else {
            out += "# url: none: the SQLite file \(SQLiteUsageLedger.defaultPath(environment: environment))\n"
        }
        return out + "log_text = \(config.logText ?? false)\n"
    }

    private func ledgerJSON(_ shared: (shown: String, source: String, password: String)?) -> JSONValue {
        .object([
            ("url", shared.map { .string($0.shown) } ?? .null), ("url_source", shared.map { .string($0.source) } ?? .null),
            ("sqlite_path", shared == nil ? .string(SQLiteUsageLedger.defaultPath(environment: environment)) : .null),
            ("user", .string(config.ledger.userName(environment: environment))),
            ("password_env", .string(passwordVariable)), ("password", shared.map { .string($0.password) } ?? .null),
            ("log_text", .bool(config.logText ?? false)),
        ])
    }

    private func budgetJSON() -> JSONValue {
        .object([
            ("daily", config.budget.daily.map { .number($0) } ?? .null),
            ("monthly", config.budget.monthly.map { .number($0) } ?? .null),
        ])
    }

    private var maxBodyMB: Double { config.serve.maxBodyMB ?? Double(ServeSettings.defaultBodyLimit) / 1_048_576 }

    private func serveJSON() -> JSONValue {
        .object([
            ("host", .string(config.serve.host ?? ServeSettings.defaultHost)),
            ("port", .integer(config.serve.port ?? ServeSettings.defaultPort)),
            ("api_key_env", config.serve.apiKeyEnv.map { .string($0) } ?? .null),
            ("max_body_mb", .number(maxBodyMB)),
        ])
    }

    private func budgetText() -> String {
        "\n[budget]\n"
            + (config.budget.daily.map { "daily = \(FixedPoint.trim($0))\n" } ?? "# daily: none\n")
            + (config.budget.monthly.map { "monthly = \(FixedPoint.trim($0))\n" } ?? "# monthly: none\n")
    }

    private func serveText() -> String {
        var out = "\n[serve]\nhost = \"\(config.serve.host ?? ServeSettings.defaultHost)\"\n"
        out += "port = \(config.serve.port ?? ServeSettings.defaultPort)\n"
        out += config.serve.apiKeyEnv.map { "api_key_env = \"\($0)\"\n" } ?? "# api_key_env: none (clients send no key; loopback only)\n"
        out += "max_body_mb = \(FixedPoint.trim(maxBodyMB))\n"
        return out
    }

    private func list(_ names: [String]) -> String { "[" + names.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
}
