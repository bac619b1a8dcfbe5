/// A command (or subcommand) with its operands, flags and documentation.
public struct CommandSpec: Sendable {
    public var name: String
    /// One line for command lists.
    public var summary: String
    /// Paragraphs for `--help` and the man page.
    public var description: String
    /// Operands as usage shows them, e.g. `[PROMPT...]`.
    public var operands: String
    /// Flags of this command (the global ones are added by the parser).
    public var flags: [FlagSpec]
    public var subcommands: [CommandSpec]
    /// The subcommand used when none is named (`config` → `show`).
    public var defaultSubcommand: String?
    /// (command line, what it does)
    public var examples: [(String, String)]
    /// Operand completion hint for the shells.
    public var operandCompletion: OperandCompletion

    public enum OperandCompletion: Sendable, Equatable {
        case none
        case files
        case choices([String])
        case commands
    }

    public init(_ name: String, summary: String, description: String, operands: String = "",
                flags: [FlagSpec] = [], subcommands: [CommandSpec] = [], defaultSubcommand: String? = nil,
                examples: [(String, String)] = [], operandCompletion: OperandCompletion = .none) {
        self.name = name
        self.summary = summary
        self.description = description
        self.operands = operands
        self.flags = flags
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
        self.examples = examples
        self.operandCompletion = operandCompletion
    }

    public func subcommand(named name: String) -> CommandSpec? { subcommands.first { $0.name == name } }
}
