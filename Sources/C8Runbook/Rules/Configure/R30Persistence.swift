extension Rule {
    static let r30 = Rule(
        id: "R30", title: "Keep persistence sizes", phase: .configure, scope: .valuesBase,
        sources: [.migrationValues],
        steps: { _ in [StepDraft("values.persistence", notes: [.inference("immutable-volume-claims", "rules.md R30")])] }
    )
}
