extension Rule {
    static let r29 = Rule(
        id: "R29", title: "Resources", phase: .configure, scope: .valuesBase,
        sources: [.base("Top-level chart keys"), .migrationValues],
        steps: { _ in [StepDraft("values.resources")] }
    )
}
