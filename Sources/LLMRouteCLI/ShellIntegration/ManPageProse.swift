import LLMRouteCore

/// The hand-written parts of llmroute(1): what the spec does not say. Lists (strategies, config
/// keys, providers' variables, exit codes, commands and flags) come from the code; this file
/// only explains them, and a test fails when a config key has no explanation here.
enum ManPageProse {
    static let summary = "route each prompt to the cheapest model that answers it well"

    static let description = [
        CLISpec.description,
        "Routing is local: the prompt is classified on this machine in a few milliseconds, with no network call and no API key, so `route`, `classify` and `cost` work offline. `ask` sends the prompt to the chosen model and streams the answer, falling back to the next model when a provider fails.",
        "The prompt comes from the arguments. Piped stdin is appended to it as context (`cat notes.md | llmroute route \"summarize this\"`), or is the prompt when no argument is given; `-` reads stdin explicitly. A terminal is never read as stdin, so a script that passes the prompt as arguments never waits for input.",
        "Every command has --help (also `llmroute help COMMAND`) and --json output for scripts. An error is one line on stderr naming the problem, and the exit status tells its kind (see EXIT STATUS).",
    ]

    /// What each strategy picks. A switch, so a new strategy does not compile until it is documented.
    static func strategy(_ kind: StrategyKind) -> String {
        switch kind {
        case .tier:
            "The first available model of the prompt's tier group (`[routing.tiers]` in the config, or the built-in groups)."
        case .task:
            "The first available model of the prompt's task group (`[routing.tasks]`, or the built-in groups)."
        case .cost:
            "The cheapest model whose quality reaches --min-quality (unset: by tier, 0.6, 0.7, 0.85 and 0.9 for simple, medium, complex and expert) and whose estimated cost fits --max-cost. Models strong at the prompt's task get a 10% discount when ranked. When no model qualifies, the cheapest one is picked and the reasons say so."
        case .threshold:
            "The strong group (`strong` in `[routing]`) when the prompt's strong-model score reaches --threshold, else the weak group (`weak`), in the manner of RouteLLM. `llmroute route --calibrate` finds the threshold that sends a chosen share of your prompts to the strong model."
        }
    }

    static let routingNotes = [
        "The classifier puts each prompt in a tier (\(Tier.allCases.map(\.rawValue).joined(separator: ", "))) and a task (\(TaskKind.allCases.map(\.rawValue).joined(separator: ", "))), and scores from 0 to 1 how much it needs a strong model. --task overrides the task; -m skips the strategy.",
        "Candidates are the models of providers that have an API key (or need none). With no key at all, routing plans over the built-in OpenAI and Anthropic models and says so. Models whose context window cannot hold the prompt and the expected answer, or that lack a capability given with --require, are excluded. Every decision carries up to three fallbacks, reaching another provider early.",
    ]

    static let configuration = [
        "The configuration is an optional TOML file: --config PATH, else LLMROUTE_CONFIG, else $XDG_CONFIG_HOME/llmroute/config.toml (~/.config/llmroute/config.toml). Without it, llmroute routes across the built-in catalog with the defaults below. `llmroute config init` writes a commented example; `llmroute config check` validates a file.",
        "Every key is optional. Unknown keys, wrong types, out-of-range values and references to unknown models or providers are errors that name the file and line (exit status 3), with a suggestion when a name is close to a known one. Flags override the config, which overrides the defaults.",
    ]

    /// The config's tables, in the order the page shows them; a test checks they cover every
    /// top-level key `ConfigParser` accepts.
    static let configTables: [(key: String, heading: String, intro: String, keys: [String])] = [
        ("routing", "[routing]", "How prompts are routed.", ConfigParser.routingKeys),
        ("providers", "[providers.NAME]",
         "Override a built-in provider (\(BuiltinCatalog.providers.map(\.name).joined(separator: ", "))) or add one, such as an OpenAI-compatible local server. A new provider needs kind and base_url.",
         ConfigParser.providerKeys),
        ("models", "[models.NAME]",
         "Add a model, or override fields of a built-in one (`[models.\"gpt-4o-mini\"]`). A new model needs provider, input_price, output_price and context_window.",
         ConfigParser.modelKeys),
        ("budget", "[budget]",
         "Spending caps in USD, checked before every ask (and every batch line) against the usage ledger: a warning on stderr above 80%, a refusal with exit status 5 above 100%, naming the budget and what is left. --force overrides for one call. Days start at local midnight, months on the 1st.",
         ConfigParser.budgetKeys),
        ("ledger", "[ledger]",
         "The usage ledger, $XDG_DATA_HOME/llmroute/usage.sqlite (mode 0600): one row per attempt and per request with the routing decision, tokens, cost, latency and outcome. `llmroute cost report` reads it. With url, a PostgreSQL database shared by a team takes its place: the same tables, budgets checked and reserved there in one transaction so that they hold across machines, and `llmroute ledger copy` moves a SQLite history in.",
         ConfigParser.ledgerKeys),
        ("resilience", "[resilience]", "The circuit breaker kept per provider (per deployment when a deployment has its own base_url).",
         ConfigParser.resilienceKeys),
        ("serve", "[serve]", "The `llmroute serve` gateway; its flags override each key.", ConfigParser.serveKeys),
    ]

