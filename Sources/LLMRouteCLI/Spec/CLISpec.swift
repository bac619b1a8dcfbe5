/// The whole command line, declared once. Parsing, help, the man page and completions read it.
public enum CLISpec {
    public static let programName = "llmroute"
    public static let version = "0.1.0"

    public static let exitCodes: [(Int32, String)] = [
        (0, "success"),
        (1, "other error (e.g. a bad line in batch mode, an unreadable input file, a refused answer)"),
        (2, "usage error: unknown command or flag, bad flag value"),
        (3, "configuration error: the message names file:line"),
        (4, "every provider failed, or a stream broke after part of the answer was printed"),
        (5, "refused: the estimated cost exceeds --max-cost, or the daily or monthly budget (override with --force)"),
        (130, "interrupted (Ctrl-C)"),
    ]

    public static let classify = CommandSpec(
        "classify", summary: "Classify a prompt: tier, task and strong-model score",
        description: "Classifies a prompt's complexity tier (simple, medium, complex, expert), its task (coding, reasoning, simple_qa, creative, analysis, summarization) and a 0-1 score that a strong model is needed, with the reasons. The prompt comes from the arguments, or from stdin when it is piped or given as -.",
        operands: "[PROMPT...]",
        flags: [Flags.jsonl, Flags.explain, Flags.classifier, Flags.classifierModel],
        examples: [
            ("llmroute classify \"What is the capital of France?\"", "classify one prompt"),
            ("llmroute classify --explain < question.txt", "show which features pushed the decision"),
            ("llmroute classify --jsonl < prompts.jsonl > labels.jsonl", "classify a batch, one JSON line each"),
        ])

    public static let route = CommandSpec(
        "route", summary: "Show the routing decision without calling anything",
        description: "Classifies the prompt and picks a model with the chosen strategy: the model, its provider, the fallbacks, the estimated input and output tokens and cost, and the reasons. Nothing is sent anywhere; no API key is needed.",
        operands: "[PROMPT...]",
        flags: Flags.routing + [Flags.continueConversation, Flags.calibrate, Flags.strongShare, Flags.writeConfig],
        examples: [
            ("llmroute route \"Implement a red-black tree in Rust\"", "see which model a prompt would go to"),
            ("llmroute route --strategy cost --min-quality 0.9 --task coding \"...\"", "cheapest model with quality >= 0.9"),
            ("llmroute route --json \"What is 2+2?\" | jq .model", "the decision for scripts"),
            ("llmroute route --calibrate --strong-share 0.3 --write-config < prompts.jsonl", "calibrate the threshold strategy"),
        ])

    public static let eval = CommandSpec(
        "eval", summary: "Evaluate routing on an outcome file: APGR and the PGR curve",
        description: "Checks how well routing by score would trade quality for strong-model calls on your own traffic. FILE (or - for stdin) has one JSON object per line: \"prompt\", \"weak\" and \"strong\" (how well each model did: correctness 0/1 or a judge's score) and an optional \"id\", e.g. {\"id\": 7, \"prompt\": \"Prove that ...\", \"weak\": 0, \"strong\": 1}. Each prompt is scored with --classifier, or the score is read from the field --score-field names. Prompts are sorted by score; sending the top share to the strong model recovers a part of the quality gap between always-weak and always-strong (PGR, performance gap recovered). APGR is the area under PGR against the strong share, as RouteLLM computes it: 0.5 is random routing and higher is better (the report also shows the best any ranking reaches on the file, ordering prompts by strong minus weak); tied scores count as randomly broken ties. The report gives the means, APGR, the strong share needed to recover 50/80/90/95% of the gap, and a chart of the curve (PGR outside 0-1 is clamped in the chart, and it says so). --json prints apgr, n, weak_mean, strong_mean and the curve at every 10% of strong share with the score threshold for that share. A bad line is reported on stderr with its line number and left out; the exit status is then 1. If both means are equal there is no gap, PGR is undefined, and eval exits 1 (--json still prints the means, with apgr null and an error).",
        operands: "FILE",
        flags: [Flags.classifier, Flags.classifierModel, Flags.scoreField, Flags.svg, Flags.bootstrap, Flags.seed],
        examples: [
            ("llmroute eval outcomes.jsonl", "APGR and the PGR curve of the local classifier on your prompts"),
            ("llmroute eval --score-field routellm_score --json outcomes.jsonl", "evaluate another router's precomputed scores"),
            ("llmroute eval --bootstrap 1000 --svg curve.svg outcomes.jsonl", "with a 95% interval, and the curve as an image"),
            ("judge-answers --jsonl | llmroute eval --classifier heuristic -", "outcomes from stdin, scored by the keyword rules"),
        ],
        operandCompletion: .files)

