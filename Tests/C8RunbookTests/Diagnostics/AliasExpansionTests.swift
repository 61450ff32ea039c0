import Foundation
import Testing
@testable import C8Runbook

/// Aliases are measured before Yams composes a document (found by FuzzScenario: a nested alias used as a mapping key
/// made Yams' duplicate-key check hash nine to the eighth nodes, minutes for 400 bytes).
@Suite struct AliasExpansionTests {
    /// Six levels of nine copies each, used whole as a mapping key.
    static let bombAsKey = (1...5).reduce(["a: &l0 [x, x, x, x, x, x, x, x, x]"]) { lines, level in
        lines + ["l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]"]
    }.joined(separator: "\n") + "\n? *l5\n: key\n"

    @Test func theFuzzedScenarioIsOneCleanError() throws {
        let url = TestPaths.file("Tests/C8RunbookTests/FuzzRegressions/scenario/alias-bomb-as-mapping-key.yml")
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let error = try #require(throws: ScenarioError.self) { try Scenario.parse(yaml: text, file: "s.yml") }
        #expect(error.description.hasPrefix("s.yml:3:"))
        #expect(error.description.contains("error: aliases (*name) copy more than 10000 nodes into this file"))
    }

    @Test func aScenarioBombAsAKeyIsRefusedAtTheAliasOverTheLimit() throws {
        let error = try #require(throws: ScenarioError.self) { try Scenario.parse(yaml: Self.bombAsKey, file: "s.yml") }
        // l1 to l3 copy 90 + 819 + 7380 nodes; l4's first alias brings 7381 more.
        #expect(error == .invalid(SourceLocation(file: "s.yml", line: 5, column: 10),
                                  message: "aliases (*name) copy more than 10000 nodes into this file; a scenario is a few dozen lines, write the values out"))
    }

    @Test func anAliasChainNestingPastTheLimitIsRefused() throws {
        let brackets = 100
        var lines = ["x0: &a0 " + String(repeating: "[", count: brackets) + String(repeating: "]", count: brackets)]
        for index in 1...11 {
            lines.append("x\(index): &a\(index) " + String(repeating: "[", count: brackets) + "*a\(index - 1)" + String(repeating: "]", count: brackets))
        }
        let error = try #require(throws: ScenarioError.self) { try Scenario.parse(yaml: lines.joined(separator: "\n"), file: "s.yml") }
        // x9's alias sits 101 levels down and brings a9's 900: past 1000.
        #expect(error == .invalid(SourceLocation(file: "s.yml", line: 10, column: 109),
                                  message: "aliases (*name) nest this file more than 1000 levels deep; write the values out"))
    }

    @Test func ordinaryAliasesInAScenarioStillWork() throws {
        let yaml = ScenarioFixture().yaml + "contextPath: &path /camunda\n"
        #expect(try Scenario.parse(yaml: yaml, file: "s.yml").contextPath == "/camunda")
        #expect(AliasExpansion.firstProblem(in: "a: &x [1, 2]\nb: *x\nc: *x\n", AliasExpansion.scenario) == nil)
    }

    @Test func valuesFilesRefuseTheFirstAnchorBeforeComposing() throws {
        let error = try #require(throws: ValuesError.self) { try ValuesDocument.parse(Self.bombAsKey, path: "v.yml") }
        #expect(error == .invalid(SourceLocation(file: "v.yml", line: 1, column: 4), message: ValuesReader.anchorsRefused))
    }

    @Test func syntaxErrorsAreLeftToYams() {
        #expect(AliasExpansion.firstProblem(in: "a: [1, 2\nb: *x\n", AliasExpansion.scenario) == nil)
        #expect(AliasExpansion.firstProblem(in: "", AliasExpansion.scenario) == nil)
    }
}
