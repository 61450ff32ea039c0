extension Rule {
    static let r44 = Rule(
        id: "R44", title: "Failed migration job", phase: .migration, scope: .perRegion,
        condition: "remedy, in each region whose data migration is enabled",
        sources: [.base("Troubleshooting")],
        steps: { s in
            let c = Commands(scenario: s)
            return s.migrationRegions.map { id in
                var commands = [c.kubectl(id, "get jobs"), c.kubectl(id, "delete job \(s.dataMigrationJob)")]
                if s.identity, id == 0 { commands.append(c.kubectl(id, "delete job \(s.identityMigrationJob)")) }
                commands.append(c.helmUpgrade(id, stage: .migration))
                return StepDraft("troubleshooting.failed-migration-job", region: id, phase: .troubleshooting, commands: commands,
                                 notes: [.correction("job-names-release", "rules.md §E.3")], required: false)
            }
        }
    )
}
