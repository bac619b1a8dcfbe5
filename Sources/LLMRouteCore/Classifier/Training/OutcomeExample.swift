/// One graded prompt: how often the cheap models and the strong models answered it well.
/// The training target is `target`: P(a cheap answer falls short while a strong one does not)
/// = (1 − weak) × strong, with the two groups' results taken as independent
/// (docs/classifier.md, "The score").
public struct OutcomeExample: Sendable, Equatable {
    public var id: String
    /// Where the outcomes come from (e.g. `zeroeval-math-l5`); examples are balanced by source.
    public var source: String
    public var prompt: String
    /// Mean result (0–1) of the cheap models' answers.
    public var weak: Double
    /// Mean result (0–1) of the strong models' answers.
    public var strong: Double

    public init(id: String, source: String, prompt: String, weak: Double, strong: Double) {
        self.id = id
        self.source = source
        self.prompt = prompt
        self.weak = weak
        self.strong = strong
    }

    public var target: Double { (1 - weak) * strong }
}
