extension Rule {
    static let r11 = Rule(
        id: "R11", title: "Move zeebe to orchestration", phase: .configure, scope: .valuesBase,
        sources: [.base("Top-level chart keys"), .migrationValues],
        steps: { s in
            [
                StepDraft("values.write-files", commands: [s.valuesCommand(stage: .migration, outDir: "values-8.8")]),
                StepDraft("values.orchestration"),
            ]
        }
    )
}

extension Scenario {
    /// `c8runbook values` for this scenario's own files, run from the folder that holds them.
    func valuesCommand(stage: MigrationStage, outDir: String) -> String {
        var words = ["c8runbook values --scenario \(StepDraft.scenarioFile)"]
        if let base = valuesFiles.base { words.append("--values \(ShellWord.quote(base))") }
        words.append("--region0-values \(ShellWord.quote(valuesFiles.region0))")
        words.append("--region1-values \(ShellWord.quote(valuesFiles.region1))")
        if stage != .migration { words.append("--stage \(stage.rawValue)") }
        words.append("--out-dir \(outDir)")
        return words.joined(separator: " ")
    }
}
