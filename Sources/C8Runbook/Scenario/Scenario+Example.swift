extension Scenario {
    /// The example scenario built into the binary: `Runbooks/reference/scenario.yml`, Camunda's reference
    /// dual-region architecture (c8-multi-region, per-region Elasticsearch, manual exporters, GZIP).
    public static var exampleYAML: String { EmbeddedResources.exampleScenario }
}
