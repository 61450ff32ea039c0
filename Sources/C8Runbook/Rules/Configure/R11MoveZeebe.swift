extension Rule {
    static let r11 = Rule(
        id: "R11", title: "Move zeebe to orchestration", phase: .configure, scope: .valuesBase,
        sources: [.base("Top-level chart keys"), .migrationValues],
        steps: { _ in [StepDraft("values.orchestration")] }
    )
}
