import LLMRouteCore

/// Every flag llmroute accepts, each defined once.
public enum Flags {
    // Global flags: accepted by every command, before or after the command name.
    public static let config = FlagSpec(
        "config", value: .path("PATH"), default: "$XDG_CONFIG_HOME/llmroute/config.toml",
        help: "Read the config from PATH",
        details: "Read the configuration from PATH instead of LLMROUTE_CONFIG or the XDG default. The file must exist.")
    public static let json = FlagSpec("json", help: "Print machine-readable JSON")
    public static let noColor = FlagSpec(
        "no-color", help: "Never use colour (also NO_COLOR=1)",
        details: "Never colour output. Colour is used only on a terminal, and never when NO_COLOR is set to a non-empty value.")
    public static let verbose = FlagSpec("verbose", short: "v", repeatable: true, help: "Say more on stderr (repeat for more)")
    public static let quiet = FlagSpec("quiet", short: "q", help: "Print only the result; no notes or warnings")
    public static let help = FlagSpec("help", short: "h", help: "Show help for the command")
    public static let version = FlagSpec("version", help: "Print the version")

    public static let global = [config, json, noColor, verbose, quiet, help, version]

    // Routing.
    public static let strategy = FlagSpec(
        "strategy", value: .choice("NAME", StrategyKind.allCases.map(\.rawValue)), default: "cost",
        help: "Routing strategy",
        details: "Routing strategy: tier (complexity tier to model group), task (task type to model group), cost (cheapest model whose quality reaches --min-quality within --max-cost) or threshold (strong model when the score reaches --threshold).")
    public static let model = FlagSpec(
        "model", short: "m", value: .model("NAME"),
        help: "Use this model; skip the strategy",
        details: "Force this model (see `llmroute models`). Fallbacks are still planned.")
    public static let minQuality = FlagSpec(
        "min-quality", value: .decimal("Q", min: 0, max: 1), default: "by tier: 0.6 0.7 0.85 0.9",
        help: "Quality bar for the cost strategy (0-1)")
    public static let maxCost = FlagSpec(
        "max-cost", value: .decimal("USD", min: 0, max: nil),
        help: "Cost cap per request in USD",
        details: "Cost cap per request in USD. Strategies prefer models whose estimated cost fits; the decision says when none does.")
    public static let task = FlagSpec(
        "task", value: .choice("TASK", TaskKind.allCases.map(\.rawValue)),
        help: "Task hint; overrides the classifier's task")
    public static let threshold = FlagSpec(
        "threshold", value: .decimal("SCORE", min: 0, max: 1), default: "the score's medium/complex cut",
        help: "Score at or above which the threshold strategy picks the strong model")
    public static let outputTokens = FlagSpec(
        "output-tokens", value: .integer("N", min: 1), default: "by tier and task",
        help: "Expected answer length in tokens, for estimates")
    public static let system = FlagSpec("system", short: "s", value: .text("TEXT"), help: "System prompt (counted in the estimate)")
    public static let require = FlagSpec(
        "require", value: .choice("CAPABILITY", Capability.allCases.map(\.rawValue)), repeatable: true,
        help: "Only route to models with this capability (repeatable)")
    public static let classifier = FlagSpec(
        "classifier", value: .choice("NAME", ConfigParser.classifierNames), default: "local",
        help: "Prompt classifier to use",
        details: "local: the learned model linked into the binary (offline, microseconds). heuristic: keyword rules. llm: ask a cheap model to label the prompt (the design sketch's way; a network call per prompt), falling back to local with a warning when that fails.")
    public static let classifierModel = FlagSpec(
        "classifier-model", value: .model("NAME"), default: "routing.classifier_model, else the first usable weak model",
        help: "Model the llm classifier asks")

    public static let routing = [strategy, model, minQuality, maxCost, task, threshold, outputTokens, system, require, classifier, classifierModel]

    // route --calibrate.
    public static let calibrate = FlagSpec(
        "calibrate", help: "Print the threshold that sends --strong-share of stdin's prompts to the strong model",
        details: "Calibrate the threshold strategy like RouteLLM: read prompts from stdin (JSON lines with \"prompt\", as classify --jsonl takes them), score each, and print the score threshold that sends --strong-share of them to the strong model.")
    public static let strongShare = FlagSpec(
        "strong-share", value: .decimal("SHARE", min: 0, max: 1), default: "0.3",
        help: "With --calibrate: share of prompts for the strong model (0-1)")
    public static let writeConfig = FlagSpec(
        "write-config", help: "With --calibrate: store the threshold as [routing] threshold in the config")

