import LLMRouteCore
import Testing
@testable import LLMRouteCLI

@Suite("Man page")
struct ShellManPageTests {
    static let page = ManPage.render()
    static let lines = page.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)

    @Test func everyConfigKeyIsDocumented() {
        #expect(ManPageProse.configTables.map(\.key).sorted() == ConfigParser.topKeys.sorted())
        var documented: Set<String> = []
        for table in ManPageProse.configTables {
            for key in table.keys {
                let path = "\(table.key).\(key)"
                documented.insert(path)
                #expect(ManPageProse.configKeys[path] != nil, "config key \(path) has no text in ManPageProse.configKeys")
                #expect(Self.page.contains("\\fB\(Roff.escape(key))\\fR"), "\(path) is not in the page")
            }
        }
        #expect(Set(ManPageProse.configKeys.keys) == documented, "text for keys ConfigParser does not accept")
        #expect(!Self.page.contains("(undocumented)"))
    }

    @Test func listsCommandsFlagsStrategiesAndExitCodes() {
        for command in CLISpec.commands {
            #expect(Self.page.contains(".SS \"\(command.name)\""), "\(command.name)")
            for sub in command.subcommands { #expect(Self.page.contains(".SS \"\(command.name) \(sub.name)\"")) }
            for flag in command.flags + Flags.global {
                #expect(Self.page.contains(Roff.bold("--" + flag.long)), "\(command.name) --\(flag.long)")
            }
            for (line, _) in command.examples { #expect(Self.page.contains(Roff.literal(line)), "example \(line)") }
        }
        for kind in StrategyKind.allCases { #expect(Self.page.contains(".TP\n\\fB\(kind.rawValue)\\fR")) }
        for (code, meaning) in CLISpec.exitCodes {
            #expect(Self.page.contains(".TP\n\\fB\(code)\\fR\n"), "exit \(code)")
            #expect(Self.page.contains(Roff.escape(String(meaning.prefix(10)))))
        }
    }

    @Test func environmentHasEveryProviderVariable() {
        for provider in BuiltinCatalog.providers {
            for variable in [provider.apiKeyEnv, provider.baseURLEnv].compactMap({ $0 }) {
                #expect(Self.page.contains(Roff.bold(variable)), "\(variable)")
            }
        }
        for variable in ["LLMROUTE_CONFIG", "NO_COLOR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "HOME"] {
            #expect(Self.page.contains(Roff.bold(variable)), "\(variable)")
        }
        #expect(Self.page.contains("\\fBOPENAI_BASE_URL\\fR\nBase URL for the openai provider, including /v1"))
        #expect(Self.page.contains("\\fBANTHROPIC_BASE_URL\\fR\nBase URL for the anthropic provider, without /v1"))
    }

    /// Every line is a known request or text that cannot be read as one; no blank lines or
    /// trailing blanks (mandoc flags both).
    @Test func wellFormedRoff() {
        let requests: Set<String> = [".TH", ".SH", ".SS", ".PP", ".TP", ".RS", ".RE", ".EX", ".EE", ".nf", ".fi",
                                     ".BR", ".nh", ".ad", ".\\\""]
        #expect(Self.lines.first?.hasPrefix(".\\\"") == true)
        for line in Self.lines {
            #expect(!line.isEmpty && !line.hasSuffix(" ") && !line.hasPrefix(" "), "bad line: '\(line)'")
            if line.hasPrefix(".") || line.hasPrefix("'") {
                let request = String(line.prefix { $0 != " " })
                #expect(requests.contains(request), "unexpected request: \(line)")
            }
        }
        #expect(Self.page.hasSuffix("\n") && Self.page.allSatisfy(\.isASCII))
    }
}
