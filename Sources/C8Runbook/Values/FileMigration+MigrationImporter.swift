import Foundation

/// R15 for the migration importer's pod: what it needs of the orchestration pods' lists, which the 13.x chart does not
/// give it (field-case kind 3). Run after the base files' entries are carried into each file's lists.
extension FileMigration {
    /// Every copy the importer needs.
    mutating func addMigrationImporterLists() {
        guard stage == .migration else { return }
        addImporterEnvFrom()
        addImporterVolumes()
    }

    /// The 13.x importer reads `orchestration.env` but not `orchestration.envFrom`: its container imports only the
    /// chart's own ConfigMaps and `orchestration.importer.envFrom` (CHART 13.12.7
    /// `orchestration/importer-deployment.yaml`). What the 8.7 broker and gateway imported there (`zeebe.envFrom`,
    /// `zeebeGateway.envFrom`: cluster settings, the gateway's `ZEEBE_GATEWAY_CLUSTER_*` that the importer, a
    /// standalone gateway, reads under that prefix) never reached it. During the migration this file's effective
    /// `orchestration.envFrom` (after the base files' entries are carried into it) is copied to
    /// `orchestration.importer.envFrom`, unless the team set that; the final stage writes none. The data migration
    /// Job has no envFrom in 13.x (`migration-data-job.yaml`): init's warning says so.
    private mutating func addImporterEnvFrom() {
        guard let orchestration = root.node(at: "orchestration"),
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

    /// The 13.x importer runs `orchestration.initContainers` (`coalesce initContainers extraInitContainers`) and
    /// `orchestration.javaOpts` (its `JAVA_TOOL_OPTIONS`) with `orchestration.env`, but mounts only the chart's volumes
    /// and `orchestration.importer.extraVolumes` / `extraVolumeMounts` (CHART 13.12.7
    /// `orchestration/importer-deployment.yaml`). An init container that fills a volume of `orchestration.extraVolumes`
    /// (a Java agent copied into an emptyDir, then `-javaagent:/agents/…` in javaOpts: a common way to add one)
    /// rendered in an importer pod without that volume, which Kubernetes refuses ("volumeMounts[0].name: Not found"),
    /// and a JVM option naming a file on a mount the importer lacks stops its JVM. During the migration the
    /// importer gets the volumes its init containers mount and the mounts (with their volumes) under which
    /// `javaOpts` or a `JAVA_TOOL_OPTIONS` / `JAVA_OPTS` entry names a file; the broker's own settings
    /// (`ZEEBE_BROKER_*`) it does not read, and the gateway's cluster TLS certificate is `addMigrationPodSecurity`'s.
    /// An entry already there is kept once; one whose name or path the importer's list holds with another definition
    /// stays out, with a review.
    private mutating func addImporterVolumes() {
        guard let orchestration = root.node(at: "orchestration") else { return }
        let volumes = orchestration["extraVolumes"]?.items ?? [], mounts = orchestration["extraVolumeMounts"]?.items ?? []
        guard !volumes.isEmpty || !mounts.isEmpty else { return }
        let initContainers = orchestration["initContainers"]?.items.flatMap { $0.isEmpty ? nil : $0 } ?? orchestration["extraInitContainers"]?.items ?? []
        var names = Set(initContainers.flatMap { $0.value["volumeMounts"]?.items ?? [] }.compactMap { $0.value["name"]?.text })
        var jvm = [orchestration["javaOpts"]?.text].compactMap { $0 }
        for item in orchestration["env"]?.items ?? [] where item.value.envName == "JAVA_TOOL_OPTIONS" || item.value.envName == "JAVA_OPTS" {
            if let text = item.value["value"]?.text { jvm.append(text) }
        }
        let neededMounts = mounts.filter { mount in
            guard let path = mount.value["mountPath"]?.text, path.hasPrefix("/"), path != "/" else { return false }
            return jvm.contains { text in
                var rest = Substring(text)
                while let range = rest.range(of: path) {
                    let next = rest[range.upperBound...].first
                    if next == nil || next == "/" || next == " " || next == ":" || next == "," || next == "=" { return true }
                    rest = rest[range.upperBound...]
                }
                return false
            }
        }
        names.formUnion(neededMounts.compactMap { $0.value["name"]?.text })
        var importer = orchestration["importer"] ?? .mapping([])
        var changed = false
        for (list, field, wanted) in [("extraVolumes", "name", volumes.filter { $0.value["name"]?.text.map(names.contains) == true }),
                                      ("extraVolumeMounts", "mountPath", neededMounts)] where !wanted.isEmpty {
            var result = importer[list]?.items ?? []
            var added = 0
            for item in wanted where !result.contains(where: { $0.value.isEquivalent(to: item.value) }) {
                if let value = item.value[field]?.text, result.contains(where: { $0.value[field]?.text == value }) {
                    note("orchestration.importer.\(list)", .review, "R15", item.value.location,
                         "orchestration.\(list) '\(value)' is not copied to the migration importer: orchestration.importer.\(list) already holds another entry of that \(field); check which one the importer needs")
                    continue
                }
                var copy = item
                copy.leading = []
                copy.trailingComment = nil
                result.append(copy)
                added += 1
            }
            guard added > 0 else { continue }
            importer.set(list, .sequence(result))
            changed = true
            note("orchestration.importer.\(list)", .added, "R15", wanted.first?.value.location,
                 "orchestration.importer.\(list): the \(list == "extraVolumes" ? "volumes the init containers or JVM options" : "mounts the JVM options") of the orchestration pods need, for the migration importer, which runs their init containers and javaOpts but mounts only its own lists; remove after the migration (--stage final)")
        }
        guard changed else { return }
        var updated = orchestration
        updated.set("importer", importer)
        store(updated)
    }
}
