/// One line of the labeled training file (`labeled.jsonl`): a prompt and the labels an LLM
/// router gave it under the rubric.
public struct LabeledPrompt: Sendable, Equatable {
    public var id: String
    public var source: String
    public var prompt: String
    public var tier: Tier
    public var task: TaskKind
    /// 1 (a small model answers as well as a frontier one) ... 10 (it almost surely fails).
    public var difficulty: Int

    public init(id: String, source: String, prompt: String, tier: Tier, task: TaskKind, difficulty: Int) {
        self.id = id
        self.source = source
        self.prompt = prompt
        self.tier = tier
        self.task = task
        self.difficulty = min(max(difficulty, 1), 10)
    }

    var taskIndex: Int { TaskKind.allCases.firstIndex(of: task)! }
}
