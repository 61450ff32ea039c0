extension Rule {
    static let r23 = Rule(
        id: "R23", title: "Other legacy to unified env renames (recommended)", phase: .configure, scope: .valuesBase,
        sources: [.mapping("Recommended actions")],
        steps: { _ in [StepDraft("values.unified-env", notes: [.inference("snapshot-period", "rules.md R23")])] }
    )
}
