/// The CLI spec flattened into what the completion generators need: every command path with the
/// flags the parser accepts there, its subcommands, and what its operands and flag values complete
/// to. The three shells' scripts are generated from this, so they agree with each other and with
/// the parser.
struct CompletionTree {
    /// What a flag's value (or an operand) completes to.
    enum Values: Equatable {
        /// Free text or a number: nothing to offer, only the placeholder.
        case free
        case choices([String])
        case files
        /// Model names, asked at completion time of `llmroute models --names`.
        case models
        /// The command names (for `help COMMAND`).
        case commands
    }

    struct Node {
        /// [] is the top level (before a command), ["config", "init"] a subcommand.
        var path: [String]
        /// The command's own flags (none at the top level).
        var ownFlags: [FlagSpec]
        var subcommands: [CommandSpec]
        /// What operands complete to; nil when the command takes none.
        var operands: Values?
        /// The operand's name in usage (`PROMPT` from `[PROMPT...]`), for the shells that show it.
        var operandName: String

        /// The flags the parser accepts at this point: the command's own, then the global ones
        /// (which the parser takes anywhere on the line).
        var flags: [FlagSpec] { ownFlags + Flags.global }
        var name: String { path.joined(separator: " ") }
        /// An identifier-safe form of the path for generated function names (`config_init`).
        var identifier: String { path.joined(separator: "_").replacingDashes() }
    }

    let nodes: [Node]

    init(commands: [CommandSpec] = CLISpec.commands) {
        var nodes = [Node(path: [], ownFlags: [], subcommands: commands, operands: nil, operandName: "")]
        func add(_ command: CommandSpec, path: [String]) {
            nodes.append(Node(path: path, ownFlags: command.flags, subcommands: command.subcommands,
                              operands: Self.operandValues(command), operandName: Self.operandName(command.operands)))
            for sub in command.subcommands { add(sub, path: path + [sub.name]) }
        }
        for command in commands { add(command, path: [command.name]) }
        self.nodes = nodes
    }

    /// Nodes that are commands or subcommands (not the top level).
    var commandNodes: [Node] { nodes.filter { !$0.path.isEmpty } }

    /// Which flag spellings take a value and what the value completes to.
    struct ValueRule: Equatable {
        var spellings: [String]
        var values: Values
        /// nil: the rule holds wherever the spellings are accepted. Set when a spelling means
        /// different things in different commands (none does today), to qualify it by path.
        var paths: [[String]]?
    }

    /// The value rules, spellings with the same completion grouped, in spec order.
    var valueRules: [ValueRule] {
        var variants: [String: [(values: Values, paths: [[String]])]] = [:]
        var order: [String] = []
        for node in nodes {
            for flag in node.flags where flag.value.takesValue {
                let values = Self.values(of: flag.value)
                for spelling in flag.spellings {
                    if variants[spelling] == nil { order.append(spelling) }
                    if let index = variants[spelling, default: []].firstIndex(where: { $0.values == values }) {
                        variants[spelling]![index].paths.append(node.path)
                    } else {
                        variants[spelling, default: []].append((values, [node.path]))
                    }
                }
            }
        }
        var rules: [ValueRule] = []
        for spelling in order {
            let all = variants[spelling]!
            for variant in all {
                let paths = all.count == 1 ? nil : variant.paths
                if let index = rules.firstIndex(where: { $0.values == variant.values && $0.paths == paths }) {
                    rules[index].spellings.append(spelling)
                } else {
                    rules.append(ValueRule(spellings: [spelling], values: variant.values, paths: paths))
                }
            }
        }
        return rules
    }

    static func values(of value: FlagValue) -> Values {
        switch value {
        case .choice(_, let choices): .choices(choices)
        case .path: .files
        case .model: .models
        case .none, .text, .integer, .decimal: .free
        }
    }

    static func operandValues(_ command: CommandSpec) -> Values? {
        switch command.operandCompletion {
        case .none: command.operands.isEmpty ? nil : .free
        case .files: .files
        case .choices(let choices): .choices(choices)
        case .commands: .commands
        }
    }

    /// `[PROMPT...]` → `PROMPT`.
    static func operandName(_ operands: String) -> String {
        String(operands.filter { $0 != "[" && $0 != "]" && $0 != "." }.split(separator: " ").first ?? "")
    }
}

extension FlagSpec {
    /// `-m --model`, the spellings a shell offers.
    var spellings: [String] { (short.map { ["-\($0)"] } ?? []) + ["--\(long)"] }
}

extension String {
    func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
