@testable import C8Runbook
import Foundation
import Testing

/// Where the scenario and the values disagree, the report says so (ValuesMigration+Consistency).
@Suite("Values: the scenario's legacy exporters are looked for in zeebe.env", .enabled(if: SharedFixtures.available))
struct ValuesConsistencyTests {
    typealias Support = ValuesTestSupport

    @Test("a legacy exporter the scenario lists but zeebe.env does not define is one review item; the defined ones are none")
    func undefinedLegacyExporter() throws {
        let input = try Support.referenceInput()
        var scenario = try Support.inferredScenario(input)
        #expect(!scenario.exporters.legacy.isEmpty)
        let clean = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(!clean.changes.contains { $0.rule == "R17" && $0.message.contains("does not define") })

        scenario.exporters.legacy.append(LegacyExporter(segment: "ELASTICSEARCHREGION9", region: 1))
        let changes = ValuesMigration.migrate(input, scenario: scenario, stage: .migration).changes
            .filter { $0.rule == "R17" && $0.message.contains("does not define") }
        #expect(changes.count == 1, "\(changes)")
        #expect(changes.first?.message.contains("zeebe.env does not define ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION9_CLASSNAME") == true)
        #expect(changes.first?.file == "camunda-values.yml" && changes.first?.kind == .review)
    }

    /// Exporters defined in each region's file (its own zeebe.env, which replaces the base file's) are defined: the
    /// report said "zeebe.env does not define" them, reading the base file only. A region file without one is named.
    @Test("exporters in the region files' zeebe.env are found; one missing from a region's list is reported in that region's file")
    func exportersInRegionFiles() throws {
        let input = try ExporterURLSpellingTests.perRegionExporters { $0 }
        let scenario = try Support.inferredScenario(input)
        let clean = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(!clean.changes.contains { $0.rule == "R17" && $0.message.contains("does not define") }, "\(clean.changes.filter { $0.rule == "R17" })")

        var partial = input
        let region1 = partial.files[2].document
        let lines = region1.text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasSuffix("ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_CLASSNAME") })
        partial.files[2].document = try ValuesReader.read((lines[..<start] + lines[(start + 2)...]).joined(separator: "\n"), file: region1.path)
        let changes = ValuesMigration.migrate(partial, scenario: scenario, stage: .migration).changes
            .filter { $0.rule == "R17" && $0.message.contains("does not define") }
        #expect(changes.count == 1, "\(changes)")
        #expect(changes.first?.file == "region1/camunda-values.yml")
        #expect(changes.first?.message.contains("region 1's zeebe.env does not define ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_CLASSNAME") == true)
    }
}