    /// What each config key means, by table and key.
    static let configKeys: [String: String] = [
        "routing.strategy": "Default strategy: \(StrategyKind.allCases.map(\.rawValue).joined(separator: ", ")) (see ROUTING STRATEGIES). Default: \(Flags.strategy.defaultText ?? "cost").",
        "routing.classifier": "Prompt classifier: \(ConfigParser.classifierNames.joined(separator: " or ")). local is the learned offline classifier, heuristic uses keyword rules, llm asks classifier_model to label each prompt (falling back to local when that fails). Default: \(Flags.classifier.defaultText ?? "local").",
        "routing.classifier_model": "Model the llm classifier asks. Unset: the first weak model with an API key, else the cheapest model with one.",
        "routing.min_quality": "Quality bar from 0 to 1 for the cost strategy. Unset: by tier (0.6, 0.7, 0.85, 0.9).",
        "routing.max_cost": "Cost cap per request in USD.",
        "routing.threshold": "Score from 0 to 1 at or above which the threshold strategy picks the strong group. Default: \(Flags.threshold.defaultText ?? "0.5") (the tier cut between medium and complex, so threshold and tier routing agree; docs/classifier.md). `llmroute route --calibrate --write-config` sets it.",
        "routing.strong": "List of models: the threshold strategy's strong group, in fallback order.",
        "routing.weak": "List of models: the threshold strategy's weak group, in fallback order.",
        "routing.candidates": "List of models: route only to these.",
        "routing.tiers": "Table from tier (\(Tier.allCases.map(\.rawValue).joined(separator: ", "))) to a list of models: the tier strategy's groups, each an ordered fallback list.",
        "routing.tasks": "Table from task (\(TaskKind.allCases.map(\.rawValue).joined(separator: ", "))) to a list of models: the task strategy's groups.",
        "routing.output_tokens": "Table from tier to the expected answer length in tokens, for cost estimates.",
        "providers.kind": "API protocol: \(APIProtocol.allCases.map(\.rawValue).joined(separator: " or ")). openai is Chat Completions, which most other hosts also speak; anthropic is the Messages API.",
        "providers.base_url": "Base URL, starting with http:// or https://. OpenAI-style bases include /v1 (https://api.openai.com/v1); Anthropic's does not (https://api.anthropic.com). Setting it on a built-in provider also overrides its base-URL variable.",
        "providers.api_key_env": "Name of the environment variable that holds the API key. Empty, or unset on a new provider: the provider needs no key and is always usable (a local server).",
        "providers.api_key": "The API key itself. Prefer api_key_env; `config init` writes the file with mode 0600 in case keys end up in it.",
        "models.provider": "The provider that serves the model: a built-in one or a [providers.NAME] table.",
        "models.input_price": "Price in USD per million input tokens.",
        "models.output_price": "Price in USD per million output tokens.",
        "models.cache_read_price": "Price in USD per million input tokens read from the prompt cache. Default: the catalog's (LiteLLM's cache_read_input_token_cost), else 0.1x the input price on Anthropic, 0.5x on OpenAI, 0.25x on Gemini, 0.1x on DeepSeek, 1x elsewhere.",
        "models.cache_write_price": "Price in USD per million input tokens written to the prompt cache (5-minute lifetime). Default: the catalog's, else 1.25x the input price on Anthropic, 1x elsewhere.",
        "models.cache_write_1h_price": "Price in USD per million input tokens written to the prompt cache with a 1-hour lifetime. Default: the catalog's, else 1.6x the 5-minute write price when that is set, else 2x the input price on Anthropic, 1x elsewhere.",
        "models.cache_min_tokens": "Shortest prompt prefix the provider caches, in tokens (estimates count a repeated prefix as a cache read only above it). Default: the catalog's, else 1024 (64 on DeepSeek).",
        "models.context_window": "Context window in tokens.",
        "models.max_output_tokens": "Longest answer the model can produce, in tokens. Default for a new model: the context window, at most 4096.",
        "models.quality": "Quality from 0 to 1; the built-in values are LMArena text scores mapped to 0-1. Default for a new model: 0.5.",
        "models.strengths": "List of tasks the model is strong at (\(TaskKind.allCases.map(\.rawValue).joined(separator: ", "))).",
        "budget.daily": "Daily cap in USD (0 or more), from local midnight.",
        "budget.monthly": "Monthly cap in USD (0 or more), from the 1st of the month.",
        "ledger.log_text": "true: store prompt and answer text in the ledger. Default false: only their SHA-256 hashes (--log-text turns it on for one call, --no-log records nothing).",
        "ledger.url": "A team's shared ledger in PostgreSQL, postgresql://USER@HOST:PORT/DATABASE (?sslmode=require for TLS), used instead of the SQLite file by every command that records or reads the ledger; its tables are created on first use. LLMROUTE_LEDGER_URL overrides it. Rows the server cannot take wait in $XDG_DATA_HOME/llmroute/ledger-outbox.sqlite and are sent first by the next call that reaches it.",
        "ledger.user": "The name this machine's rows are recorded under (cost report --by user, --user). Default: the login name.",
        "ledger.password_env": "The environment variable holding the PostgreSQL ledger's password (never the password itself). Default: PGPASSWORD.",
        "models.deployments": "Array of tables ([[models.\"NAME\".deployments]]) for weighted load balancing: each entry has provider (required), base_url (overrides the provider's), model (the id sent there; default NAME) and weight (> 0, default 1). A call goes to a deployment drawn by weight among those whose circuit breaker is closed; the other deployments are its next fallbacks.",
        "resilience.breaker_threshold": "Consecutive failures (5xx, overloaded, timeouts, refused connections) after which a provider is skipped, 1 to 1000. Default: 3.",
        "resilience.breaker_cooldown": "Seconds a provider stays skipped before one call may try it again, 1 to 86400. Default: 30.",
        "serve.host": "Address to listen on. Default: 127.0.0.1. Anything but loopback needs api_key_env.",
        "serve.port": "Port to listen on, 0 to 65535 (0: a free one, printed on stderr). Default: 8080.",
        "serve.api_key_env": "Name of the environment variable holding the key clients must send as Authorization: Bearer. Unset: no key is asked for (loopback only).",
        "serve.max_body_mb": "Largest request body in MB; a larger one gets 413. Default: 32.",
        "models.capabilities": "List of capabilities (\(Capability.allCases.map(\.rawValue).joined(separator: ", "))), matched by --require.",
    ]

