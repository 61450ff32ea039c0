import C8Runbook
import Testing

@Suite struct ScenarioVariantsTests {
    @Test func perRegionManualVariantsNameOneExporterPerRegion() throws {
        let variants = try Scenario.parse(yaml: Scenario.exampleYAML, file: "example.yml").variants
        #expect(variants.count == 108)
        let segments = Set(variants.flatMap { $0.exporters.legacy.map { $0.segment } })
        #expect(segments == ["ELASTICSEARCH", "ELASTICSEARCHREGION0", "ELASTICSEARCHREGION1",
                             "OPENSEARCH", "OPENSEARCHREGION0", "OPENSEARCHREGION1"])
    }
}
