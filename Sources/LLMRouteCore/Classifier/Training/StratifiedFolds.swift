/// Fold assignment that keeps each (tier, task) cell's share equal across folds, so rare cells
/// (expert summarization has a handful of prompts) appear in every fold's test set when possible.
enum StratifiedFolds {
    static func assign(_ data: [LabeledPrompt], folds: Int, seed: UInt64) -> [Int] {
        var cells: [Int: [Int]] = [:]
        for (index, example) in data.enumerated() {
            cells[example.tier.rank * 16 + example.taskIndex, default: []].append(index)
        }
        var random = SplitMix64(seed: seed)
        var assignment = [Int](repeating: 0, count: data.count)
        var next = 0
        // Cells in key order and a seeded shuffle within each: the split depends on the seed only.
        for key in cells.keys.sorted() {
            var members = cells[key]!
            random.shuffle(&members)
            for member in members {
                assignment[member] = next % folds
                next += 1
            }
        }
        return assignment
    }
}
