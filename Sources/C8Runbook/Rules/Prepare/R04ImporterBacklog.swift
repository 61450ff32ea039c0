extension Rule {
    static let r04 = Rule(
        id: "R04", title: "Drain the importer backlog", phase: .prepare, scope: .perRegion,
        sources: [.components("Ensure the importer backlog is drained")],
        steps: { s in
            [0, 1].map { id in
                let selector = "{namespace=\"\(s.regions[id].namespace)\"}"
                let query = "sum(rate(operate_import_time_seconds_sum\(selector)[$__rate_interval]))\n"
                    + "  / sum(rate(operate_import_time_seconds_count\(selector)[$__rate_interval]))"
                return StepDraft("prepare.importer-backlog", region: id, blocks: [Block(language: "promql", label: "Import latency (Grafana, Prometheus)", content: query)])
            }
        }
    )
}
