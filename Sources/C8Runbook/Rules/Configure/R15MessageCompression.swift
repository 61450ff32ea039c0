extension Rule {
    static let r15 = Rule(
        id: "R15", title: "Keep the old-prefix message-compression variable for the importer", phase: .configure,
        scope: .valuesBase, condition: "messageCompression is not NONE",
        sources: [.seed("Update gateway environment variables"), .migrationValues, .chart("templates/orchestration/importer-deployment.yaml")],
        applies: { $0.compressionEnabled },
        steps: { s in
            var yaml = ValuesSnippet()
            yaml.env("orchestration.env", [(nil, s.compressionEntries)])
            return [StepDraft("values.message-compression", blocks: [s.baseBlock(yaml)],
                              notes: [.correction("compression-old-prefix", "rules.md §E.2c")])]
        }
    )
}