    public static let ask = CommandSpec(
        "ask", summary: "Route a prompt and stream the answer",
        description: "Routes the prompt like route, calls the chosen model and streams its answer to stdout, falling back along the decision's fallbacks when a provider fails (retrying 408, 429, 5xx, 529, timeouts and broken connections with backoff first). Piped stdin is appended to the prompt as context, or is the prompt. A footer on stderr (model, tokens, cost, time to first token, total time) is shown when stderr is a terminal or with -v; -q hides it. Providers that failed recently are skipped for a while (state in $XDG_STATE_HOME/llmroute/).",
        operands: "[PROMPT...]",
        flags: Flags.ask,
        examples: [
            ("llmroute ask \"Explain SSE in one paragraph\"", "route and stream the answer"),
            ("cat notes.md | llmroute ask \"summarize this\"", "piped text is context"),
            ("llmroute ask -c \"and in French?\"", "continue the last conversation"),
            ("llmroute ask --dry-run --json -m gpt-4o \"hi\"", "the request that would be sent"),
            ("llmroute ask --jsonl --concurrency 8 < in.jsonl > out.jsonl", "a batch"),
        ])

    public static let costReport = CommandSpec(
        "report", summary: "Spend from the usage ledger: tokens, cost, savings",
        description: "Reports what ask and batch calls recorded in the usage ledger ($XDG_DATA_HOME/llmroute/usage.sqlite, or the team's PostgreSQL ledger when [ledger] url or LLMROUTE_LEDGER_URL names one) between --since and --until: requests, failures, input and output tokens, spend and average latency, grouped with --by (user: who made the calls; --user keeps one user's), then the total and the savings: what the same requests would have cost on the strongest model of each one's candidate set, and the percentage saved. --routes shows instead how often each tier/task went to which model and how often fallbacks fired. Times are local.",
        flags: Flags.report,
        examples: [
            ("llmroute cost report", "the last 30 days by model"),
            ("llmroute cost report --since 7d --by day", "spend per day this week"),
            ("llmroute cost report --since 2026-11-01 --until 2026-11-30 --csv", "a month for a spreadsheet"),
            ("llmroute cost report --routes --json", "routing statistics for scripts"),
            ("llmroute cost report --by user --since 7d", "the team's spend per person this week"),
        ])

    public static let repl = CommandSpec(
        "repl", summary: "Interactive chat: each turn routed and streamed",
        description: "An interactive chat on GNU readline (key bindings from ~/.inputrc, history in $XDG_STATE_HOME/llmroute/history, at most 1000 lines, mode 0600; lines starting with a space are not kept). Each message is routed like ask unless a model is pinned, with the earlier turns sent as context (the oldest left out, with a note, when they do not fit the chosen model's window). Answers stream; Ctrl-C cancels an answer or clears the line, Ctrl-D or /exit leaves. A line ending in \\ continues; \"\"\" opens and closes a multi-line block. Slash commands (Tab completes them, model and strategy names, and /save file names): /help, /model [auto|NAME], /strategy NAME, /system [TEXT|off], /route, /cost, /clear, /retry, /save [-f] FILE, /exit. When stdin is not a terminal, lines are read without readline and answers printed without prompt or decoration; the exit status is then 4 if a turn failed.",
        flags: Flags.repl,
        examples: [
            ("llmroute repl", "chat; each message goes to the cheapest model good enough for it"),
            ("llmroute repl -m claude-haiku-5-5 -s \"Answer briefly\"", "pin a model and set a system prompt"),
            ("printf 'hi\\n/cost\\n' | llmroute repl", "scripted: plain lines in, answers out"),
        ])

