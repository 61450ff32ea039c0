import Foundation
import Testing
@testable import C8Runbook

/// The configure-values phase shows the exact diff of the team's own files (issue: values, item 3).
@Suite(.enabled(if: TestPaths.hasShared, "../shared is absent: the reference values are needed"))
struct ValuesReviewTests {
    var referenceFolder: String { TestPaths.shared!.appendingPathComponent("fixtures/c8-multi-region/8.7").path }

    func scenario() throws -> Scenario {
        // The reference files use c8-multi-region's placeholder namespaces.
        let yaml = Scenario.exampleYAML.replacingOccurrences(of: "camunda-london", with: "camunda-primary")
            .replacingOccurrences(of: "camunda-paris", with: "camunda-secondary")
        return try Scenario.parse(yaml: yaml, file: "reference.yml")
    }

    @Test func writeFilesStepShowsTheMigrationDiff() throws {
        let review = try ValuesReview.make(scenario: try scenario(), valuesFolder: referenceFolder)
        let runbook = Planner().plan(try scenario(), review: review, scenarioFile: "team/scenario.yml")
        let step = try #require(runbook.step(id: "values.write-files"))
        #expect(step.commands == ["c8runbook values --scenario /srv/camunda/dual-region/team/scenario.yml --values /srv/camunda/dual-region/camunda-values.yml --region0-values /srv/camunda/dual-region/region0/camunda-values.yml --region1-values /srv/camunda/dual-region/region1/camunda-values.yml --out-dir /srv/camunda/dual-region/values-8.8"])
        #expect(step.blocks.map(\.file) == ["camunda-values.yml"], "the overlays do not change")
        let diff = try #require(step.blocks.first?.content)
        #expect(step.blocks.first?.language == "diff")
        #expect(diff.contains("-    elasticsearch:\n-        disableExporter: true"))
        #expect(diff.contains("+        - name: ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION1_ARGS_CONNECT_URL"))
        #expect(diff.contains("-        - name: ZEEBE_BROKER_DATA_SNAPSHOTPERIOD\n+        - name: CAMUNDA_DATA_SNAPSHOTPERIOD"))
    }

    /// init warned that neither region's brokers have a backup store; the scenario does not carry it, so a runbook
    /// generated from it was silent, and presented prepare.backup as usable (found by a new-user trial).
    @Test func theValuesWarningsReachTheRunbook() throws {
        let review = try ValuesReview.make(scenario: try scenario(), valuesFolder: referenceFolder)
        #expect(review.warnings.count == 3)
        // Camunda's reference values keep c8-multi-region's placeholder for the contact points (line 62).
        #expect(review.warnings.contains { $0.hasSuffix("camunda-values.yml:62:18: zeebe.env[ZEEBE_BROKER_CLUSTER_INITIALCONTACTPOINTS].value is 'PLACEHOLDER', the placeholder of Camunda's reference values: write the value your cluster runs with before the upgrade (c8runbook carries it into the 8.8 files as written)") }, "\(review.warnings)")
        let runbook = Planner().plan(try scenario(), review: review)
        for region in 0...1 {
            #expect(runbook.warnings.contains { $0.hasPrefix("region \(region)'s zeebe.env sets no ZEEBE_BROKER_DATA_BACKUP_STORE") })
        }
        #expect(Planner().plan(try scenario()).warnings.isEmpty, "without the values, nothing to say")
    }

    @Test func theHTMLPageColoursTheDiff() throws {
        let review = try ValuesReview.make(scenario: try scenario(), valuesFolder: referenceFolder)
        let html = Planner().plan(try scenario(), review: review).rendered(as: .html)
        #expect(html.contains("<span class=\"diff-removed\">-    elasticsearch:</span>"))
        #expect(html.contains("<span class=\"diff-added\">+        - name: CAMUNDA_DATA_SNAPSHOTPERIOD</span>"))
        #expect(html.contains("<span class=\"diff-hunk\">@@ "))
    }

    @Test func cleanUpStepShowsTheDiffToTheEndState() throws {
        let review = try ValuesReview.make(scenario: try scenario(), valuesFolder: referenceFolder)
        let step = try #require(Planner().plan(try scenario(), review: review).step(id: "post.values.migration-off"))
        let diff = try #require(step.blocks.first { $0.language == "diff" }?.content)
        #expect(diff.contains("-        - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_ARGS_URL"))
        #expect(diff.contains("-        - name: ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION"))
        #expect(diff.contains("-            enabled: true"))
        #expect(!diff.contains("\n+        - name:"), "the clean-up only removes")
        #expect(step.commands.first?.hasSuffix("--stage final --out-dir /srv/camunda/dual-region/values-8.8-final") == true)
    }

    @Test func withoutValuesTheRunbookPointsAtTheCommandOnly() throws {
        let step = try #require(Planner().plan(try scenario()).step(id: "values.write-files"))
        #expect(step.blocks.isEmpty)
        #expect(step.commands.first?.hasPrefix("c8runbook values --scenario /srv/camunda/dual-region/scenario.yml") == true)
    }
}
