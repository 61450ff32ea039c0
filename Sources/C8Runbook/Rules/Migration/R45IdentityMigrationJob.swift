extension Rule {
    static let r45 = Rule(
        id: "R45", title: "Identity migration job", phase: .migration, scope: .perRegion,
        condition: "identity is true",
        sources: [.components("Monitor migration completion"), .base("Groups migration")],
        applies: { $0.identity },
        steps: { s in
            let c = Commands(scenario: s)
            // Region 0 only: the Job is enabled in region 0's overlay (R27).
            return [0].map { id in
                StepDraft("migration.identity", region: id, commands: [
                    c.kubectl(id, "wait --for=condition=complete --timeout=30m job/\(s.identityMigrationJob)"),
                    c.kubectl(id, "logs job/\(s.identityMigrationJob) --tail=-1"),
                ])
            }
        }
    )
}
