/// A classifier whose answer was worked out beforehand, e.g. by an asynchronous labelling call
/// (`LLMClassifier`): it lets the synchronous router use that answer unchanged.
public struct PrecomputedClassifier: PromptClassifier {
    public let name: String
    public let classification: Classification

    public init(name: String, classification: Classification) {
        self.name = name
        self.classification = classification
    }

    public func classify(_ prompt: String) -> Classification { classification }
}
