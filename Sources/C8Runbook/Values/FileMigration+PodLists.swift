import Foundation

/// The pod lists of the 8.7 blocks that become one `orchestration` list (rules.md R13, R22): volumes, mounts,
/// init containers and sidecars. Kubernetes rejects a pod with two volumes (or containers) of one name or two mounts
/// on one path, so identical entries become one and conflicting ones stop the tool.
extension FileMigration {
    /// The field whose value must be unique in a pod list, or nil when only identical entries are merged (`envFrom`).
    static func uniqueField(of list: String) -> String? {
        switch list {
        case "extraVolumes", "initContainers", "extraInitContainers", "sidecars", "extraPorts": "name"
        case "extraVolumeMounts": "mountPath"
        default: nil
        }
    }

    /// The unique value of an entry: a mount path without its trailing slash (`/etc/tls/` and `/etc/tls` are one
    /// directory), a name as written.
    static func uniqueValue(of item: ValuesNode, field: String) -> String? {
        guard let text = item[field]?.text else { return nil }
        guard field == "mountPath", text.count > 1, text.hasSuffix("/") else { return text }
        return String(text.dropLast())
    }

    /// `existing` followed by the entries of `added` it does not already hold. An entry with the unique field of an
    /// existing one but another definition is recorded as a problem naming both places.
    /// - Parameters: `list` is the chart key (`extraVolumes`); `target` and `source` are the key paths named in messages.
    mutating func mergeList(_ existing: [ValuesItem], _ added: [ValuesItem], list: String, target: String, source: String) -> [ValuesItem] {
        var result = existing
        let field = Self.uniqueField(of: list)
        for item in added {
            if result.contains(where: { $0.value.isEquivalent(to: item.value) }) {
                let what = field.flatMap { Self.uniqueValue(of: item.value, field: $0) }.map { " '\($0)'" } ?? ""
                note(target, .moved, nil, item.value.location, "\(source) entry\(what) is identical to one already in \(target); kept once")
                continue
            }
            if let field, let value = Self.uniqueValue(of: item.value, field: field),
               let clash = result.first(where: { Self.uniqueValue(of: $0.value, field: field) == value }) {
                let here = item.value.location ?? SourceLocation(file: file, line: 1, column: 1)
                let there = clash.value.location.map { " at \($0)" } ?? ""
                let what = field == "mountPath" ? "mounts on the path '\(value)'" : "\(list == "extraVolumes" ? "volume" : "container") named '\(value)'"
                problems.append(.invalid(here, message: "\(source) \(what) conflicts with the one in \(target)\(there) (a different definition); in 8.8 both land in one pod, which Kubernetes rejects: make the two identical or rename one"))
                continue
            }
            result.append(item)
        }
        return result
    }

    /// Where a block's 8.7 `extraInitContainers` go in 8.8. The 12.x chart runs `coalesce initContainers
    /// extraInitContainers` of the broker and of the gateway, each on its own (CHART 12.7.6 `zeebe/statefulset.yaml`,
    /// `zeebe-gateway/deployment.yaml`); the 13.x chart the same coalesce over `orchestration` once (CHART 13.12.7
    /// `orchestration/statefulset.yaml`, `importer-deployment.yaml`). So the entries that ran (the block had no
    /// `initContainers`) join `orchestration.initContainers`, where the other blocks' init containers are; under
    /// `orchestration.extraInitContainers` next to them they would run in no 8.8 pod. The entries the block's own
    /// `initContainers` kept from running in 8.7 stay in `orchestration.extraInitContainers`, as unused as they were.
    /// `own` is the file's own 8.7 `<block>.initContainers` node, nil when the file does not set it (then the earlier
    /// files' list is the one Helm merges, `inheritedInitContainers`).
    mutating func initContainersKey(of block: String, own: ValuesNode?, at location: SourceLocation?) -> String {
        let running = own.map { $0.items ?? [] } ?? inheritedInitContainers[block] ?? []
        guard running.isEmpty else {
            let whose = own == nil ? "the base file's \(block).initContainers" : "\(block).initContainers"
            note("orchestration.extraInitContainers", .review, "R13", location,
                 "\(block).extraInitContainers did not run in 8.7 (the chart runs \(whose) instead, Helm merging the files) and stays in orchestration.extraInitContainers, where it does not run in 8.8 either; move its entries to orchestration.initContainers if you want them")
            return "extraInitContainers"
        }
        note("orchestration.initContainers", .changed, "R13", location,
             "\(block).extraInitContainers (deprecated in 12.x) joins orchestration.initContainers: the 13.x chart runs orchestration.extraInitContainers only when orchestration.initContainers is empty")
        return "initContainers"
    }

