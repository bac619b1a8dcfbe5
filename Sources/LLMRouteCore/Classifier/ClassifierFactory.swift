/// Builds the classifier a name selects (`--classifier`, `[routing] classifier`).
public enum ClassifierFactory {
    public static func make(_ name: String) -> any PromptClassifier {
        switch name {
        case "heuristic": HeuristicClassifier()
        default: LocalClassifier.shared
        }
    }
}
