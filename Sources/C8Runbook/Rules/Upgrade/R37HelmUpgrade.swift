extension Rule {
    static let r37 = Rule(
        id: "R37", title: "Helm upgrade command shape (pinned chart, explicit context and namespace)", phase: .upgrade,
        scope: .perRegion,
        sources: [.operations(), .eks("Deploy Camunda 8"), .base("Run the Helm upgrade"), .migrationTest],
        steps: { s in
            let c = Commands(scenario: s)
            return [StepDraft("upgrade.helm-repo", commands: ["helm repo update"])] + [0, 1].map { id in
                StepDraft("upgrade.helm", region: id, commands: [c.helmUpgrade(id)], notes: [.correction("pin-chart-version", "rules.md §E.3")],
                          alsoRules: ["R38"])
            }
        }
    )
}
