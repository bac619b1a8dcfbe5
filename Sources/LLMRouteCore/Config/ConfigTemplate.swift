/// The commented example `config init` writes. A test parses it, so it always stays valid.
public enum ConfigTemplate {
    public static let text = """
    # llmroute configuration (TOML). Every key is optional: without this file llmroute routes
    # across OpenAI and Anthropic, whichever has an API key in the environment.
    # Check it with `llmroute config check`; see `llmroute help config` and `man llmroute`.

    # Spending caps in USD, checked before each call against the ledger: a warning above 80%,
    # a refusal (exit 5) above 100%; --force overrides for one call. Daily resets at local midnight.
    # [budget]
    # daily = 5.00
    # monthly = 50.00

    # The usage ledger ($XDG_DATA_HOME/llmroute/usage.sqlite): every call's model, tokens, cost.
    # log_text: keep prompt and answer text too (otherwise only SHA-256 hashes of them).
    # --log-text does it for one call, --no-log records nothing for one call.
    # url: a team's shared ledger in PostgreSQL instead (or LLMROUTE_LEDGER_URL); tables are
    # created on first use, ?sslmode=require for TLS. The password comes from PGPASSWORD or the
    # variable password_env names, never from this file. Rows the server cannot take wait in
    # $XDG_DATA_HOME/llmroute/ledger-outbox.sqlite and go out with the next call that reaches it.
    # user: the name rows are recorded under (cost report --by user); the login name when unset.
    # [ledger]
    # log_text = false
    # url = "postgresql://llmroute@db.example:5432/llmroute"
    # password_env = "LLMROUTE_DB_PASSWORD"
    # user = "alice"

    [routing]
    # tier | task | cost | threshold
    strategy = "cost"
    # local (learned, offline) | heuristic (keyword rules) | llm (asks classifier_model; costs a call)
    classifier = "local"
    # Model the llm classifier asks. Unset: the first usable `weak` model, else the cheapest usable one.
    # classifier_model = "gpt-6-luna"
    # Quality bar (0-1) for the cost strategy. Unset: by tier (0.6, 0.7, 0.85, 0.9).
    # min_quality = 0.7
    # Cost cap per request, USD.
    # max_cost = 0.05
    # threshold strategy: strong model when the score is at least this. Unset: the score's
    # medium|complex cut (`route --calibrate` picks one for a share of your own prompts).
    # threshold = 0.3
    strong = ["claude-sonnet-5-5", "gpt-6.1-sol"]
    weak = ["gpt-6-luna", "claude-haiku-5-5"]
    # Restrict routing to these models:
    # candidates = ["gpt-6-luna", "gpt-6.1-terra", "claude-haiku-5-5", "claude-sonnet-5-5"]

    # tier strategy: a list is an ordered fallback group.
    [routing.tiers]
    simple = ["gpt-6-luna", "claude-haiku-5-5"]
    medium = ["claude-haiku-5-5", "gpt-6-luna"]
    complex = ["gpt-6.1-terra", "claude-sonnet-5-5"]
    expert = ["claude-opus-5-5", "gpt-6.1-sol"]

    # task strategy.
    [routing.tasks]
    coding = ["claude-sonnet-5-5", "gpt-6.1-terra"]
    reasoning = ["gpt-6.1-sol", "claude-sonnet-5-5"]
    simple_qa = ["gpt-6-luna", "claude-haiku-5-5"]
    creative = ["claude-sonnet-5-5", "gpt-6.1-terra"]
    analysis = ["gpt-6.1-terra", "claude-sonnet-5-5"]
    summarization = ["claude-haiku-5-5", "gpt-6-luna"]

    # Expected answer length (tokens) by tier, for cost estimates.
    # [routing.output_tokens]
    # simple = 150
    # expert = 1500

    # Circuit breaker: after breaker_threshold consecutive failures of a provider (5xx,
    # overloaded, timeouts, refused connections) it is skipped for breaker_cooldown seconds,
    # by later runs too, while another provider can answer.
    [resilience]
    breaker_threshold = 3
    breaker_cooldown = 30

    # Providers. Built in: openai, anthropic, gemini, deepseek, mistral and others (see
    # `llmroute models`). Override a base URL or key variable, or add an OpenAI-compatible server:
    # [providers.openai]
    # base_url = "https://api.openai.com/v1"     # or OPENAI_BASE_URL
    # api_key_env = "OPENAI_API_KEY"
    #
    # [providers.ollama]
    # kind = "openai"
    # base_url = "http://localhost:11434/v1"     # keyless: always usable

    # Models: add one (provider, prices in USD per million tokens, context window) or override
    # fields of a built-in one.
    # [models."llama3.2"]
    # provider = "ollama"
    # input_price = 0.0
    # output_price = 0.0
    # context_window = 131072
    # quality = 0.55
    # strengths = ["simple_qa", "summarization"]
    #
    # [models."gpt-4o-mini"]
    # quality = 0.75
    # cache_read_price = 0.075                  # USD per million cached input tokens (also
    #                                           # cache_write_price, cache_write_1h_price, cache_min_tokens)
    #
    # Load balancing: several deployments of one model, each call drawn by weight among those
    # whose circuit breaker is closed; the others are its next fallbacks.
    # [[models."llama3.2".deployments]]
    # provider = "ollama"
    # weight = 3
    # [[models."llama3.2".deployments]]
    # provider = "ollama"
    # base_url = "http://gpu-2:11434/v1"   # optional: another server of the same provider
    # model = "llama3.2:3b"                # optional: the id that server knows it by
    # weight = 1
    """
}
