/// R15 for imported variables: what the migration importer needs from `orchestration.envFrom` (field-case kind 3).
extension FileMigration {
    /// The 13.x importer reads `orchestration.env` but not `orchestration.envFrom`: its container imports only the
    /// chart's own ConfigMaps and `orchestration.importer.envFrom` (CHART 13.12.7
    /// `orchestration/importer-deployment.yaml`). What the 8.7 broker and gateway imported there (`zeebe.envFrom`,
    /// `zeebeGateway.envFrom`: cluster settings, the gateway's `ZEEBE_GATEWAY_CLUSTER_*` that the importer, a
    /// standalone gateway, reads under that prefix) never reached it. During the migration this file's effective
    /// `orchestration.envFrom` (after the base files' entries are carried into it) is copied to
    /// `orchestration.importer.envFrom`, unless the team set that; the final stage writes none. The data migration
    /// Job has no envFrom in 13.x (`migration-data-job.yaml`): init's warning says so.
    mutating func addImporterEnvFrom() {
        guard stage == .migration, let orchestration = root.node(at: "orchestration"),
              let items = orchestration["envFrom"]?.items, !items.isEmpty, orchestration.node(at: "importer.envFrom") == nil else { return }
        let copies = items.map { item -> ValuesItem in
            var copy = item
            copy.leading = []
            copy.trailingComment = nil
            return copy
        }
        var updated = orchestration
        var importer = orchestration["importer"] ?? .mapping([])
        importer.set("envFrom", .sequence(copies))
        updated.set("importer", importer)
        store(updated)
        note("orchestration.importer.envFrom", .added, "R15", orchestration["envFrom"]?.location,
             "orchestration.importer.envFrom: the ConfigMaps and Secrets of orchestration.envFrom for the migration importer, a standalone gateway that does not read orchestration.envFrom; remove after the migration (--stage final)")
    }
}
