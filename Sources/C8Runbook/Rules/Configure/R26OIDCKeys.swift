extension Rule {
    static let r26 = Rule(
        id: "R26", title: "OIDC and Management Identity key moves", phase: .configure, scope: .valuesBase,
        condition: "identity is true",
        sources: [.base("Global Identity keys"), .base("Connectors keys"), .base("Authentication")],
        applies: { $0.identity },
        steps: { _ in [StepDraft("values.oidc", notes: [.warning("identity-unsupported", "rules.md §E.2f")])] }
    )
}
