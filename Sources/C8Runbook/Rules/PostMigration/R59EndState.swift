extension Rule {
    static let r59 = Rule(
        id: "R59", title: "End state", phase: .postMigration, scope: .valuesBase,
        sources: [.greenfieldValues, .migrationValues],
        steps: { s in
            var groups: [(comment: String?, entries: [ValuesSnippet.EnvEntry])] = []
            if s.optimize, !s.legacyExporterEntries.isEmpty { groups.append(("8.7 exporters, kept for Optimize", s.legacyExporterEntries)) }
            if !s.camundaExporterEntries.isEmpty { groups.append(("Camunda Exporters", s.camundaExporterEntries)) }
            let compression = s.compressionEntries.filter { $0.name != "ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION" }
                .map { ValuesSnippet.EnvEntry(name: $0.name, value: $0.value) }
            if !compression.isEmpty { groups.append(("Message compression", compression)) }
            let otherGateway = s.renamedGatewayEntries.filter { $0.name != "ZEEBE_BROKER_GATEWAY_CLUSTER_MESSAGECOMPRESSION" }
            if !otherGateway.isEmpty { groups.append(("Gateway variables", otherGateway)) }
            if let repository = s.backupRepository {
                groups.append((nil, [.init(name: "CAMUNDA_DATA_BACKUP_REPOSITORYNAME", value: repository)]))
            }
            guard !groups.isEmpty else { return [StepDraft("post.end-state")] }
            var yaml = ValuesSnippet()
            yaml.env("orchestration.env", groups)
            yaml.comment("... and your other entries; no orchestration.migration.data.enabled")
            return [StepDraft("post.end-state", blocks: [s.baseBlock(yaml)])]
        }
    )
}
