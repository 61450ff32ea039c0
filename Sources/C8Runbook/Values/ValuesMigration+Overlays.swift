/// Helm replaces lists (rules.md R31): when a region's overlay defines its own `orchestration.env` or pod list, the
/// base file's list does not reach that region at all. Every entry the rules add to the base's list (renamed gateway
/// variables, Operate/Tasklist entries, old-prefix variables, volumes and mounts from `zeebeGateway`) is therefore
/// added to the overlay's list too; an entry that conflicts with the overlay's own stops `values` (issue 9 item 5).
extension ValuesMigration {
    static let carriedLists = ["env", "envFrom", "extraVolumes", "extraVolumeMounts", "initContainers", "sidecars"]

    static func carryBaseAdditions(_ input: ValuesInput, _ migrations: inout [FileMigration]) {
        guard let baseIndex = input.files.firstIndex(where: { $0.role == .base }) else { return }
        let before = input.files[baseIndex].document.root
        let after = migrations[baseIndex].root
        for index in migrations.indices where index != baseIndex {
            guard case .overlay = migrations[index].role else { continue }
            for list in carriedLists {
                guard let added = after.node(at: "orchestration.\(list)")?.items,
                      let own = migrations[index].root.node(at: "orchestration.\(list)")?.items else { continue }
                // When the overlay had its own 8.7 `zeebe.<list>`, that list already replaced the base's in 8.7: only
                // what the rules add is carried. When its 8.8 list comes from other blocks (`zeebeGateway.env` in the
                // overlay), the base's whole list must be carried, or the region loses it.
                let overlayHadOwn = input.files[index].document.root.node(at: "zeebe.\(list)") != nil
                let original = overlayHadOwn ? (before.node(at: "zeebe.\(list)")?.items ?? []) : []
                let originalNames = Set(original.compactMap(\.value.envName)), ownNames = Set(own.compactMap(\.value.envName))
                let missing = added.filter { item in
                    if list == "env", let name = item.value.envName {
                        let fromZeebe = originalNames.contains(name) || (name == "CAMUNDA_DATA_SNAPSHOTPERIOD" && originalNames.contains("ZEEBE_BROKER_DATA_SNAPSHOTPERIOD"))
                        return !fromZeebe && !ownNames.contains(name)
                    }
                    return !original.contains { $0.value.isEquivalent(to: item.value) } && !own.contains { $0.value.isEquivalent(to: item.value) }
                }
                guard !missing.isEmpty else { continue }
                let copies = missing.map { item -> ValuesItem in
                    var copy = item
                    copy.leading = []
                    copy.trailingComment = nil
                    return copy
                }
                var migration = migrations[index]
                // Env entries are missing by name already; the pod lists go through the identity merge (conflicts stop).
                let merged = list == "env" ? own + copies
                    : migration.mergeList(own, copies, list: list, target: "orchestration.\(list) of \(migration.file)",
                                          source: "\(input.files[baseIndex].relativePath) orchestration.\(list)")
                var orchestration = migration.loadOrchestration()
                orchestration.set(list, .sequence(merged))
                migration.store(orchestration)
                for item in missing {
                    let what = item.value.envName ?? item.value["name"]?.text ?? item.value["mountPath"]?.text ?? "entry"
                    migration.note("orchestration.\(list)[\(what)]", .added, "R31", item.value.location,
                                   "\(what) added to this region's orchestration.\(list) too: the list replaces the base file's, and the rules add this entry there")
                }
                migrations[index] = migration
            }
        }
    }
}
