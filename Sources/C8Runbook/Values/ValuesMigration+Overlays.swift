/// Helm replaces lists (rules.md R31): when a later file defines its own `orchestration.env` or pod list, the
/// list of the files before it does not reach the region at all. Every entry the rules add to an earlier list
/// (renamed gateway variables, Operate/Tasklist entries, old-prefix variables, volumes and mounts from
/// `zeebeGateway`) is therefore added to the later file's list too; an entry that conflicts with the later file's
/// own stops `values` (issue 9 item 5).
///
/// Several base files (`--values` repeated) are a chain in `helm -f` order: each base file's list receives what
/// the rules added to the effective list of the base files before it, and each overlay what they added to the
/// effective list of all base files. In 8.7 `zeebe.env` and `zeebeGateway.env` were separate lists, in 8.8 both
/// are `orchestration.env`: a later base file that held only `zeebeGateway.env` now defines the list that wins, so
/// it receives the earlier base file's broker entries as well. What an earlier file's 8.7 list held while a later
/// file's 8.7 list replaced it stays as dead in 8.8 as it was in 8.7.
extension ValuesMigration {
    static let carriedLists = ["env", "envFrom", "extraVolumes", "extraVolumeMounts", "initContainers", "sidecars"]

    static func carryBaseAdditions(_ input: ValuesInput, _ migrations: inout [FileMigration]) {
        let baseIndices = input.files.indices.filter { input.files[$0].role == .base }
        guard let firstBase = baseIndices.first else { return }
        for index in migrations.indices where index != firstBase {
            let earlier: [Int]
            switch migrations[index].role {
            case .base: earlier = baseIndices.filter { $0 < index }
            case .overlay: earlier = baseIndices
            case .full: continue
            }
            guard !earlier.isEmpty else { continue }
            let before = HelmMerge.merge(earlier.map { input.files[$0].document.root })
            let after = HelmMerge.merge(earlier.map { migrations[$0].root })
            let source = earlier.map { input.files[$0].relativePath }.joined(separator: " + ")
            let what = migrations[index].role == .base ? "the earlier base files'" : "the base file's"
            carry(from: before, after, source: source, earlier: earlier, into: index, input, &migrations, replaced: what)
        }
        noteReplacedBaseLists(baseIndices, &migrations)
    }

    /// An earlier base file's list that a later base file's list replaces reaches no pod: the report says which
    /// file's list wins, so that nobody edits the unused one.
    private static func noteReplacedBaseLists(_ baseIndices: [Int], _ migrations: inout [FileMigration]) {
        for list in carriedLists {
            let defining = baseIndices.filter { migrations[$0].root.node(at: "orchestration.\(list)") != nil }
            guard let winner = defining.last else { continue }
            for index in defining.dropLast() {
                let location = migrations[index].root.node(at: "orchestration.\(list)")?.location
                migrations[index].note("orchestration.\(list)", .review, "R31", location,
                                       "\(migrations[winner].file) also defines orchestration.\(list) and comes later, so its list replaces this one (Helm replaces lists); the entries the rules add here are carried there: edit the list in \(migrations[winner].file)")
            }
        }
    }

    /// Where the init containers the 8.7 pods run are written in `values` (merged 8.7 values): the broker's and the
    /// gateway's `coalesce initContainers extraInitContainers`, Operate's and Tasklist's `initContainers` (CHART 12.7.6
    /// `zeebe/statefulset.yaml`, `zeebe-gateway/deployment.yaml`, `operate/deployment.yaml`, `tasklist/deployment.yaml`).
    static func runningInitContainers(_ values: ValuesNode) -> Set<SourceLocation> {
        var result = Set<SourceLocation>()
        for block in contributingBlocks {
            let own = values.node(at: "\(block).initContainers")?.items ?? []
            let list = own.isEmpty && block.hasPrefix("zeebe") ? values.node(at: "\(block).extraInitContainers")?.items ?? [] : own
            result.formUnion(list.compactMap(\.value.location))
        }
        return result
    }

