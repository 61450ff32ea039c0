extension Rule {
    static let r01 = Rule(
        id: "R01", title: "Version baseline and target chart pinning", phase: .prepare, scope: .global,
        sources: [.base("Prerequisites"), .prepare("Evaluate your current environment"), .migrationTest],
        steps: { s in
            let c = Commands(scenario: s)
            return [StepDraft(
                "prepare.versions",
                commands: [c.helmList(0), c.helmList(1), "helm repo update", "helm search repo camunda/camunda-platform --versions"],
                notes: [.warning("latest-patch-first", "rules.md R01, §E.3")]
            )]
        }
    )
}
