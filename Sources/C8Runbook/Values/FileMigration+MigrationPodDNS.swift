/// R15 for DNS: what the migration importer needs to resolve the cluster it joins (field-case kind 3).
extension FileMigration {
    /// The 13.x importer takes its DNS policy and config from `orchestration.importer.dnsPolicy` and `.dnsConfig`,
    /// and only when `orchestration.dnsPolicy` / `.dnsConfig` are set (CHART 13.12.7
    /// `orchestration/importer-deployment.yaml`: `if .Values.orchestration.dnsConfig` then
    /// `toYaml .Values.orchestration.importer.dnsConfig`), so the broker's settings moved to `orchestration` alone
    /// gave the importer `dnsConfig: null` and no policy: a standalone gateway that cannot resolve what the brokers
    /// resolve (a custom name server, the other region's search domain) cannot join the cluster. During the
    /// migration each one this file sets is copied to `orchestration.importer`, unless the team set it there; the
    /// final stage writes none (the importer is gone). The data migration Job has no DNS settings in 13.x.
    mutating func addMigrationPodDNS() {
        guard stage == .migration, let orchestration = root.node(at: "orchestration") else { return }
        var importer = orchestration.node(at: "importer") ?? .mapping([])
        var added: [(String, SourceLocation?)] = []
        for key in ["dnsPolicy", "dnsConfig"] {
            guard var value = orchestration[key], !value.isEmptyMapping, value.text != "", importer[key] == nil else { continue }
            let location = value.location
            value.location = nil
            importer.set(key, value)
            added.append((key, location))
        }
        guard !added.isEmpty else { return }
        var updated = orchestration
        updated.set(path: "importer", importer)
        store(updated)
        for (key, location) in added {
            note("orchestration.importer.\(key)", .added, "R15", location,
                 "orchestration.importer.\(key): the orchestration pods' \(key) for the migration importer, a standalone gateway that must resolve what the brokers resolve (the 13.x chart gives the importer only this one); remove after the migration (--stage final)")
        }
    }
}
