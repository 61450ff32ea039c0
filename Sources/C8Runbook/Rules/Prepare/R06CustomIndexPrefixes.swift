extension Rule {
    static let r06 = Rule(
        id: "R06", title: "Custom index prefixes", phase: .prepare, scope: .perStorage,
        condition: "customIndexPrefixes",
        sources: [.components("Update any custom prefixes")],
        applies: { $0.customIndexPrefixes },
        steps: { s in
            let variable = s.secondaryStorage.type == .elasticsearch
                ? "CAMUNDA_DATA_SECONDARYSTORAGE_ELASTICSEARCH_INDEXPREFIX" : "CAMUNDA_DATA_SECONDARYSTORAGE_OPENSEARCH_INDEXPREFIX"
            return s.storageRegions.map { id in
                StepDraft("prepare.index-prefixes", region: id, values: StepValues(prefixVariable: variable),
                          commands: ["SPRING_CONFIG_ADDITIONALLOCATION=/path/to/application.yaml ./camunda/bin/prefix-migration"],
                          notes: [.warning("prefix-migration-irreversible", "rules.md R06")])
            }
        }
    )
}
