import LLMRouteCore

/// Chooses the exact tokenizer for `cost --tokens`.
enum ExactTokenCounting {
    static func counter(encoding: String?, model: String?, catalog: Catalog) throws -> (String) -> Int {
        throw CLIError("exact token counting is not available in this build")
    }
}
