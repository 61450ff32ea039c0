extension Rule {
    static let r15 = Rule(
        id: "R15", title: "Keep the old-prefix cluster variables for the migration importer and Job", phase: .configure,
        scope: .valuesBase, condition: "messageCompression is not NONE, or gatewayEnv has ZEEBE_GATEWAY_CLUSTER_SECURITY_* (cluster TLS)",
        sources: [.seed("Update gateway environment variables"), .migrationValues, .chart("templates/orchestration/importer-deployment.yaml"),
                  .chart("templates/orchestration/migration-data-job.yaml")],
        applies: { $0.compressionEnabled || !$0.clusterSecurityEnv.isEmpty },
        steps: { s in
            var steps: [StepDraft] = []
            if s.compressionEnabled {
                var yaml = ValuesSnippet()
                yaml.env("orchestration.env", [(nil, s.compressionEntries)])
                steps.append(StepDraft("values.message-compression", blocks: [s.baseBlock(yaml)],
                                       notes: [.correction("compression-old-prefix", "rules.md §E.2c")]))
            }
            // Camunda's own fix: camunda-platform-helm#6058, PR #6281 (charts/camunda-platform-8.8/test/integration/
            // scenarios/chart-full-setup/values/features/zeebe-tls.yaml at f3dba5bd); camunda-docs PR #8977.
            if !s.clusterSecurityEnv.isEmpty {
                var yaml = ValuesSnippet()
                yaml.env("orchestration.env", [("old prefix, kept ONLY for the migration importer and Job until post-migration",
                                                s.clusterSecurityEnv.map { ValuesSnippet.EnvEntry(name: $0.name, value: $0.value) })])
                steps.append(StepDraft("values.migration-pods-tls", values: StepValues(variables: s.clusterSecurityEnv.map(\.name)),
                                       blocks: [s.baseBlock(yaml)]))
            }
            return steps
        }
    )
}

extension Scenario {
    /// The 8.7 gateway's cluster TLS variables (`ZEEBE_GATEWAY_CLUSTER_SECURITY_*`), which the migration importer and
    /// Job need under their old names (R15).
    var clusterSecurityEnv: [EnvVar] { gatewayEnv.filter { $0.name.hasPrefix("ZEEBE_GATEWAY_CLUSTER_SECURITY_") } }
}
