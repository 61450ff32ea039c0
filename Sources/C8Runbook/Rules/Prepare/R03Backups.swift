extension Rule {
    static let r03 = Rule(
        id: "R03", title: "Backups", phase: .prepare, scope: .perRegion,
        sources: [.base("Prerequisites")],
        steps: { _ in
            [0, 1].map { StepDraft("prepare.backup", region: $0, notes: [.inference("no-dual-region-backup", "rules.md R03")]) }
        }
    )
}
