extension Rule {
    static let r43 = Rule(
        id: "R43", title: "Importer completion needs 8.8 records; keep legacy exporters enabled meanwhile", phase: .migration,
        scope: .global,
        sources: [.components("Ensure the importer backlog is drained"), .camundaIssue(38476), .camundaIssue(51004), .camundaIssue(56595)],
        steps: { _ in
            [
                StepDraft("migration.legacy-exporters-enabled", notes: [.inference("legacy-enabled-until-complete", "rules.md R43")]),
                StepDraft("troubleshooting.importer-stalls", phase: .troubleshooting, required: false),
            ]
        }
    )
}
