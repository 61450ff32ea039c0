extension Rule {
    static let r54 = Rule(
        id: "R54", title: "Do not try to DELETE the disabled legacy exporters", phase: .postMigration, scope: .global,
        condition: "optimize is false",
        sources: [.camundaIssue(39053), .managementAPI("Delete an exporter"), .operations("Failover")],
        applies: { !$0.optimize },
        steps: { _ in [StepDraft("post.exporters.no-delete", required: false)] }
    )
}
