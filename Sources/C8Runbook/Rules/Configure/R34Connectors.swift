extension Rule {
    static let r34 = Rule(
        id: "R34", title: "Connectors", phase: .configure, scope: .valuesBase,
        condition: "connectors is true",
        sources: [.migrationValues, .basicAuthentication("Default users")],
        applies: { $0.connectors },
        steps: { _ in [StepDraft("values.connectors")] }
    )
}