    /// Variables besides the providers' key and base-URL variables (which come from the catalog).
    static let environment: [(String, String)] = [
        ("LLMROUTE_CONFIG", "Path of the config file, used when --config is not given. The file must exist."),
        ("NO_COLOR", "Any non-empty value disables colour. Colour is only ever used on a terminal, and never with TERM=dumb."),
        ("HTTPS_PROXY, HTTP_PROXY, NO_PROXY", "Proxies for `ask` (lower-case forms too). NO_PROXY is a comma-separated list of host suffixes."),
        ("XDG_CONFIG_HOME", "Base of the config directory: $XDG_CONFIG_HOME/llmroute. Default: ~/.config."),
        ("XDG_STATE_HOME", "Base of the state directory, $XDG_STATE_HOME/llmroute, where `ask` keeps its state (see FILES). Default: ~/.local/state."),
        ("XDG_DATA_HOME", "Base of the data directory, $XDG_DATA_HOME/llmroute. Default: ~/.local/share. The usage ledger (usage.sqlite), or the PostgreSQL ledger's outbox, is kept there."),
        ("HOME", "Where the XDG defaults are, when the XDG variables are unset or not absolute paths."),
        ("LLMROUTE_LEDGER_URL", "A PostgreSQL ledger URL; overrides [ledger] url. Its password, if any, is never printed."),
        ("PGPASSWORD", "The PostgreSQL ledger's password, unless [ledger] password_env names another variable."),
        ("LLMROUTE_RETRY_BASE_MS", "Base of the retry backoff in milliseconds (default 500). The test suite sets it so retries take no time."),
        ("LLMROUTE_SERVE_READ_TIMEOUT_MS", "How long llmroute serve waits for a request's whole body once its headers are in, in milliseconds (default 60000); a slower client is disconnected."),
    ]

    static let files: [(String, String)] = [
        ("$XDG_CONFIG_HOME/llmroute/config.toml", "The configuration (default ~/.config/llmroute/config.toml). See CONFIGURATION."),
        ("$XDG_STATE_HOME/llmroute/conversation.json", "The last conversation, for `ask --continue` (mode 0600)."),
        ("$XDG_STATE_HOME/llmroute/history", "The `repl` line history: at most 1000 lines, mode 0600; lines typed with a leading space are not kept."),
        ("$XDG_STATE_HOME/llmroute/circuit-breakers", "Which providers failed recently, so `ask` skips them for a while."),
    ]

    /// Worked examples shown before each command's own.
    static let examples: [(String, [String])] = [
        ("Route a prompt once, and see why:", ["llmroute route \"Prove that the square root of 2 is irrational\""]),
        ("Pipe a file in as context and ask about it:", ["git diff | llmroute ask \"write a commit message for this\""]),
        ("The cost of a prompt in a script (the estimate of the routed model, as JSON):",
         ["cost=$(llmroute route --json < prompt.txt | jq .estimated_cost_usd)"]),
        ("Classify a file of questions, one per line, and count them by tier:",
         ["jq -R -c '{prompt: .}' < questions.txt | llmroute classify --jsonl | jq -r .tier | sort | uniq -c"]),
    ]

    static let seeAlso = [("jq", "1"), ("bash", "1"), ("zshcompsys", "1"), ("fish", "1")]
}
