extension Rule {
    static let r42 = Rule(
        id: "R42", title: "Restart a stuck importer", phase: .migration, scope: .perRegion,
        condition: "remedy, in each region whose data migration is enabled",
        sources: [.seed("Multi-region specific considerations"), .migrationTest, .camundaIssue(56595)],
        steps: { s in
            let c = Commands(scenario: s)
            return s.migrationRegions.map { id in
                StepDraft("troubleshooting.restart-importer", region: id, phase: .troubleshooting, commands: [
                    c.kubectl(id, "logs deploy/\(s.importerName) --tail=200"),
                    c.kubectl(id, "delete pods -l \"app.kubernetes.io/component=orchestration-importer\""),
                    c.kubectl(id, "wait --for=condition=complete --timeout=45m job/\(s.dataMigrationJob)"),
                ], notes: [.correction("importer-restart-context", "rules.md §E.2i")]
                    + (s.targetHas(.tasklistImporterCompletes) ? [] : [.warning("importer-restart-56595", "camunda/camunda#56595")]),
                   required: false)
            }
        }
    )
}
