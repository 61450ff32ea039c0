extension Rule {
    static let r12 = Rule(
        id: "R12", title: "Cluster sizing becomes strings", phase: .configure, scope: .valuesBase,
        sources: [.base("Top-level chart keys"), .migrationValues, .chart("values.schema.json")],
        steps: { s in
            // Without a `cluster:` block the numbers were never read: no snippet, the text says to keep the 8.7
            // values' own (issue 9 item 6).
            guard let cluster = s.cluster else { return [StepDraft("values.cluster-sizing")] }
            var yaml = ValuesSnippet()
            yaml.set("orchestration.clusterSize", .quoted("\(cluster.size)"))
            yaml.set("orchestration.partitionCount", .quoted("\(cluster.partitions)"))
            yaml.set("orchestration.replicationFactor", .quoted("\(cluster.replicationFactor)"))
            return [StepDraft("values.cluster-sizing", blocks: [s.baseBlock(yaml)])]
        }
    )
}

extension Scenario {
    /// A snippet for the shared base file (or both complete region files when there is no base file).
    func baseBlock(_ snippet: ValuesSnippet) -> Block {
        return Block(language: "yaml", file: valuesFiles.base, label: valuesFiles.base == nil ? "In both \(valuesFiles.region0) and \(valuesFiles.region1)" : nil, content: snippet.text)
    }
}
