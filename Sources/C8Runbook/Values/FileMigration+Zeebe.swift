/// `zeebe` becomes `orchestration` (rules.md R11, R12, R30).
extension FileMigration {
    mutating func moveZeebe() {
        guard let zeebeIndex = root.index(of: "zeebe"), case var .mapping(entries) = root.content else { return }
        let zeebe = entries[zeebeIndex]
        if let existing = entries.firstIndex(where: { $0.key == "orchestration" }) {
            for child in zeebe.value.entries ?? [] {
                if entries[existing].value[child.key] != nil {
                    note("orchestration.\(child.key)", .review, "R11", child.keyLocation, "both zeebe.\(child.key) and orchestration.\(child.key) are set; kept orchestration.\(child.key)")
                } else {
                    entries[existing].value.insert(child)
                }
            }
            entries.remove(at: zeebeIndex)
        } else {
            entries[zeebeIndex].key = "orchestration"
        }
        root.content = .mapping(entries)
        note("orchestration", .moved, "R11", zeebe.keyLocation, "zeebe moved to orchestration")
        hasOwnEnv = zeebe.value["env"] != nil

        var orchestration = loadOrchestration()
        do {
            for key in ["clusterSize", "partitionCount", "replicationFactor"] {
                guard let node = orchestration[key], let scalar = node.scalar, !scalar.isNull else { continue }
                if scalar.kind != .string || scalar.spelling.map({ !$0.hasPrefix("'") && !$0.hasPrefix("\"") }) ?? true {
                    var quoted = ValuesNode.quoted(scalar.value)
                    quoted.location = node.location
                    orchestration.set(key, quoted)
                    note("orchestration.\(key)", .changed, "R12", node.location, "orchestration.\(key) written as the string '\(scalar.value)' (the 13.x schema declares it a string)")
                }
            }
            if let pvc = orchestration["pvcSize"] {
                note("orchestration.pvcSize", .kept, "R30", pvc.location, "orchestration.pvcSize keeps the 8.7 size: volume claim templates are immutable")
            }
            for entry in orchestration.entries ?? [] where !ChartKeys.orchestration.contains(entry.key) {
                note("orchestration.\(entry.key)", .review, nil, entry.keyLocation, "zeebe.\(entry.key) kept as orchestration.\(entry.key), which the 13.x chart's values.yaml does not have; check it")
            }
        }
        store(orchestration)
    }
}
