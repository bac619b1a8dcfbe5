/// Task type → model group: the design sketch's `MultiProviderRouter`.
public struct TaskStrategy: RoutingStrategy {
    public let kind = StrategyKind.task
    public init() {}

    public func choose(_ input: StrategyInput) -> StrategyChoice {
        let task = input.classification.task
        let group = input.policy.taskGroups[task] ?? []
        return GroupResolver.resolve(group: group, label: "task \(task.rawValue)", input: input)
    }
}
