extension Rule {
    static let r01 = Rule(
        id: "R01", title: "Version baseline and target chart pinning", phase: .prepare, scope: .global,
        sources: [.base("Prerequisites"), .prepare("Evaluate your current environment"), .migrationTest],
        steps: { s in
            let c = Commands(scenario: s)
            return [StepDraft(
                "prepare.versions",
                commands: [
                    s.scriptVariables,
                    c.helmList(0), c.helmList(1), Commands.helmRepoAdd, "helm repo update", "helm search repo camunda/camunda-platform --versions",
                    "helm show values camunda/camunda-platform --version \(ShellWord.quote(s.chart.to)) > \(ShellWord.quote(s.valuesFiles.absolute("values-8.8-default.yaml")))",
                ],
                notes: [.warning("latest-patch-first", "rules.md R01, §E.3")]
            )]
        }
    )
}

extension Scenario {
    /// rules.md F01: the variables Camunda's dual-region scripts and operational procedure use.
    var scriptVariables: String {
        [
            "export CLUSTER_0=\(ShellWord.quote(region0.kubeContext))", "CLUSTER_1=\(ShellWord.quote(region1.kubeContext))",
            "CAMUNDA_NAMESPACE_0=\(region0.namespace)", "CAMUNDA_NAMESPACE_1=\(region1.namespace)",
            "CAMUNDA_RELEASE_NAME=\(release)", "HELM_CHART_VERSION=\(ShellWord.quote(chart.to))",
        ].joined(separator: " ")
    }
}
