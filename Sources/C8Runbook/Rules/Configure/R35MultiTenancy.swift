extension Rule {
    static let r35 = Rule(
        id: "R35", title: "Multi-tenancy", phase: .configure, scope: .valuesBase,
        condition: "multiTenancy is true",
        sources: [.base("Multi-tenancy")],
        applies: { $0.multiTenancy },
        steps: { _ in [StepDraft("values.multi-tenancy")] }
    )
}
