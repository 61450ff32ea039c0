import Foundation
import Testing
@testable import C8Runbook

/// Chart versions as data (issue 10, item 4): 13.x chart → Camunda image → the fixes an upgrade depends on.
@Suite struct ChartReleaseTests {
    @Test func theTableIsOrderedAndEndsWithTheNewestPatch() {
        let charts = ChartRelease.known.map(\.chart)
        #expect(charts == charts.sorted() && Set(charts.map(\.description)).count == charts.count)
        #expect(ChartRelease.newest.chart.description == "13.12.7")
        #expect(ChartRelease.newest.camunda == "8.8.35")
        #expect(ChartRelease.release("13.4.2")?.camunda == "8.8.11")
        #expect(ChartRelease.release("13.10.2")?.camunda == "8.8.26")
        #expect(ChartRelease.known.allSatisfy { $0.camunda.hasPrefix("8.8.") && $0.chart.major == 13 })
    }

    @Test func exporterStateFixStartsAt8825() {
        #expect(ChartRelease.release("13.10.1")?.has(.exporterStaysDisabled) == false, "13.10.1 ships 8.8.24")
        #expect(ChartRelease.release("13.10.2")?.has(.exporterStaysDisabled) == true, "13.10.2 ships 8.8.26")
        #expect(ChartVersion.firstWithExporterStateFix.description == "13.10.2")
        #expect(!ChartRelease.known.contains { $0.has(.tasklistImporterCompletes) }, "no released image is confirmed to carry #56596")
    }

    @Test func exampleAndInitDefaultToTheNewestKnownChart() throws {
        #expect(try ScenarioFixture.reference.chart.to == ChartRelease.newest.chart.description)
        #expect(ScenarioInference.defaultChartTo == ChartRelease.newest.chart.description)
    }

    @Test func aChartWithoutAFixWarnsInTheStepThatReliesOnIt() throws {
        let old = Planner().plan(try ScenarioFixture(chartLine: "chart: { from: 12.7.6, to: 13.9.1 }").scenario)
        #expect(old.step(id: "post.values.remove-legacy-exporters")?.notes.contains { $0.kind == .warning && $0.text.contains("8.8.24") } == true)
        let new = Planner().plan(try ScenarioFixture(chartLine: "chart: { from: 12.7.6, to: 13.12.7 }").scenario)
        #expect(new.step(id: "post.values.remove-legacy-exporters")?.notes.isEmpty == true)
        let restart = try #require(new.step(id: "troubleshooting.restart-importer.region0"))
        #expect(restart.notes.contains { $0.kind == .warning && $0.text.contains("#56595") && $0.text.contains("8.8.35") })
    }

    @Test func anUnknownChartIsSaidToBeUnknown() throws {
        let runbook = Planner().plan(try ScenarioFixture(chartLine: "chart: { from: 12.7.6, to: 13.99.0 }").scenario)
        #expect(runbook.step(id: "upgrade.helm.region0")?.notes.contains { $0.kind == .warning && $0.text.contains("13.99.0") } == true)
        #expect(runbook.step(id: "post.values.remove-legacy-exporters")?.notes.isEmpty == true, "newer than the table: assumed to carry the newest fixes")
    }

    @Test func chartLinksPointAtThePinnedChart() throws {
        for (to, tag) in [("13.4.2", "camunda-platform-8.8-13.4.2"), ("13.12.7", "camunda-platform-8.8-13.12.7"), ("13.99.0", "camunda-platform-8.8-13.12.7")] {
            let runbook = Planner().plan(try ScenarioFixture(chartLine: "chart: { from: 12.7.6, to: \(to) }").scenario)
            let links = runbook.steps.flatMap(\.sources).filter { $0.key == "CHART" }.compactMap(\.url).filter { $0.contains("/blob/") }
            #expect(!links.isEmpty)
            #expect(links.allSatisfy { $0.contains("/blob/\(tag)/charts/camunda-platform-8.8/") }, "\(to): \(links)")
        }
        let storage = Planner().plan(try ScenarioFixture(chartLine: "chart: { from: 12.7.6, to: 13.12.7 }").scenario).steps.first { $0.id.hasPrefix("prepare.storage-version") }
        #expect(storage?.body.contains("13.12.7 ships 8.18.0") == true)
    }
}
