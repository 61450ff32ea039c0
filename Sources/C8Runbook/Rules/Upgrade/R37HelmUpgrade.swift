extension Rule {
    static let r37 = Rule(
        id: "R37", title: "Helm upgrade command shape (pinned chart, explicit context and namespace)", phase: .upgrade,
        scope: .perRegion,
        sources: [.operations(), .eks("Deploy Camunda 8"), .base("Run the Helm upgrade"), .migrationTest,
                  // The chart → image table (ChartRelease.known) is read off each tag's values.yaml.
                  Source(key: "CHART", section: "Chart.yaml / values.yaml at each 13.x tag",
                         url: "https://github.com/camunda/camunda-platform-helm/tags")],
        steps: { s in
            let c = Commands(scenario: s)
            return [StepDraft("upgrade.helm-repo", commands: [Commands.helmRepoAdd, "helm repo update"])] + [0, 1].map { id in
                StepDraft("upgrade.helm", region: id, commands: [c.helmUpgrade(id, stage: .migration)], notes: [.correction("pin-chart-version", "rules.md §E.3")] + s.chartNotes,
                          alsoRules: ["R38"])
            }
        }
    )
}

extension Scenario {
    /// A warning about the pinned chart itself (R37) when the table does not know it; the steps that rely on a
    /// fix the chart's image lacks warn themselves (R42, R53).
    var chartNotes: [NoteDraft] {
        targetRelease == nil ? [.warning("chart-unknown", "rules.md R37")] : []
    }
}
