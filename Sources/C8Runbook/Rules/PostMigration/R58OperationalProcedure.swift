extension Rule {
    static let r58 = Rule(
        id: "R58", title: "Operational procedure after the upgrade", phase: .postMigration, scope: .global,
        sources: [.seed("Post-migration"), .operations(), .docsIssue(10032), .helmPull(6455), .camundaIssue(55585),
                  .managementAPI("Disable an exporter"), .migrationHelpers, .migrationWorkflow],
        steps: { s in
            let c = Commands(scenario: s)
            var steps: [StepDraft] = []
            if !s.optimize {
                steps.append(StepDraft("post.exporters.converge", commands: [c.portForward(0, port: 9600)] + s.convergeExporters(c),
                                       notes: [.inference("exporters-converge")]))
                steps.append(StepDraft("post.disk", blocks: [s.brokerDiskQuery], required: false))
            }
            steps.append(StepDraft("post.data", commands: c.deployAndStart + c.searchInEveryRegion))
            steps.append(StepDraft("post.operational-procedure"))
            steps.append(StepDraft("post.drill", required: false))
            return steps
        }
    )
}

extension Scenario {
    /// Disables again every legacy exporter whose state is not exactly `DISABLED` (`ENABLED`, `UNKNOWN`,
    /// `CONFIG_NOT_FOUND`, or missing), then shows the cluster's `lastChange` and `pendingChange`
    /// (camunda-docs#10032; camunda-platform-helm#6455; camunda/camunda#55585).
    func convergeExporters(_ c: Commands) -> [String] {
        let list = "curl -s '\(c.actuator("exporters"))'"
        let ids = legacyExporterIDs.map(ShellWord.quote).joined(separator: " ")
        return [
            list + " | jq -r '.[] | \"\\(.exporterId) \\(.status)\"'",
            """
            for id in \(ids); do
              status=$(\(list) | jq -r --arg id "$id" '[.[] | select(.exporterId == $id) | .status][0] // "CONFIG_NOT_FOUND"')
              echo "$id: $status"
              [ "$status" = DISABLED ] || curl -s -w '\\nHTTP %{http_code}\\n' -XPOST "\(c.actuator("exporters"))/$id/disable"
            done
            """,
            "curl -s '\(c.actuator("cluster"))' | jq '{lastChange, pendingChange}'",
        ]
    }

    /// The brokers' volume usage by PVC, for Prometheus: a legacy exporter that is not really disabled pins log
    /// compaction, and the disk fills.
    var brokerDiskQuery: Block {
        let regex = "data-\(orchestrationName)-.*"
        return Block(language: "promql", label: "Broker disk usage, per volume (Grafana, Prometheus)", content: regions.map { region in
            "kubelet_volume_stats_used_bytes{namespace=\"\(region.namespace)\", persistentvolumeclaim=~\"\(regex)\"}\n"
                + "  / kubelet_volume_stats_capacity_bytes{namespace=\"\(region.namespace)\", persistentvolumeclaim=~\"\(regex)\"}"
        }.joined(separator: "\n"))
    }
}
