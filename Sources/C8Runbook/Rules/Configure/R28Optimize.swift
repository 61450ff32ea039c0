extension Rule {
    static let r28 = Rule(
        id: "R28", title: "Optimize", phase: .configure, scope: .global,
        condition: "optimize is true",
        sources: [.seed("Multi-region specific considerations"), .seed("Post-migration"), .base("Changes to the default deployment setup"),
                  .optimizeUpgrade, .chart("values.yaml")],
        applies: { $0.optimize },
        steps: { _ in [StepDraft("values.optimize", notes: [.warning("optimize-unsupported", "rules.md §E.2f"), .warning("optimize-startup-migration", "Optimize upgrade guide; chart values.yaml optimize.migration.enabled")])] }
    )
}
