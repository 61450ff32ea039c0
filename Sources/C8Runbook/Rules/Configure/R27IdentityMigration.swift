extension Rule {
    static let r27 = Rule(
        id: "R27", title: "Identity migration", phase: .configure, scope: .perRegion,
        condition: "identity is true",
        sources: [.seed("Multi-region specific considerations"), .base("Identity migration (recommended)"),
                  .components("Camunda Orchestration Cluster Identity data migration"), .chart("templates/orchestration/migration-identity-job.yaml")],
        applies: { $0.identity },
        steps: { s in
            let c = Commands(scenario: s)
            var yaml = ValuesSnippet()
            yaml.set("orchestration.migration.identity.enabled", .bool(true))
            yaml.set("orchestration.migration.identity.secret.existingSecret", .string("identity-migration-secret"))
            yaml.set("orchestration.migration.identity.secret.existingSecretKey", .string("password"))
            let values = StepDraft("values.identity-migration", blocks: [s.baseBlock(yaml)], notes: [
                .correction("identity-migration-prefix", "rules.md §E.3"),
                .inference("identity-migration-both-regions", "rules.md R27"),
            ])
            let secrets = [0, 1].map { id in
                StepDraft("values.identity-migration-secret", region: id,
                          commands: [c.kubectl(id, "apply -f identity-migration-secret.yaml")])
            }
            return secrets + [values]
        }
    )
}