    public static let cost = CommandSpec(
        "cost", summary: "Token counts and estimated cost per model; spend reports",
        description: "Counts the input's tokens and estimates the cost of sending it to every catalog model (cheapest first), or to one with --model. The input comes from the arguments, -f FILE (repeatable) or stdin. --tokens prints only the exact token count. `cost report` reports what was actually spent (see `llmroute help cost report`).",
        operands: "[PROMPT...]",
        flags: [Flags.model, Flags.file, Flags.outputTokens, Flags.system, Flags.csv, Flags.tokens, Flags.encoding],
        subcommands: [costReport],
        examples: [
            ("llmroute cost -f report.md", "what sending a file costs on each model"),
            ("llmroute cost --json -m gpt-4o \"...\"", "one model, as JSON"),
            ("cat big.txt | llmroute cost --tokens --encoding cl100k_base", "exact token count only"),
            ("llmroute cost report --since 7d", "what was spent this week"),
        ])

    public static let serve = CommandSpec(
        "serve", summary: "Serve an OpenAI-compatible API that routes every request",
        description: "Runs a local HTTP gateway speaking OpenAI's Chat Completions protocol, so editors, agents and SDKs pointed at its base URL (http://HOST:PORT/v1) get routing: POST /v1/chat/completions (streamed as server-sent events, or whole), GET /v1/models and GET /health. The model \"auto\" (or \"llmroute/auto\") is routed like ask routes a prompt (classifier, strategy, fallbacks, retries, circuit breaker); any catalog or config model name is forced; an unknown name is a 404. The headers x-llmroute-strategy, x-llmroute-max-cost and x-llmroute-min-quality set a request's routing; x-llmroute-model, x-llmroute-tier and x-llmroute-task say where it went, and the cost is in x-llmroute-cost-usd (whole answers) or usage.cost_usd of the final chunk (streams with stream_options.include_usage). Every request is recorded in the usage ledger (command serve) and checked against the budgets (429 when over). Fields that cannot be passed on are refused with a 400. It listens on 127.0.0.1:8080 unless told otherwise ([serve] in the config, or the flags) and prints the address on stderr; SIGTERM or SIGINT stops accepting, lets requests in flight finish (up to 30 s) and exits 0.",
        flags: Flags.serve,
        examples: [
            ("llmroute serve", "serve on 127.0.0.1:8080"),
            ("OPENAI_BASE_URL=http://127.0.0.1:8080/v1 OPENAI_API_KEY=unused my-agent", "point an OpenAI client at it"),
            ("llmroute serve --host 0.0.0.0 --api-key-env CLIENT_KEY", "serve the network; clients send $CLIENT_KEY"),
        ])

    public static let models = CommandSpec(
        "models", summary: "List the catalog's models and which are usable now",
        description: "Lists the models in the catalog (built-in plus config): provider, prices per million tokens, context window, quality, and whether the provider is usable now (an API key is set, or it needs none).",
        flags: [Flags.names, Flags.usable],
        examples: [
            ("llmroute models", "the table"),
            ("llmroute models --usable --names", "names of models you can call now"),
        ])

