@testable import C8Runbook
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
}
