import Testing
@testable import LLMRouteCore

@Suite struct ConfigEditorTests {
    @Test func replacesExistingKeyKeepingComments() throws {
        let text = "# mine\n[routing]\n# the bar\nthreshold = 0.5\nstrategy = \"cost\"\n\n[routing.tiers]\nthreshold = 1\n"
        let edited = ConfigEditor.set("threshold", to: "0.42", inTable: "routing", text: text)
        #expect(edited == "# mine\n[routing]\n# the bar\nthreshold = 0.42\nstrategy = \"cost\"\n\n[routing.tiers]\nthreshold = 1\n")
    }

    @Test func insertsUnderExistingTable() {
        let edited = ConfigEditor.set("threshold", to: "0.3", inTable: "routing", text: "[providers.x]\nkind = \"openai\"\n[routing]\nstrategy = \"tier\"\n")
        #expect(edited == "[providers.x]\nkind = \"openai\"\n[routing]\nthreshold = 0.3\nstrategy = \"tier\"\n")
    }

    @Test func appendsTableWhenMissing() throws {
        #expect(ConfigEditor.set("threshold", to: "0.3", inTable: "routing", text: "") == "[routing]\nthreshold = 0.3\n")
        let edited = ConfigEditor.set("threshold", to: "0.3", inTable: "routing", text: "[models.a]\nquality = 1")
        #expect(edited == "[models.a]\nquality = 1\n\n[routing]\nthreshold = 0.3\n")
        // The result is valid config with the value in place.
        let (config, _) = try ConfigLoader.load(text: ConfigEditor.set("threshold", to: "0.25", inTable: "routing", text: ConfigTemplate.text), file: "t")
        #expect(config.routing.threshold == 0.25)
    }
}