    // classify.
    public static let jsonl = FlagSpec(
        "jsonl", help: "Batch: one JSON object per stdin line in, one per line out",
        details: "Batch mode: each stdin line is a JSON object with \"prompt\" and an optional \"id\"; each output line, in input order, is {\"id\", \"tier\", \"task\", \"score\", \"confidence\"}. A bad line yields {\"line\": N, \"error\": \"...\"} and processing goes on; the exit status is 1 if any line was bad.")
    public static let explain = FlagSpec("explain", help: "Show the features that pushed the decision")

    // cost.
    public static let file = FlagSpec(
        "file", short: "f", value: .path("FILE"), repeatable: true,
        help: "Price the contents of FILE (repeatable; - for stdin)")
    public static let csv = FlagSpec("csv", help: "Print CSV")
    public static let tokens = FlagSpec("tokens", help: "Print only the exact token count of the input")
    public static let encoding = FlagSpec(
        "encoding", value: .choice("NAME", ["o200k_base", "cl100k_base"]), default: "the model's",
        help: "Tokenizer for --tokens")

    // eval.
    public static let scoreField = FlagSpec(
        "score-field", value: .text("NAME"),
        help: "Read each line's score from field NAME; run no classifier",
        details: "Take each line's routing score from the numeric field NAME (higher: more in need of the strong model), e.g. the scores of another router, instead of scoring the prompts with --classifier. \"prompt\" is then not needed.")
    public static let svg = FlagSpec(
        "svg", value: .path("FILE"),
        help: "Also write the PGR curve as a standalone SVG image to FILE")
    public static let bootstrap = FlagSpec(
        "bootstrap", value: .integer("N", min: 1),
        help: "Add a 95% interval of APGR from N bootstrap resamples",
        details: "Add a 95% percentile interval of APGR from N resamples of the prompts with replacement (2.5th and 97.5th percentiles, interpolated like NumPy's default). Deterministic: the draws come from SplitMix64 seeded with --seed.")
    public static let seed = FlagSpec(
        "seed", value: .integer("N", min: 0), default: "1",
        help: "Seed of the --bootstrap resampling")

    // models.
    public static let names = FlagSpec("names", help: "Print model names only, one per line")
    public static let usable = FlagSpec("usable", help: "List only models whose provider is usable now")

    // config init.
    public static let force = FlagSpec("force", help: "Overwrite an existing file")

    // ask.
    public static let maxTokens = FlagSpec(
        "max-tokens", value: .integer("N", min: 1), default: "provider's; 4096 for Anthropic",
        help: "Longest answer to generate, in tokens")
    public static let temperature = FlagSpec(
        "temperature", value: .decimal("T", min: 0, max: 2), help: "Sampling temperature (0-2)")
    public static let noStream = FlagSpec(
        "no-stream", help: "Ask for the whole answer at once instead of streaming it")
    public static let continueConversation = FlagSpec(
        "continue", short: "c", help: "Continue the last conversation",
        details: "Continue the last conversation: its system prompt and turns (kept in $XDG_STATE_HOME/llmroute/conversation.json) come before this prompt (ask sends them; route counts them, with the prompt cache the last turn left warm).")
    public static let showReasoning = FlagSpec(
        "show-reasoning", help: "Print the model's reasoning/thinking text on stderr",
        details: "Print reasoning or thinking text (DeepSeek reasoning_content, Anthropic thinking) on stderr as it arrives. It is never part of the answer on stdout.")
    public static let retries = FlagSpec(
        "retries", value: .integer("N", min: 0), default: "2",
        help: "Retries per model on 408/429/5xx/529, timeouts, resets",
        details: "Retries per model for retryable failures (408, 429, 500, 502, 503, 504, 529, refused or reset connections, timeouts), with exponential backoff and full jitter, honouring Retry-After. Other errors move to the next fallback.")
    public static let timeout = FlagSpec(
        "timeout", value: .decimal("S", min: 0.001, max: nil), default: "60",
        help: "Seconds without a byte (before headers or mid-stream)",
        details: "Read timeout in seconds: an attempt fails as a timeout when the provider sends nothing for this long, before the headers or in the middle of a stream. Connecting is limited to min(S, 10) seconds.")
    public static let dryRun = FlagSpec(
        "dry-run", help: "Print the decision and the exact request; call nothing",
        details: "Print the routing decision and the exact request that would be sent (URL, headers with the API key masked, JSON body) as JSON, and call nothing.")
    public static let restart = FlagSpec(
        "restart", help: "After a mid-stream failure, re-ask the next fallback",
        details: "When a stream fails after part of the answer was printed, re-ask the next fallback and print its answer after a separator line. Without it, llmroute stops, says on stderr which model produced the partial text, and exits 4.")
    public static let askJSONL = FlagSpec(
        "jsonl", help: "Batch: one JSON request per stdin line, one result line out",
        details: "Batch mode: each stdin line is {\"id\", \"prompt\", \"system\"?, \"model\"?}; each output line is {\"id\", \"model\", \"text\", \"usage\", \"cost_usd\"} or {\"id\", \"error\", \"attempts\"}, one per input line, in input order unless --unordered. The exit status is 4 if any line failed.")
    public static let unordered = FlagSpec("unordered", help: "With --jsonl: print results as they finish")
    public static let concurrency = FlagSpec(
        "concurrency", value: .integer("N", min: 1), default: "4", help: "With --jsonl: requests in flight at once")

