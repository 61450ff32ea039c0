extension Rule {
    static let r50 = Rule(
        id: "R50", title: "Broker-id parity (optional)", phase: .verify, scope: .perRegion,
        sources: [.migrationTest, .chart("templates/orchestration/configmap-unified.yaml")],
        steps: { s in
            let c = Commands(scenario: s)
            let perRegion = s.cluster.size / 2
            return [0, 1].map { id in
                let expected = (0..<perRegion).map { String($0 * 2 + id) }.joined(separator: ", ")
                let loop = "for i in $(seq 0 \(perRegion - 1)); do " + c.kubectl(id, "exec \(s.orchestrationName)-$i -- sh -c \"tr '\\\\0' '\\\\n' < /proc/1/environ | grep ORCHESTRATION_NODE_ID=\"") + "; done"
                return StepDraft("verify.node-ids", region: id, values: ["expectedIDs": expected], commands: [loop], required: false)
            }
        }
    )
}
