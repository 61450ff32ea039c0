extension Rule {
    static let r27 = Rule(
        id: "R27", title: "Identity migration", phase: .configure, scope: .valuesOverlay,
        condition: "identity is true",
        sources: [.seed("Multi-region specific considerations"), .base("Identity migration (recommended)"),
                  .components("Camunda Orchestration Cluster Identity data migration"), .chart("templates/orchestration/migration-identity-job.yaml"),
                  // The Job joins the cluster as member "migration" with message compression NONE unless told
                  // otherwise: camunda/camunda migration/identity-migration/.../config/cluster/ClusterProperties.java
                  // (memberId "migration", messageCompression NONE), bound under camunda.migration.identity.cluster
                  // as the chart's migration-identity-configmap.yaml shows; orchestration.migration.identity.env
                  // reaches only this Job (migration-identity-job.yaml).
                  .chart("templates/orchestration/migration-identity-configmap.yaml"),
                  Source(key: "IDMIG", section: "ClusterProperties.java",
                         url: "https://github.com/camunda/camunda/blob/stable/8.8/migration/identity-migration/src/main/java/io/camunda/migration/identity/config/cluster/ClusterProperties.java")],
        applies: { $0.identity },
        steps: { s in
            let c = Commands(scenario: s)
            var yaml = ValuesSnippet()
            yaml.set("orchestration.migration.identity.enabled", .bool(true))
            yaml.set("orchestration.migration.identity.secret.existingSecret", .string("identity-migration-secret"))
            yaml.set("orchestration.migration.identity.secret.existingSecretKey", .string("password"))
            var notes: [NoteDraft] = [
                .correction("identity-migration-prefix", "rules.md §E.3"),
                .inference("identity-migration-one-region", "rules.md R27"),
            ]
            if s.compressionEnabled {
                yaml.env("orchestration.migration.identity.env", [(comment: nil, entries: s.identityMigrationEnv)])
                notes.append(.inference("identity-migration-compression", "rules.md R27"))
            }
            let values = StepDraft("values.identity-migration", blocks: [s.overlayBlock(yaml, region: 0)], notes: notes)
            let secret = StepDraft("values.identity-migration-secret", region: 0,
                                   commands: [c.kubectl(0, "apply -f \(ShellWord.quote(s.valuesFiles.absolute("identity-migration-secret.yaml")))")])
            return [secret, values]
        }
    )
}

extension Scenario {
    /// The Identity migration Job's own cluster settings (R27): the cluster's message compression, since the Job's
    /// default is none and a member that cannot read compressed messages cannot join.
    var identityMigrationEnv: [ValuesSnippet.EnvEntry] {
        guard compressionEnabled else { return [] }
        return [ValuesSnippet.EnvEntry(name: "CAMUNDA_MIGRATION_IDENTITY_CLUSTER_MESSAGECOMPRESSION", value: messageCompression.rawValue,
                                       comment: "the Job is a cluster member; its default is NONE")]
    }

    /// A values block for one region's overlay (or its complete file).
    func overlayBlock(_ snippet: ValuesSnippet, region: Int) -> Block {
        Block(language: "yaml", file: valuesFiles.overlay(for: region), label: nil, content: snippet.text)
    }
}
