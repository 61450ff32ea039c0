extension Rule {
    static let r53 = Rule(
        id: "R53", title: "Then remove the legacy exporter configuration", phase: .postMigration, scope: .valuesBase,
        condition: "optimize is false",
        sources: [.seed("Post-migration"), .managementAPI("Disable an exporter"), .camundaIssue(52260)],
        applies: { !$0.optimize },
        steps: { s in
            let c = Commands(scenario: s)
            let names = s.isManual ? s.legacyExporterVariableNames.joined(separator: "\n") : "orchestration.exporters.zeebe.enabled: true  → set to false"
            var notes: [NoteDraft] = []
            if !s.targetHasExporterStateFix { notes.append(.warning("exporter-state-bug", "rules.md R53")) }
            return [
                StepDraft("post.values.remove-legacy-exporters", blocks: [Block(language: "text", label: "Delete from \(s.valuesFiles.base ?? "both region files")", content: names)],
                          notes: notes),
                StepDraft("post.exporters.recheck", commands: [c.portForward(0, port: 9600), "curl -s -XGET '\(c.actuator("exporters"))'"]),
            ]
        }
    )
}
