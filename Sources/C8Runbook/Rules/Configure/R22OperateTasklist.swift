extension Rule {
    static let r22 = Rule(
        id: "R22", title: "Operate and Tasklist blocks", phase: .configure, scope: .valuesBase,
        sources: [.base("Cluster component keys"), .base("Deprecated keys"), .base("Remove deprecated component blocks")],
        steps: { _ in [StepDraft("values.operate-tasklist")] }
    )
}
