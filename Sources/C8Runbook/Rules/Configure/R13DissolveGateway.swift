extension Rule {
    static let r13 = Rule(
        id: "R13", title: "Dissolve zeebeGateway", phase: .configure, scope: .valuesBase,
        sources: [.base("Cluster component keys"), .base("Deprecated keys"), .seed("Required configuration changes")],
        steps: { _ in [StepDraft("values.gateway")] }
    )
}
