extension Rule {
    static let r16 = Rule(
        id: "R16", title: "Replace the exporter switch", phase: .configure, scope: .valuesBase,
        condition: "exporters.management is manual",
        sources: [.seed("Required configuration changes"), .seed("Configure exporters for both regions"), .migrationValues],
        applies: { $0.isManual },
        steps: { s in
            var yaml = ValuesSnippet()
            yaml.set("orchestration.exporters.camunda.enabled", .bool(false))
            yaml.set("orchestration.exporters.zeebe.enabled", .bool(false))
            return [StepDraft("values.exporter-switch", blocks: [s.baseBlock(yaml)],
                              notes: [.correction("disable-exporter-key", "rules.md §E.2a")])]
        }
    )
}
