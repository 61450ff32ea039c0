extension Rule {
    static let r38 = Rule(
        id: "R38", title: "Upgrade both regions simultaneously", phase: .upgrade, scope: .global,
        sources: [.seed("Multi-region specific considerations"), .migrationTest],
        steps: { _ in [StepDraft("upgrade.coordinate", notes: [.inference("back-to-back", "rules.md §E.2j")])] }
    )
}