    /// `zeebe` became `orchestration` with its keys: the broker's `extraInitContainers` that ran in 8.7 (no
    /// `initContainers` beside it) are written as `orchestration.initContainers`, where the gateway's and the web apps'
    /// init containers join them (see `initContainersKey`).
    mutating func renameBrokerInitContainers(_ orchestration: inout ValuesNode, zeebe: ValuesNode) {
        guard let entry = zeebe.entry("extraInitContainers"), entry.value.items?.isEmpty == false,
              orchestration.index(of: "extraInitContainers") != nil, case var .mapping(entries) = orchestration.content else { return }
        guard initContainersKey(of: "zeebe", own: zeebe["initContainers"], at: entry.keyLocation) == "initContainers" else { return }
        entries.removeAll { $0.key == "initContainers" && $0.value.items?.isEmpty ?? true }
        guard let moved = entries.firstIndex(where: { $0.key == "extraInitContainers" }) else { return }
        entries[moved].key = "initContainers"
        entries[moved].keySpelling = nil
        orchestration.content = .mapping(entries)
    }

    /// R15 for cluster TLS: the importer and the data-migration Job join the cluster as standalone gateways, so they
    /// need the certificate the 8.7 gateway mounted, on their own lists (`orchestration.importer.*`,
    /// `orchestration.migration.data.*`; CHART 13.10.2 `importer-deployment.yaml`, `migration-data-job.yaml`;
    /// camunda-platform-helm#6058, PR #6281, `test/.../features/zeebe-tls.yaml` at f3dba5bd; camunda-docs PR #8977).
    mutating func addMigrationPodSecurity() {
        let security = clusterSecurity.isEmpty && !gatewayMounts.isEmpty ? inheritedClusterSecurity : clusterSecurity
        guard stage == .migration, !security.isEmpty else { return }
        var mounts: [ValuesItem] = []
        var volumes: [ValuesItem] = []
        for item in security {
            guard let name = item.value.envName, let path = item.value["value"]?.text, path.hasPrefix("/") else { continue }
            let covering = gatewayMounts.filter { mount in
                guard let mountPath = Self.uniqueValue(of: mount.value, field: "mountPath") else { return false }
                return path == mountPath || path.hasPrefix(mountPath == "/" ? "/" : mountPath + "/")
            }
            if covering.isEmpty, !otherFilesMountGatewayVolumes {
                note("orchestration.importer.extraVolumeMounts", .review, "R15", item.value.location,
                     "\(name) points at '\(path)', which no zeebeGateway.extraVolumeMounts entry provides; make sure the migration importer and Job can read it")
            }
            for mount in covering where !mounts.contains(where: { $0.value.isEquivalent(to: mount.value) }) {
                mounts.append(mount)
                guard let volumeName = mount.value["name"]?.text else { continue }
                if let volume = gatewayVolumes.first(where: { $0.value["name"]?.text == volumeName }) {
                    if !volumes.contains(where: { $0.value.isEquivalent(to: volume.value) }) { volumes.append(volume) }
                } else {
                    note("orchestration.importer.extraVolumes", .review, "R15", mount.value.location,
                         "the mount of '\(volumeName)' is copied to the importer and the Job, but zeebeGateway.extraVolumes does not define that volume; add it to orchestration.importer.extraVolumes and orchestration.migration.data.extraVolumes")
                }
            }
        }
        guard !mounts.isEmpty else { return }
        var orchestration = loadOrchestration()
        for (block, label) in [("importer", "orchestration.importer"), ("migration.data", "orchestration.migration.data")] {
            var node = orchestration.node(at: block) ?? .mapping([])
            for (list, added) in [("extraVolumes", volumes), ("extraVolumeMounts", mounts)] where !added.isEmpty {
                let copies = added.map { item -> ValuesItem in var copy = item; copy.leading = []; copy.trailingComment = nil; return copy }
                let merged = mergeList(node[list]?.items ?? [], copies, list: list, target: "\(label).\(list)", source: "zeebeGateway.\(list)")
                node.set(list, .sequence(merged))
                note("\(label).\(list)", .added, "R15", added.first?.value.location,
                     "\(label).\(list): the cluster TLS certificate of zeebeGateway.\(list) for the \(block == "importer" ? "migration importer" : "data-migration Job"), a standalone gateway; remove after the migration (--stage final)")
            }
            orchestration.set(path: block, node)
        }
        store(orchestration)
    }

    /// Init containers run in the orchestration pods and in the migration importer (CHART `importer-deployment.yaml`
    /// uses `orchestration.initContainers`): one pinned to an 8.7 image is worth a look.
    mutating func reviewInitContainers() {
        for list in ["initContainers", "extraInitContainers", "sidecars"] {
            for item in root.node(at: "orchestration.\(list)")?.items ?? [] {
                guard let image = item.value["image"]?.text,
                      image.range(of: #"camunda/(zeebe|operate|tasklist|camunda)[^:]*:8\.[0-7](\.|$|-)"#, options: .regularExpression) != nil
                        || image.range(of: #":8\.7(\.|$|-)"#, options: .regularExpression) != nil else { continue }
                note("orchestration.\(list)[\(item.value["name"]?.text ?? "?")]", .review, nil, item.value["image"]?.location ?? item.value.location,
                     "this container is pinned to an 8.7 image ('\(image)'); in 8.8 it runs beside the 8.8 Orchestration Cluster\(list == "sidecars" ? "" : " and in the migration importer"): check it still fits")
            }
        }
    }
}
