import Testing
@testable import LLMRouteCLI

@Suite("CLI spec")
struct SpecTests {
    func allCommands() -> [(String, CommandSpec)] {
        CLISpec.commands.flatMap { command in
            [(command.name, command)] + command.subcommands.map { ("\(command.name) \($0.name)", $0) }
        }
    }

    @Test func flagNamesAreUniquePerCommand() {
        for (path, command) in allCommands() {
            let flags = command.flags + Flags.global
            #expect(Set(flags.map(\.long)).count == flags.count, "duplicate long flag in \(path)")
            let shorts = flags.compactMap(\.short)
            #expect(Set(shorts).count == shorts.count, "duplicate short flag in \(path)")
        }
    }

    @Test func everyCommandIsDocumentedAndHelpListsItsFlags() {
        for (path, command) in allCommands() {
            #expect(!command.summary.isEmpty && !command.description.isEmpty, "\(path)")
            let help = HelpRenderer.command(command, path: path.split(separator: " ").map(String.init))
            for flag in command.flags + Flags.global {
                #expect(help.contains("--\(flag.long)"), "\(path) help lacks --\(flag.long)")
                if let short = flag.short { #expect(help.contains("-\(short), --\(flag.long)"), "\(path) -\(short)") }
            }
            #expect(help.contains("Exit status: 0 success"))
        }
        let root = HelpRenderer.root()
        for command in CLISpec.commands { #expect(root.contains("  \(command.name) "), "\(command.name)") }
    }

    @Test func helpLinesFitEightyColumns() {
        for (path, command) in allCommands() {
            let help = HelpRenderer.command(command, path: path.split(separator: " ").map(String.init))
            for line in help.split(separator: "\n") where !line.hasPrefix("  llmroute ") {
                #expect(line.count <= 80, "\(path): \(line)")
            }
        }
    }
}
