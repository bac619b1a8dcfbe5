import Testing
@testable import LLMRouteCLI

@Suite("Argument parser")
struct ArgumentParserTests {
    func parse(_ words: String...) throws(UsageError) -> ParsedArguments { try ArgumentParser.parse(words) }

    func failure(_ words: String...) -> UsageError? {
        do { _ = try ArgumentParser.parse(words); return nil } catch { return error }
    }

    @Test func longFlagForms() throws {
        let a = try parse("route", "--strategy=tier", "--max-cost", "0.5", "hello", "world")
        #expect(a.commandPath == ["route"])
        #expect(a.string(Flags.strategy) == "tier")
        #expect(a.decimal(Flags.maxCost) == 0.5)
        #expect(a.operands == ["hello", "world"])
    }

    @Test func shortFlagsClustersAndAttachedValues() throws {
        let a = try parse("route", "-qv", "-mgpt-4o", "x")
        #expect(a.has(Flags.quiet) && a.count(Flags.verbose) == 1)
        #expect(a.string(Flags.model) == "gpt-4o")
        let b = try parse("route", "-vvm", "gpt-4o-mini", "x")
        #expect(b.count(Flags.verbose) == 2 && b.string(Flags.model) == "gpt-4o-mini")
        let c = try parse("route", "-s", "be brief", "x")
        #expect(c.string(Flags.system) == "be brief")
    }

    @Test func doubleDashEndsFlagsAndDashIsStdin() throws {
        let a = try parse("classify", "--", "--json", "-v", "-")
        #expect(a.operands == ["--json", "-v", "-"])
        #expect(!a.has(Flags.json))
        let b = try parse("route", "-")
        #expect(b.operands == ["-"])
    }

    @Test func globalFlagsBeforeAndAfterCommand() throws {
        let a = try parse("--json", "--config", "/tmp/c.toml", "models", "--no-color", "-q")
        #expect(a.commandPath == ["models"])
        #expect(a.has(Flags.json) && a.has(Flags.noColor) && a.has(Flags.quiet))
        #expect(a.string(Flags.config) == "/tmp/c.toml")
    }

    @Test func repeatableAndLastWins() throws {
        let a = try parse("cost", "-f", "a.txt", "--file", "b.txt", "-m", "gpt-4o", "-m", "gpt-4o-mini")
        #expect(a.strings(Flags.file) == ["a.txt", "b.txt"])
        #expect(a.string(Flags.model) == "gpt-4o-mini")
        let r = try parse("route", "--require", "vision", "--require", "function_calling", "x")
        #expect(r.strings(Flags.require) == ["vision", "function_calling"])
    }

    @Test func subcommandsAndDefaults() throws {
        #expect(try parse("config").commandPath == ["config", "show"])
        #expect(try parse("config", "init", "--force").commandPath == ["config", "init"])
        #expect(try parse("config", "--help").commandPath == ["config"])
    }

    @Test func unknownCommandSuggests() throws {
        let e = try #require(failure("rout", "x"))
        #expect(e.message == "unknown command 'rout'; did you mean 'route'?")
        #expect(e.usage.hasPrefix("usage: llmroute"))
        let far = try #require(failure("frobnicate"))
        #expect(far.message.contains("commands: classify, route"))
    }

    @Test func unknownSubcommand() throws {
        let e = try #require(failure("config", "chek"))
        #expect(e.message == "unknown subcommand of 'config' 'chek'; did you mean 'check'?")
    }

    @Test func unknownFlagSuggestsOrNamesOwner() throws {
        let e = try #require(failure("route", "--max-cots", "1", "x"))
        #expect(e.message == "unknown flag '--max-cots' for 'route'; did you mean '--max-cost'?")
        #expect(e.usage == "usage: llmroute route [OPTIONS] [PROMPT...]")
        let owner = try #require(failure("route", "--jsonl"))
        #expect(owner.message.contains("'--jsonl' is a flag of 'classify'"))
        let short = try #require(failure("route", "-z"))
        #expect(short.message == "unknown flag '-z' for 'route'")
        let beforeCommand = try #require(failure("--strategy", "cost", "route"))
        #expect(beforeCommand.message.contains("unknown flag '--strategy'"))
    }

    @Test func missingValues() throws {
        #expect(failure("route", "--model")?.message == "--model needs a value (NAME)")
        #expect(failure("route", "-m")?.message == "--model needs a value (NAME)")
        #expect(failure("route", "--strategy")?.message.contains("one of tier, task, cost, threshold") == true)
        #expect(failure("route", "--model=")?.message == "--model needs a non-empty value")
    }

    @Test func switchWithValue() throws {
        #expect(failure("route", "--json=yes", "x")?.message == "--json takes no value")
    }

    @Test func typedValues() throws {
        #expect(failure("route", "--output-tokens", "many")?.message == "--output-tokens takes a whole number, got 'many'")
        #expect(failure("route", "--output-tokens", "0")?.message == "--output-tokens must be at least 1, got 0")
        #expect(failure("route", "--max-cost", "cheap")?.message == "--max-cost takes a number, got 'cheap'")
        #expect(failure("route", "--max-cost", "-1")?.message == "--max-cost must be at least 0, got -1")
        #expect(failure("route", "--min-quality", "1.5")?.message == "--min-quality must be at most 1, got 1.5")
        #expect(failure("route", "--min-quality", "nan")?.message == "--min-quality takes a number, got 'nan'")
        let choice = try #require(failure("route", "--strategy", "cots"))
        #expect(choice.message == "--strategy must be one of tier, task, cost, threshold; got 'cots' (did you mean 'cost'?)")
        #expect(try parse("route", "--min-quality", "0.75").decimal(Flags.minQuality) == 0.75)
        #expect(try parse("route", "--min-quality", "1").decimal(Flags.minQuality) == 1)
    }

    @Test func operandsForCommandsThatTakeNone() throws {
        #expect(failure("models", "gpt-4o")?.message == "'models' takes no arguments, got 'gpt-4o'")
        #expect(failure("config", "check", "extra")?.message == "'config check' takes no arguments, got 'extra'")
    }

    @Test func helpAndVersionAnywhere() throws {
        #expect(try parse("route", "--help").has(Flags.help))
        #expect(try parse("-h").has(Flags.help))
        #expect(try parse("--version").has(Flags.version))
        #expect(try parse("models", "extra", "--help").has(Flags.help))  // help wins over operand errors
    }
}
