extension Rule {
    static let r51 = Rule(
        id: "R51", title: "Precondition for any post-migration change", phase: .postMigration, scope: .global,
        sources: [.migrationTest],
        steps: { s in
            let c = Commands(scenario: s)
            var commands = s.migrationRegions.map { c.kubectl($0, "get job \(s.dataMigrationJob) -o jsonpath='{.status.succeeded}{\"\\n\"}'") }
            if s.identity {
                commands += [0].map { c.kubectl($0, "get job \(s.identityMigrationJob) -o jsonpath='{.status.succeeded}{\"\\n\"}'") }
            }
            return [StepDraft("post.precondition", commands: commands)]
        }
    )
}
