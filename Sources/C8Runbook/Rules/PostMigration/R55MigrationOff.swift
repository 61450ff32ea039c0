extension Rule {
    static let r55 = Rule(
        id: "R55", title: "Switch off the migration machinery", phase: .postMigration, scope: .valuesOverlay,
        sources: [.components("Turn off importers after completion"), .importer(), .greenfieldValues],
        steps: { s in
            let c = Commands(scenario: s)
            var removals: [String] = []
            if s.compressionEnabled { removals.append("orchestration.env: ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION (old prefix)") }
            if s.isShared {
                removals.append("\(s.valuesFiles.region0): orchestration.migration.data.enabled")
                removals.append("\(s.valuesFiles.region1): orchestration.migration.data.enabled")
            } else {
                removals.append("\(s.valuesFiles.base ?? "both region files"): orchestration.migration.data.enabled")
            }
            let also = s.optimize ? ["R37"] : ["R53", "R37"]
            return [StepDraft("post.values.migration-off", blocks: [Block(language: "text", label: "Delete", content: removals.joined(separator: "\n"))],
                              notes: [.inference("job-template-immutable", "rules.md R55")])]
                + [0, 1].map { StepDraft("post.helm", region: $0, commands: [c.helmUpgrade($0)], alsoRules: also) }
                + [0, 1].map { StepDraft("post.rollout", region: $0, commands: s.rolloutCommands($0)) }
        }
    )
}
