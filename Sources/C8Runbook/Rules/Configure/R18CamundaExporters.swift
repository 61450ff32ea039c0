extension Rule {
    /// c8-multi-region's script that prints the dual-region exporter and contact-point values, by its path in that
    /// repository; the runbook names it below `$C8_MULTI_REGION` so that it runs from any folder.
    static let zeebeValuesScript = "aws/dual-region/scripts/generate_zeebe_helm_values.sh"

    static let r18 = Rule(
        id: "R18", title: "Add one Camunda Exporter per region", phase: .configure, scope: .valuesBase,
        condition: "exporters.management is manual (one per region; one for a shared storage)",
        sources: [.seed("Configure exporters for both regions"), .migrationValues, .eks(), .helperScripts],
        applies: { $0.isManual },
        steps: { s in
            var yaml = ValuesSnippet()
            let groups = s.camundaExporters.map { exporter in
                let label = exporter.region.map { "New region \($0) Camunda Exporter" } ?? "New Camunda Exporter for the shared storage"
                let entries = s.camundaExporterEntries.filter { $0.name.hasPrefix("ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_") }
                return (Optional(label), entries)
            }
            yaml.env("orchestration.env", groups)
            var notes: [NoteDraft] = [.correction("connect-url-not-url", "rules.md §E.2b")]
            if s.isShared { notes.append(.inference("one-camunda-exporter-shared", "rules.md R19")) }
            if s.secondaryStorage.type == .opensearch { notes.append(.inference("opensearch-connect-type", "rules.md R18")) }
            // rules.md F05: c8-multi-region's script prints the same URLs for the chart's Elasticsearch in each region.
            // Without a `cluster:` block, the size is read off region 0's running 8.7 StatefulSet (half the brokers).
            let clusterSize = s.cluster.map { "\($0.size)" }
                ?? "$(( 2 * $(" + Commands(scenario: s).kubectl(0, "get statefulset \(s.orchestrationName) -o jsonpath='{.spec.replicas}'") + ") ))"
            let crossCheck = s.isSubchart && !s.isShared
                ? ["CAMUNDA_NAMESPACE_0=\(s.region0.namespace) CAMUNDA_NAMESPACE_1=\(s.region1.namespace) CAMUNDA_RELEASE_NAME=\(s.release) ZEEBE_CLUSTER_SIZE=\(clusterSize) bash \"${C8_MULTI_REGION:?set C8_MULTI_REGION to your checkout of camunda/c8-multi-region, branch stable/8.8}/\(Self.zeebeValuesScript)\""]
                : []
            return [StepDraft("values.camunda-exporters", values: StepValues(crossCheck: !crossCheck.isEmpty), commands: crossCheck,
                              blocks: [s.baseBlock(yaml)], notes: notes)]
        }
    )
}