    public static let ask = routing + [maxTokens, temperature, noStream, continueConversation, showReasoning,
                                       retries, timeout, dryRun, restart, askJSONL, unordered, concurrency]
        + ledger

    // ------------------------------------------------------------------------------------------
    // Usage ledger, budgets and spend reports. Calls that send a request (ask, ask --jsonl, and
    // later the REPL) take `ledger`; `cost report` takes `report`.

    public static let logText = FlagSpec(
        "log-text", help: "Keep this call's prompt and answer text in the usage ledger",
        details: "Store the prompt and answer text in the usage ledger ($XDG_DATA_HOME/llmroute/usage.sqlite) for this call, as log_text = true does in the config. Without it only their SHA-256 hashes are stored.")
    public static let noLog = FlagSpec(
        "no-log", help: "Record nothing in the usage ledger for this call",
        details: "Record nothing in the usage ledger for this call. Budgets are still checked against what the ledger holds.")
    public static let budgetForce = FlagSpec(
        "force", help: "Call even when it would exceed a budget",
        details: "Make this call even when its estimated cost would take the spend past the daily or monthly budget ([budget] in the config), which otherwise refuses it with exit status 5.")

    public static let ledger = [logText, noLog, budgetForce]

    public static let since = FlagSpec(
        "since", value: .text("WHEN"), default: "30d",
        help: "Start of the report: an age (12h, 7d, 2w), today, or a date (2026-11-01)")
    public static let until = FlagSpec(
        "until", value: .text("WHEN"), default: "now",
        help: "End of the report, like --since (a date includes that whole day)")
    public static let by = FlagSpec(
        "by", value: .choice("KEY", SpendReport.Grouping.allCases.map(\.rawValue)), default: "model",
        help: "Group the report's rows by this")
    public static let routes = FlagSpec(
        "routes", help: "Show how often each tier/task went to which model, and fallbacks",
        details: "Instead of spend, show for each classified tier and task how often it went to which model (share of that tier/task's requests) and how often a fallback fired.")

    public static let user = FlagSpec(
        "user", value: .text("NAME"),
        help: "Only this user's requests ([ledger] user, else the login name)",
        details: "Report only the requests recorded under this user name: the [ledger] user setting of the machine that made them, else its login name. Rows recorded before users were kept have none and are left out.")

    public static let report = [since, until, by, user, routes, csv]

    // ledger copy
    public static let to = FlagSpec(
        "to", value: .text("URL"), help: "The PostgreSQL ledger to copy into (postgresql://user@host:port/db)")

    // serve: where it listens, the client key, and the ask flags that apply to every request.
    public static let host = FlagSpec(
        "host", value: .text("ADDR"), default: "127.0.0.1",
        help: "Address to listen on (anything but loopback needs --api-key-env)",
        details: "The address to listen on; [serve] host in the config. Only loopback (127.0.0.1, ::1, localhost) is allowed without a client key: binding any other address without --api-key-env (or [serve] api_key_env) refuses to start with exit status 2.")
    public static let port = FlagSpec(
        "port", value: .integer("N", min: 0), default: "8080",
        help: "Port to listen on; 0 picks a free one (printed on stderr)")
    public static let apiKeyEnv = FlagSpec(
        "api-key-env", value: .text("VAR"),
        help: "Require clients to send the key in this environment variable",
        details: "Clients must send Authorization: Bearer with the key held in the environment variable VAR ([serve] api_key_env); it is compared in constant time and never forwarded, logged or stored. Upstream provider keys stay in the server.")

    public static let serve = [host, port, apiKeyEnv, strategy, minQuality, maxCost, threshold, classifier,
                               retries, timeout] + ledger

    // repl: the routing flags set the session's starting mode; the ask flags that make sense per turn.
    public static let repl = routing + [maxTokens, temperature, showReasoning, retries, timeout, restart] + ledger
}
