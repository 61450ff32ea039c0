extension Rule {
    static let r19 = Rule(
        id: "R19", title: "Helm-managed exporters (shared single storage)", phase: .configure, scope: .valuesBase,
        condition: "exporters.management is helm-managed (secondaryStorage.layout is shared)",
        sources: [.seed("Multi-region specific considerations"), .chart("templates/orchestration/files/_application-unified.yaml")],
        applies: { !$0.isManual },
        steps: { s in
            var yaml = ValuesSnippet()
            yaml.set("orchestration.exporters.camunda.enabled", .bool(true))
            yaml.set("orchestration.exporters.zeebe.enabled", .bool(true))
            return [StepDraft("values.helm-managed-exporters", blocks: [s.baseBlock(yaml)],
                              notes: [.correction("disable-exporter-key", "rules.md §E.2a")])]
        }
    )
}