    /// The names a file's 8.7 `zeebeGateway.env` sets and its `zeebe.env` does not, other than the `ZEEBE_GATEWAY_*`
    /// that R14 renames.
    static func gatewayOnlyNames(_ root: ValuesNode) -> Set<String> {
        let gateway = (root.node(at: "zeebeGateway.env")?.items ?? []).compactMap(\.value.envName).filter { !$0.hasPrefix("ZEEBE_GATEWAY_") && !$0.hasPrefix("ZEEBE_BROKER_GATEWAY_") }
        guard !gateway.isEmpty else { return [] }
        return Set(gateway).subtracting((root.node(at: "zeebe.env")?.items ?? []).compactMap(\.value.envName))
    }

    /// `own` without the gateway's entries of `names`, which the earlier files' broker entries (`brokers`) replace:
    /// the R13 note that said they moved goes, and one that differs from the broker's is a review (no value printed).
    private static func dropGatewayEntries(_ own: [ValuesItem], _ names: Set<String>, brokers: [ValuesItem], in migration: inout FileMigration) -> [ValuesItem] {
        own.filter { item in
            guard let name = item.value.envName, names.contains(name) else { return true }
            let path = "orchestration.env[\(name)]", location = item.value.location
            migration.changes.removeAll { $0.path == path && $0.rule == "R13" && $0.source == location }
            if let broker = brokers.last(where: { $0.value.envName == name }), !item.value.isEquivalent(to: broker.value) {
                let place = broker.value.location.map { " (\($0.file):\($0.line):\($0.column))" } ?? ""
                migration.note(path, .review, "R13", location,
                               "zeebeGateway.env \(name) differs from the base file's zeebe.env entry\(place); the broker's entry is kept, as the 8.8 orchestration pods are the brokers' StatefulSet, and the gateway's, which ran in the 8.7 gateway pods only, is dropped: check whether the embedded gateway needs it")
            }
            return false
        }
    }

    /// The 8.7 blocks whose lists become `orchestration.<list>` in 8.8.
    static let contributingBlocks = ["zeebe", "zeebeGateway", "operate", "tasklist"]

    /// The 8.7 backup repository entries R21 unites into `CAMUNDA_DATA_BACKUP_REPOSITORYNAME`, by block.
    static let backupRepositoryEntries = [("operate", "CAMUNDA_OPERATE_BACKUP_REPOSITORYNAME"), ("tasklist", "CAMUNDA_TASKLIST_BACKUP_REPOSITORYNAME")]

