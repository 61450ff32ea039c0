extension Rule {
    static let r20 = Rule(
        id: "R20", title: "Enable data migration according to storage topology", phase: .configure, scope: .valuesOverlay,
        sources: [.seed("Multi-region specific considerations"), .base("Data migration"), .migrationValues],
        steps: { s in
            func switchBlock(_ enabled: Bool, file: String) -> Block {
                var yaml = ValuesSnippet()
                yaml.set("orchestration.migration.data.enabled", .bool(enabled))
                return Block(language: "yaml", file: file, content: yaml.text)
            }
            if !s.isShared {
                var yaml = ValuesSnippet()
                yaml.set("orchestration.migration.data.enabled", .bool(true))
                return [StepDraft("values.data-migration", blocks: [s.baseBlock(yaml)])]
            }
            return [StepDraft("values.data-migration", blocks: [
                switchBlock(true, file: s.valuesFiles.region0),
                switchBlock(false, file: s.valuesFiles.region1),
            ], notes: [.inference("first-region-is-region0", "rules.md §E.2g")])]
        }
    )
}
