import Testing
@testable import LLMRouteCLI

/// What the generated scripts contain. Their behaviour in the real shells is tested by
/// Tests/shell (make check-shell); these check, without a shell, that nothing in the spec is
/// left out of any script.
@Suite("Completion scripts")
struct ShellCompletionTests {
    static let tree = CompletionTree()

    @Test(arguments: CompletionShell.allCases)
    func everyCommandFlagAndChoiceIsInTheScript(shell: CompletionShell) {
        let script = shell.script()
        for node in Self.tree.nodes {
            for sub in node.subcommands { #expect(script.contains(sub.name), "\(shell): \(sub.name)") }
            for flag in node.flags {
                // fish names spellings without dashes (`-l model`, `-s m`).
                let long = shell == .fish ? "-l \(flag.long)" : "--\(flag.long)"
                #expect(script.contains(long), "\(shell): \(node.name) \(long)")
                if let short = flag.short {
                    let spelling = shell == .fish ? "-s \(short)" : "-\(short)"
                    #expect(script.contains(spelling), "\(shell): \(node.name) \(spelling)")
                }
                for choice in flag.value.choices ?? [] { #expect(script.contains(choice), "\(shell): \(flag.long) \(choice)") }
            }
        }
        #expect(script.contains("models --names 2>/dev/null"), "\(shell): dynamic model names, quietly")
    }

    @Test func treeHasEveryCommandPathWithGlobalFlags() {
        let names = Self.tree.nodes.map(\.name)
        #expect(names.first == "")
        #expect(names.contains("route") && names.contains("config init") && names.contains("config show"))
        for node in Self.tree.nodes {
            #expect(Array(node.flags.suffix(Flags.global.count)) == Flags.global, "\(node.name)")
        }
        let route = Self.tree.nodes.first { $0.name == "route" }!
        #expect(route.operands == .free && route.operandName == "PROMPT")
        let completions = Self.tree.nodes.first { $0.name == "completions" }!
        #expect(completions.operands == .choices(["bash", "zsh", "fish"]) && completions.operandName == "SHELL")
        #expect(Self.tree.nodes.first { $0.name == "models" }!.operands == nil)
    }

    @Test func valueKindsFollowTheFlagSpec() {
        let rules = Self.tree.valueRules
        func rule(_ spelling: String) -> CompletionTree.ValueRule? { rules.first { $0.spellings.contains(spelling) } }
        #expect(rule("--model")?.values == .models && rule("-m")?.values == .models)
        #expect(rule("--config")?.values == .files && rule("-f")?.values == .files)
        #expect(rule("--strategy")?.values == .choices(["tier", "task", "cost", "threshold"]))
        #expect(rule("--system")?.values == .free)
        #expect(rule("--json") == nil, "a switch takes no value")
        #expect(rules.allSatisfy { $0.paths == nil }, "no spelling means two things today")
    }

    /// A spelling that takes different values in different commands is qualified by command, so
    /// no shell completes one command's values for the other's flag.
    @Test func aSpellingWithTwoMeaningsIsQualifiedByCommand() {
        let a = CommandSpec("alpha", summary: "a", description: "a",
                            flags: [FlagSpec("level", short: "l", value: .choice("L", ["low", "high"]), help: "level")])
        let b = CommandSpec("beta", summary: "b", description: "b",
                            flags: [FlagSpec("level", value: .path("FILE"), help: "level file")])
        let rules = CompletionTree(commands: [a, b]).valueRules
        let level = rules.filter { $0.spellings.contains("--level") }
        #expect(level.count == 2)
        #expect(level.contains { $0.values == .choices(["low", "high"]) && $0.paths == [["alpha"]] })
        #expect(level.contains { $0.values == .files && $0.paths == [["beta"]] })
        #expect(rules.first { $0.spellings.contains("-l") }?.paths == nil, "-l means one thing")
        let bash = BashCompletion.script(tree: CompletionTree(commands: [a, b]))
        #expect(bash.contains("'alpha':--level) _llmroute_words 'low high'"))
        #expect(bash.contains("'beta':--level) _llmroute_files"))
    }

    @Test func shellQuotingSurvivesQuotesAndBackslashes() {
        #expect(BashCompletion.quote("it's") == "'it'\\''s'")
        #expect(FishCompletion.quote("it's a \\ b") == "'it\\'s a \\\\ b'")
        #expect(ZshCompletion.escapeDescription("store as [routing] x\\y") == "store as \\[routing\\] x\\\\y")
        #expect(ZshCompletion.escapeColons("file:line") == "file\\:line")
    }

    @Test func zshOptionSpecs() {
        #expect(ZshCompletion.optionSpec(Flags.model) == "'(-m --model)'{-m+,--model=}'[Use this model; skip the strategy]:NAME:_llmroute_models'")
        #expect(ZshCompletion.optionSpec(Flags.verbose) == "'*'{-v,--verbose}'[Say more on stderr (repeat for more)]'")
        #expect(ZshCompletion.optionSpec(Flags.json) == "'--json[Print machine-readable JSON]'")
        #expect(ZshCompletion.optionSpec(Flags.file).hasPrefix("'*'{-f+,--file=}"))
    }
}
