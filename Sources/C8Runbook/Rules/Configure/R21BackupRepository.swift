extension Rule {
    static let r21 = Rule(
        id: "R21", title: "Backup repository name", phase: .configure, scope: .valuesBase,
        condition: "backupRepository is set",
        sources: [.mapping(), .migrationValues],
        applies: { $0.backupRepository != nil },
        steps: { s in
            var yaml = ValuesSnippet()
            yaml.env("orchestration.env", [(nil, [.init(name: "CAMUNDA_DATA_BACKUP_REPOSITORYNAME", value: s.backupRepository!)])])
            return [StepDraft("values.backup-repository", values: StepValues(repository: s.backupRepository!), blocks: [s.baseBlock(yaml)])]
        }
    )
}
