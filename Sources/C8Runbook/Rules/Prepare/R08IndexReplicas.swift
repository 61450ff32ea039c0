extension Rule {
    static let r08 = Rule(
        id: "R08", title: "Index replicas and disk", phase: .prepare, scope: .perStorage,
        sources: [.components("Elasticsearch"), .chart("values.yaml")],
        steps: { s in
            s.storageRegions.map { id in
                StepDraft("prepare.disk", region: id, commands: [
                    s.storageCommand(id, path: "_cat/allocation?v"),
                    s.storageCommand(id, path: "_cluster/health?pretty"),
                ], notes: s.storageNotes)
            }
        }
    )
}
