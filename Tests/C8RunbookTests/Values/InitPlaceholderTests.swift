@testable import C8Runbook
import Foundation
import Testing

/// Issue 9 item 6: what `init` cannot read off the values (the title, the installed chart) stays a placeholder
/// instead of an invented value; `generate` warns and shows it where it is used, `tick` refuses it.
@Suite struct InitPlaceholderTests {
    static func scenario(from: String, title: String? = nil) throws -> Scenario {
        var fixture = ScenarioFixture()
        fixture.chartLine = "chart: { from: \(from), to: 13.10.2 }"
        if let title { fixture.extra = "title: \(title)" }
        return try fixture.scenario
    }

    @Test func theParserAcceptsInitsPlaceholderOnly() throws {
        #expect(try Self.scenario(from: "TODO-chart-version-12.x").chart.from == "TODO-chart-version-12.x")
        for bad in ["chart-version-12.x", "TODO-$(rm -rf /)", "'TODO-a b'", "13.1.0"] {
            #expect(throws: ScenarioError.self, "\(bad)") { try Self.scenario(from: bad) }
        }
    }

    @Test func generateWarnsAndShowsThePlaceholderInTheRollback() throws {
        let scenario = try Self.scenario(from: "TODO-chart-version-12.x", title: "TODO-title")
        #expect(scenario.placeholders.map(\.field) == ["title", "chart.from"])
        let runbook = Planner().plan(scenario)
        #expect(runbook.warnings.contains("chart.from is still the placeholder 'TODO-chart-version-12.x': replace it before running any command."))
        #expect(runbook.warnings.contains { $0.hasPrefix("title is still the placeholder 'TODO-title'") })
        let restore = try #require(runbook.step(id: "rollback.restore-zeebe.region0"))
        #expect(restore.title.hasSuffix("on chart TODO-chart-version-12.x"))
        #expect(restore.commands.contains { $0.contains("--version TODO-chart-version-12.x \\\n") })
    }

    @Test func aTitleThatMentionsTodoIsNoPlaceholder() throws {
        let scenario = try Self.scenario(from: "12.7.6", title: "\"Payments: todo-list service\"")
        #expect(scenario.placeholders.isEmpty)
    }

    @Test("init leaves title and chart.from as placeholders, and --title/--chart-from fill them", .enabled(if: SharedFixtures.available))
    func initPlaceholders() throws {
        let (text, _) = try ScenarioInference(input: try ValuesTestSupport.referenceInput(), options: .init()).scenarioText()
        #expect(text.contains("\ntitle: TODO-title\n"))
        #expect(text.contains("\n  from: TODO-chart-version-12.x\n"))
        #expect(!text.contains("12.7.6"), "no invented chart version")
        let given = ScenarioInference.Options(chartFrom: "12.7.4", title: "Payments (EU)")
        let (filled, inferred) = try ScenarioInference(input: try ValuesTestSupport.referenceInput(), options: given).scenarioText()
        let scenario = try Scenario.parse(yaml: filled, file: "inferred.yml")
        #expect(scenario.chart.from == "12.7.4" && scenario.title == "Payments (EU)")
        #expect(!inferred.placeholders.contains { $0.path == "title" || $0.path == "chart.from" })
    }
}
