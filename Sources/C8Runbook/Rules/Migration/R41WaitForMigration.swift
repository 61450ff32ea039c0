extension Rule {
    static let r41 = Rule(
        id: "R41", title: "Wait for importer and data-migration job", phase: .migration, scope: .perRegion,
        condition: "every region whose data migration is enabled (both with per-region storage, region 0 with a shared one)",
        sources: [.migrationTest, .base("Inspect migration and importer logs"), .components("Monitor migration completion")],
        steps: { s in
            let c = Commands(scenario: s)
            return s.migrationRegions.map { id in
                StepDraft("migration.complete", region: id, commands: [
                    c.kubectl(id, "get jobs,pods -l app.kubernetes.io/component=orchestration-migration"),
                    c.kubectl(id, "rollout status --watch --timeout=600s deployment/\(s.importerName)"),
                    c.kubectl(id, "wait --for=condition=complete --timeout=45m job/\(s.dataMigrationJob)"),
                    c.kubectl(id, "logs job/\(s.dataMigrationJob) --tail=-1 | grep -E 'Process Migration completed|Task Migration'"),
                ])
            }
        }
    )
}
