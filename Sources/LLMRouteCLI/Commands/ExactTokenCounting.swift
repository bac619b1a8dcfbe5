import LLMRouteCore

/// Chooses the exact tokenizer for `cost --tokens`: `--encoding`, else the model's own encoding
/// when it is public, else o200k_base (the newest OpenAI encoding).
enum ExactTokenCounting {
    static func counter(encoding: String?, model: String?, catalog: Catalog) throws -> (String) -> Int {
        let chosen: TokenEncoding
        if let encoding, let named = TokenEncoding(rawValue: encoding) {
            chosen = named
        } else if let model {
            // Any model id works here, in the catalog or not (e.g. gpt-4 -> cl100k_base).
            let choice = TokenizerChoice.forModel(id: model, provider: catalog.model(named: model)?.provider ?? "")
            guard choice.exact else {
                throw CLIError(
                    "\(model)'s tokenizer is not public: --tokens can only count it exactly with --encoding",
                    exitCode: ExitCode.usage,
                    hint: "Use --encoding o200k_base or cl100k_base, or drop --tokens for an estimate (\(choice.method)).")
            }
            chosen = choice.encoding
        } else {
            chosen = .o200kBase
        }
        let tokenizer = BPETokenizer.shared(chosen)
        return { tokenizer.count($0) }
    }
}
