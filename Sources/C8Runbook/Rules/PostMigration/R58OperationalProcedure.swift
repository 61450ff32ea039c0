extension Rule {
    static let r58 = Rule(
        id: "R58", title: "Operational procedure after the upgrade", phase: .postMigration, scope: .global,
        sources: [.seed("Post-migration"), .operations()],
        steps: { _ in [StepDraft("post.operational-procedure")] }
    )
}
