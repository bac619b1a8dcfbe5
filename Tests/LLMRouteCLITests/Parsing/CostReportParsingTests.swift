import Testing
@testable import LLMRouteCLI

/// `cost` takes a prompt and has a `report` subcommand: only the exact first word selects it.
@Suite("Argument parser: cost report")
struct CostReportParsingTests {
    @Test func reportIsASubcommandWithItsFlags() throws {
        let a = try ArgumentParser.parse(["cost", "report", "--since", "7d", "--by", "day", "--csv"])
        #expect(a.commandPath == ["cost", "report"])
        #expect(a.string(Flags.since) == "7d" && a.string(Flags.by) == "day" && a.has(Flags.csv))
        #expect(a.operands.isEmpty)
    }

    @Test func otherWordsAreStillThePrompt() throws {
        let a = try ArgumentParser.parse(["cost", "summarize", "the", "report"])
        #expect(a.commandPath == ["cost"])
        #expect(a.operands == ["summarize", "the", "report"])
        let b = try ArgumentParser.parse(["cost", "-m", "gpt-4o", "hello"])
        #expect(b.commandPath == ["cost"] && b.operands == ["hello"])
    }

    @Test func reportRejectsOperandsAndBadGroupings() {
        #expect(throws: UsageError.self) { try ArgumentParser.parse(["cost", "report", "extra"]) }
        #expect(throws: UsageError.self) { try ArgumentParser.parse(["cost", "report", "--by", "week"]) }
        #expect(throws: UsageError.self) { try ArgumentParser.parse(["cost", "--since", "7d", "x"]) }
    }

    @Test func askTakesTheLedgerFlags() throws {
        let a = try ArgumentParser.parse(["ask", "--log-text", "--no-log", "--force", "hi"])
        #expect(a.has(Flags.logText) && a.has(Flags.noLog) && a.has(Flags.budgetForce))
    }
}
