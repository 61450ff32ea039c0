/// Variables the values import from ConfigMaps and Secrets (field-case kind 4: exporters via `envFrom`).
extension ScenarioInference {
    /// A sentence per `envFrom` source of the broker or the gateway, once however many regions merge it. The 12.x
    /// chart passes `zeebe.envFrom` and `zeebeGateway.envFrom` to the containers as written (CHART 12.7.6
    /// `zeebe/statefulset.yaml`, `zeebe-gateway/deployment.yaml`), so what they import is configuration c8runbook
    /// cannot read: `ZEEBE_BROKER_EXPORTERS_*` there are exporters the runbook neither compares across the regions,
    /// keeps for the migration nor switches off after it, and the gateway's `ZEEBE_GATEWAY_*` there are not renamed
    /// for the gateway embedded in 8.8's Orchestration Cluster (its `ZEEBE_BROKER_GATEWAY_*`). Both lists become
    /// `orchestration.envFrom`, which `values` copies to `orchestration.importer.envFrom` for the migration importer;
    /// the 13.x data migration Job reads none (CHART 13.12.7 `orchestration/migration-data-job.yaml`), so settings
    /// imported there do not reach it. Names only: a Secret's name is no secret.
    func envFromWarnings() -> [String] {
        var seen: Set<String> = []
        var found: [String] = []
        for region in merged.indices {
            for (block, pods) in [("zeebe", "the brokers"), ("zeebeGateway", "the gateways")] {
                for item in merged[region].node(at: "\(block).envFrom")?.items ?? [] {
                    let source = item.value["configMapRef"].map { ("ConfigMap", $0) } ?? item.value["secretRef"].map { ("Secret", $0) }
                    let name = source?.1["name"]?.text.map { "\(source?.0 ?? "") '\($0)'" } ?? "a source"
                    let place = item.value.location.map { "\($0): " } ?? ""
                    guard seen.insert(place.isEmpty ? "\(region).\(block).\(name)" : place).inserted else { continue }
                    let what = block == "zeebe"
                        ? "exporters defined there (ZEEBE_BROKER_EXPORTERS_*) are neither compared across the regions, kept for the migration nor switched off after it, and are carried as written"
                        : "ZEEBE_GATEWAY_* variables there are not renamed to the ZEEBE_BROKER_GATEWAY_* the gateway embedded in 8.8's Orchestration Cluster reads"
                    found.append("\(place)\(block).envFrom imports the variables of \(name) into \(pods), which c8runbook cannot read: \(what); in 8.8 the data migration Job does not get orchestration.envFrom. Check what it holds and write what the upgrade must know into \(block).env")
                }
            }
        }
        return found
    }
}
