extension Rule {
    static let r02 = Rule(
        id: "R02", title: "Secondary storage versions", phase: .prepare, scope: .perStorage,
        sources: [.prepare("Verify infrastructure compatibility"), .components("Camunda Exporter and harmonized data model"),
                  .concept("Installation environment")],
        steps: { s in
            s.storageRegions.map { id in
                StepDraft("prepare.storage-version", region: id, commands: [s.storageCommand(id, path: "")], notes: s.storageNotes)
            }
        }
    )
}

extension Scenario {
    /// The regions whose storage gets its own step: both with per-region storage; with a shared storage a single
    /// step without region (`nil`).
    var storageRegions: [Int?] { isShared ? [nil] : [0, 1] }

    /// A GET against the storage of `region` (the shared one for nil), run inside the cluster: through the
    /// subchart's pod, or from a short-lived curl pod in the region's namespace with the credentials placeholder
    /// (issue 10 item 8: the storage URL is often `…svc.cluster.local`, which a workstation cannot resolve).
    func storageCommand(_ region: Int?, path: String) -> String {
        let id = region ?? 0
        let c = Commands(scenario: self)
        if isSubchart {
            return c.kubectl(id, "exec \(release)-elasticsearch-master-0 -c elasticsearch -- curl -s \(ShellWord.quote("localhost:9200/" + path))")
        }
        return c.curlPod(id, "\(Commands.storageAuth) \(ShellWord.quote(secondaryStorage.url(for: id).trimmingSuffix("/") + "/" + path))")
    }

    /// The note on steps that reach an external storage from a curl pod: credentials and CA.
    var storageNotes: [NoteDraft] { isSubchart ? [] : [.inference("storage-in-cluster")] }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
