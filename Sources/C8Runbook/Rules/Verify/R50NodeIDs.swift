extension Rule {
    static let r50 = Rule(
        id: "R50", title: "Broker-id parity (optional)", phase: .verify, scope: .perRegion,
        sources: [.migrationTest, .chart("templates/orchestration/configmap-unified.yaml")],
        steps: { s in
            let c = Commands(scenario: s)
            return [0, 1].map { id in
                let expected: String, last: String
                if let perRegion = s.cluster?.brokersPerRegion {
                    expected = (0..<perRegion).map { String($0 * 2 + id) }.joined(separator: ", ")
                    last = "\(perRegion - 1)"
                } else {
                    // The size was never read: loop over the StatefulSet's own replica count, never a guess.
                    expected = "\(id), \(id + 2), \(id + 4) and so on, one per pod"
                    last = "$(( $(" + c.kubectl(id, "get statefulset \(s.orchestrationName) -o jsonpath='{.spec.replicas}'") + ") - 1 ))"
                }
                let loop = "for i in $(seq 0 \(last)); do " + c.kubectl(id, "exec \(s.orchestrationName)-$i -- sh -c \"tr '\\\\0' '\\\\n' < /proc/1/environ | grep ORCHESTRATION_NODE_ID=\"") + "; done"
                return StepDraft("verify.node-ids", region: id, values: StepValues(expectedIDs: expected), commands: [loop], required: false)
            }
        }
    )
}
