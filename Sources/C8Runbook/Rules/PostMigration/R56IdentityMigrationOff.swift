extension Rule {
    static let r56 = Rule(
        id: "R56", title: "Identity migration clean-up", phase: .postMigration, scope: .valuesOverlay,
        condition: "identity is true",
        sources: [.components("Helm chart deployments")],
        applies: { $0.identity },
        steps: { s in
            var yaml = ValuesSnippet()
            yaml.set("orchestration.migration.identity.enabled", .bool(false))
            return [StepDraft("post.values.identity-migration-off", blocks: [s.overlayBlock(yaml, region: 0)])]
        }
    )
}
