extension Rule {
    static let r11 = Rule(
        id: "R11", title: "Move zeebe to orchestration", phase: .configure, scope: .valuesBase,
        sources: [.base("Top-level chart keys"), .migrationValues],
        steps: { s in
            [
                StepDraft("values.write-files", commands: [s.valuesCommand(stage: .migration)]),
                StepDraft("values.orchestration"),
            ]
        }
    )
}

extension Scenario {
    /// `c8runbook values` for this scenario's own files, every path absolute (anchored at `valuesFiles.directory`),
    /// writing `stage` into its out-dir (`valuesFiles.migrationDir` or `finalDir`), where the helm commands read it.
    func valuesCommand(stage: MigrationStage) -> String {
        var words = ["c8runbook values --scenario \(StepDraft.scenarioFile)"]
        for base in valuesFiles.bases { words.append("--values \(ShellWord.quote(valuesFiles.absolute(base)))") }
        words.append("--region0-values \(ShellWord.quote(valuesFiles.absolute(valuesFiles.region0)))")
        words.append("--region1-values \(ShellWord.quote(valuesFiles.absolute(valuesFiles.region1)))")
        if stage != .migration { words.append("--stage \(stage.rawValue)") }
        words.append("--out-dir \(ShellWord.quote(valuesFiles.outDir(stage)))")
        return words.joined(separator: " ")
    }
}
