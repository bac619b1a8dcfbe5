/// Builds the classifier a name selects (`--classifier`, `[routing] classifier`).
public enum ClassifierFactory {
    public static func make(_ name: String) -> any PromptClassifier {
        switch name {
        case "heuristic": HeuristicClassifier()
        // "llm" labels asynchronously before routing (`LLMClassifier`, fixed into the router
        // per prompt); the local model stands in wherever no labelling call was made.
        default: LocalClassifier.shared
        }
    }
}
