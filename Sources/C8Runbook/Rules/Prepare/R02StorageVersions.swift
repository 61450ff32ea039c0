extension Rule {
    static let r02 = Rule(
        id: "R02", title: "Secondary storage versions", phase: .prepare, scope: .perStorage,
        sources: [.prepare("Verify infrastructure compatibility"), .components("Camunda Exporter and harmonized data model"),
                  .concept("Installation environment")],
        steps: { s in
            s.storageRegions.map { id in
                StepDraft("prepare.storage-version", region: id, commands: [s.storageCommand(id, path: "")])
            }
        }
    )
}

extension Scenario {
    /// The regions whose storage gets its own step: both with per-region storage; with a shared storage a single
    /// step without region (`nil`).
    var storageRegions: [Int?] { isShared ? [nil] : [0, 1] }

    /// A GET against the storage of `region` (the shared one for nil): through the subchart's pod, or with curl to
    /// the external URL (add credentials if the storage is secured).
    func storageCommand(_ region: Int?, path: String) -> String {
        let id = region ?? 0
        if isSubchart {
            return Commands(scenario: self).kubectl(id, "exec \(release)-elasticsearch-master-0 -c elasticsearch -- curl -s \(ShellWord.quote("localhost:9200/" + path))")
        }
        return "curl -s \(ShellWord.quote(secondaryStorage.url(for: id).trimmingSuffix("/") + "/" + path))"
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
