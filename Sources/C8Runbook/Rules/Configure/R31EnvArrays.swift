extension Rule {
    static let r31 = Rule(
        id: "R31", title: "Arrays are not merged across values files", phase: .configure, scope: .valuesBase,
        sources: [.operations("Failback"), .basicAuthentication(), .migrationValues],
        steps: { s in
            var groups: [(comment: String?, entries: [ValuesSnippet.EnvEntry])] = []
            if !s.legacyExporterEntries.isEmpty { groups.append(("Existing 8.7 exporters: keep unchanged during migration", s.legacyExporterEntries)) }
            if !s.camundaExporterEntries.isEmpty { groups.append(("New Camunda Exporters", s.camundaExporterEntries)) }
            if s.compressionEnabled { groups.append(("Message compression: broker, embedded gateway, and the old prefix for the importer", s.compressionEntries)) }
            let otherGateway = s.renamedGatewayEntries.filter { $0.name != "ZEEBE_BROKER_GATEWAY_CLUSTER_MESSAGECOMPRESSION" }
            if !otherGateway.isEmpty { groups.append(("Gateway variables, renamed", otherGateway)) }
            if let repository = s.backupRepository {
                groups.append(("Backup repository, one for Operate and Tasklist", [.init(name: "CAMUNDA_DATA_BACKUP_REPOSITORYNAME", value: repository)]))
            }
            var yaml = ValuesSnippet()
            if groups.isEmpty { return [StepDraft("values.env-array")] }
            yaml.env("orchestration.env", groups)
            yaml.comment("... then every other entry of your 8.7 zeebe.env, renamed where the steps above say so")
            // The rules whose entries the list gathers, where they contributed any.
            let gathered = [("R17", s.legacyExporterEntries), ("R18", s.camundaExporterEntries),
                            ("R15", s.compressionEntries), ("R14", s.renamedGatewayEntries)]
            return [StepDraft("values.env-array", blocks: [s.baseBlock(yaml)],
                              alsoRules: gathered.filter { !$0.1.isEmpty }.map(\.0).sorted())]
        }
    )
}