    private static func carry(from before: ValuesNode, _ after: ValuesNode, source: String, earlier: [Int], into index: Int,
                              _ input: ValuesInput, _ migrations: inout [FileMigration], replaced what: String) {
        for list in carriedLists {
            // An 8.7 list of the receiving file replaced the earlier files' list of the same block: their entries
            // reached no pod in 8.7 and must not come back in 8.8 (found by the source position the rules keep).
            let replacedBlocks = contributingBlocks.filter { input.files[index].document.root.node(at: "\($0).\(list)") != nil }
            var dead = Set(replacedBlocks
                .flatMap { block in earlier.flatMap { input.files[$0].document.root.node(at: "\(block).\(list)")?.items ?? [] } }
                .compactMap(\.value.location))
            // R21 unites Operate's and Tasklist's backup repository entries into one, placed where the first of them
            // is written: it is alive while either 8.7 entry still reaches its pod.
            if list == "env" {
                let backups = backupRepositoryEntries.map { block, name in
                    (replaced: replacedBlocks.contains(block),
                     items: earlier.flatMap { input.files[$0].document.root.node(at: "\(block).env")?.items ?? [] }.filter { $0.value.envName == name })
                }
                if backups.contains(where: { !$0.replaced && !$0.items.isEmpty }) {
                    dead.subtract(backups.flatMap(\.items).compactMap(\.value.location))
                }
            }
            // The 12.x chart runs `coalesce initContainers extraInitContainers` of the broker and of the gateway over
            // the merged values (CHART 12.7.6 `zeebe/statefulset.yaml`, `zeebe-gateway/deployment.yaml`): the earlier
            // files' entries this file's lists kept from running (its `zeebe.initContainers` over their
            // `zeebe.extraInitContainers`, or its own `extraInitContainers` replacing theirs) are dead too.
            if list == "initContainers" {
                let running = runningInitContainers(HelmMerge.merge(earlier.map { input.files[$0].document.root } + [input.files[index].document.root]))
                for block in contributingBlocks {
                    for key in ["initContainers", "extraInitContainers"] {
                        for item in earlier.flatMap({ input.files[$0].document.root.node(at: "\(block).\(key)")?.items ?? [] }) {
                            if let location = item.value.location, !running.contains(location) { dead.insert(location) }
                        }
                    }
                }
            }
            guard let added = after.node(at: "orchestration.\(list)")?.items,
                  var own = migrations[index].root.node(at: "orchestration.\(list)")?.items else { continue }
            // When the overlay had its own 8.7 `zeebe.<list>`, that list already replaced the base's in 8.7: only
            // what the rules add is carried. When its 8.8 list comes from other blocks (`zeebeGateway.env` in the
            // overlay), the base's whole list must be carried, or the region loses it.
            let overlayHadOwn = input.files[index].document.root.node(at: "zeebe.\(list)") != nil
            let original = overlayHadOwn ? (before.node(at: "zeebe.\(list)")?.items ?? []) : []
            let originalNames = Set(original.compactMap(\.value.envName)), ownNames = Set(own.compactMap(\.value.envName))
            // The earlier files' broker entries whose name this file sets only in its 8.7 zeebeGateway.env (under a
            // name R14 does not rename): the broker's entry wins in the orchestration pods, the brokers'
            // StatefulSet, as within one file (`FileMigration.gatewayEntriesJoining`).
            let brokerWins = list == "env" ? Self.gatewayOnlyNames(input.files[index].document.root) : []
            let brokerLocations = brokerWins.isEmpty ? [] : Set((before.node(at: "zeebe.env")?.items ?? []).compactMap(\.value.location))
            var overridden: Set<String> = []
            let missing = added.filter { item in
                if let location = item.value.location, dead.contains(location) { return false }
                if list == "env", let name = item.value.envName {
                    if brokerWins.contains(name), let location = item.value.location, brokerLocations.contains(location) {
                        overridden.insert(name)
                        return true
                    }
                    let fromZeebe = originalNames.contains(name) || (name == "CAMUNDA_DATA_SNAPSHOTPERIOD" && originalNames.contains("ZEEBE_BROKER_DATA_SNAPSHOTPERIOD"))
                    return !fromZeebe && !ownNames.contains(name)
                }
                return !original.contains { $0.value.isEquivalent(to: item.value) } && !own.contains { $0.value.isEquivalent(to: item.value) }
            }
            guard !missing.isEmpty else { continue }
            if !overridden.isEmpty {
                own = dropGatewayEntries(own, overridden, brokers: missing, in: &migrations[index])
            }
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
                                      source: "\(source) orchestration.\(list)")
            var orchestration = migration.loadOrchestration()
            orchestration.set(list, .sequence(merged))
            migration.store(orchestration)
            // The list now holds what the earlier files' list gave the region: the migration's own "copy the complete
            // list here" is done (a new-user trial found the report asking for what it listed as added).
            migration.changes.removeAll { $0.path == "orchestration.\(list)" && $0.rule == "R31" && $0.kind == .review
                && $0.message.hasPrefix("this region file now defines orchestration.\(list),") }
            for item in missing {
                let name = item.value.envName ?? item.value["name"]?.text ?? item.value["mountPath"]?.text ?? "entry"
                migration.note("orchestration.\(list)[\(name)]", .added, "R31", item.value.location,
                               "\(name) added to this file's orchestration.\(list) too: the list replaces \(what), and the rules add this entry there")
            }
            migrations[index] = migration
        }
    }
}