    public static let configShow = CommandSpec(
        "show", summary: "Print the effective configuration (keys never shown)",
        description: "Prints the configuration in effect: which file was read, the providers (with whether a key is set, never the key), the routing and resilience settings, the ledger (the SQLite file, or the shared PostgreSQL URL without its password, and whether a password is set), the budgets, the serve settings and the models the config adds or changes.")
    public static let configInit = CommandSpec(
        "init", summary: "Write a commented example config",
        description: "Writes a commented example config to the config path (or --config PATH). Refuses to overwrite an existing file unless --force is given.",
        flags: [Flags.force])
    public static let configCheck = CommandSpec(
        "check", summary: "Validate the config; exit 3 with file:line on errors",
        description: "Validates the config file: TOML syntax, known keys, value types and ranges, and references to models and providers. Prints ok or the first problem as file:line: message, and exits 3 on a problem.")
    public static let configPath = CommandSpec(
        "path", summary: "Print the config file path in effect",
        description: "Prints the path of the config file llmroute reads (whether or not it exists).")

    public static let config = CommandSpec(
        "config", summary: "Show, create or check the configuration",
        description: "Works with the TOML configuration at $XDG_CONFIG_HOME/llmroute/config.toml (or LLMROUTE_CONFIG, or --config PATH). Without a subcommand, shows the effective configuration.",
        subcommands: [configShow, configInit, configCheck, configPath], defaultSubcommand: "show",
        examples: [
            ("llmroute config init", "write a commented starting point"),
            ("llmroute config check", "validate it"),
        ])

    public static let ledgerCopy = CommandSpec(
        "copy", summary: "Copy the SQLite usage ledger into a PostgreSQL ledger",
        description: "Copies every row and session of this machine's SQLite usage ledger ($XDG_DATA_HOME/llmroute/usage.sqlite) into the shared PostgreSQL ledger at --to (the password from PGPASSWORD or [ledger] password_env), creating or migrating its tables first. Rows the server already has are skipped, so running it again copies nothing twice. Prints how many rows were copied and how many were already there. The SQLite file is left as it was.",
        flags: [Flags.to],
        examples: [("llmroute ledger copy --to postgresql://me@db.example:5432/llm", "move this machine's history to the team's ledger")])

    public static let ledger = CommandSpec(
        "ledger", summary: "Work with the usage ledger's store",
        description: "Works with the usage ledger's store: `ledger copy` copies the local SQLite ledger into a shared PostgreSQL one ([ledger] url in the config, or LLMROUTE_LEDGER_URL).",
        subcommands: [ledgerCopy], defaultSubcommand: "copy",
        examples: [("llmroute ledger copy --to postgresql://me@db.example:5432/llm", "copy this machine's history")])

    public static let help = CommandSpec(
        "help", summary: "Show help for a command",
        description: "Shows the help of a command, the same as COMMAND --help.",
        operands: "[COMMAND...]", operandCompletion: .commands)

    public static let completions = CommandSpec(
        "completions", summary: "Print a shell completion script",
        description: "Prints the completion script for bash, zsh or fish, generated from the same definitions as the parser. Model names are completed from `llmroute models --names`, so they follow your config.",
        operands: "SHELL",
        examples: [
            ("llmroute completions bash > ~/.local/share/bash-completion/completions/llmroute", "install for bash"),
            ("llmroute completions zsh > \"${fpath[1]}/_llmroute\"", "install for zsh"),
            ("llmroute completions fish > ~/.config/fish/completions/llmroute.fish", "install for fish"),
        ],
        operandCompletion: .choices(["bash", "zsh", "fish"]))

    public static let manpage = CommandSpec(
        "manpage", summary: "Print the man page (roff)",
        description: "Prints the llmroute(1) man page in roff, generated from the same definitions as --help. `make install` installs it; `man -l man/llmroute.1` shows the committed copy.",
        examples: [("llmroute manpage | man -l -", "read the manual")])

    public static let commands = [classify, route, eval, ask, repl, serve, cost, ledger, models, config, completions, manpage, help]

    public static func command(named name: String) -> CommandSpec? { commands.first { $0.name == name } }

    public static let description = "llmroute reads a prompt, classifies its complexity and task, and picks the cheapest model that will answer it well."
}
