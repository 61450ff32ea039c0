extension Rule {
    static let r40 = Rule(
        id: "R40", title: "Expected object changes", phase: .upgrade, scope: .perRegion,
        sources: [.base("Monitor the upgrade"), .chart("templates/orchestration/statefulset.yaml")],
        steps: { s in
            let c = Commands(scenario: s)
            return [0, 1].map { id in
                StepDraft("upgrade.objects", region: id, commands: [c.kubectl(id, "get statefulsets,deployments,jobs,services")])
            }
        }
    )
}
