extension Rule {
    static let r17 = Rule(
        id: "R17", title: "Keep the legacy exporters unchanged during migration", phase: .configure, scope: .valuesBase,
        condition: "exporters.management is manual",
        sources: [.seed("Configure exporters for both regions"), .migrationValues, .chart("templates/orchestration/files/_application-unified.yaml")],
        applies: { $0.isManual },
        steps: { s in
            var yaml = ValuesSnippet()
            yaml.env("orchestration.env", [("Existing 8.7 exporters: keep unchanged during migration", s.legacyExporterEntries)])
            return [StepDraft("values.legacy-exporters", blocks: [s.baseBlock(yaml)])]
        }
    )
}
