/// The shells `llmroute completions` writes a script for, and where each script is committed.
enum CompletionShell: String, CaseIterable {
    case bash, zsh, fish

    func script() -> String {
        switch self {
        case .bash: BashCompletion.script()
        case .zsh: ZshCompletion.script()
        case .fish: FishCompletion.script()
        }
    }

    /// The committed copy, relative to the repository root (`make generate-shell` writes it).
    var committedPath: String {
        switch self {
        case .bash: "completions/llmroute.bash"
        case .zsh: "completions/_llmroute"
        case .fish: "completions/llmroute.fish"
        }
    }
}
