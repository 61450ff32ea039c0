extension Rule {
    static let r12 = Rule(
        id: "R12", title: "Cluster sizing becomes strings", phase: .configure, scope: .valuesBase,
        sources: [.base("Top-level chart keys"), .migrationValues, .chart("values.schema.json")],
        steps: { s in
            var yaml = ValuesSnippet()
            yaml.set("orchestration.clusterSize", .quoted("\(s.cluster.size)"))
            yaml.set("orchestration.partitionCount", .quoted("\(s.cluster.partitions)"))
            yaml.set("orchestration.replicationFactor", .quoted("\(s.cluster.replicationFactor)"))
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
