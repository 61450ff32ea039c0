import Foundation

/// `orchestration.env`: the 8.7 zeebe list with the rules applied in place, the Camunda Exporters after the legacy
/// ones, then the web apps' and the gateway's entries (rules.md R14, R15, R17, R18, R21, R23, R53, R55).
extension FileMigration {
    private static let exporterPrefix = "ZEEBE_BROKER_EXPORTERS_"
    private static let legacyClassNames: Set<String> = [
        "io.camunda.zeebe.exporter.ElasticsearchExporter", "io.camunda.zeebe.exporter.opensearch.OpensearchExporter",
    ]

    /// The env segments of the 8.7 exporters: the scenario's, and any env exporter with a legacy class name.
    /// `names` are the items' `envName`s, read once by the caller.
    private func legacySegments(_ items: [ValuesItem], names: [String?]) -> Set<String> {
        var segments = Set(scenario.exporters.legacy.map(\.segment))
        for (index, name) in names.enumerated() {
            guard let name, let segment = ScenarioInference.exporterID(classVariable: name),
                  let value = items[index].value["value"]?.text, Self.legacyClassNames.contains(value) else { continue }
            segments.insert(segment)
        }
        return segments
    }

    private static func segment(of name: String, in segments: Set<String>) -> String? {
        guard name.hasPrefix(exporterPrefix) else { return nil }
        let rest = name.dropFirst(exporterPrefix.count)
        return segments.first { rest.hasPrefix($0 + "_") }
    }

    private static func item(_ name: String, _ value: String, comment: String? = nil) -> ValuesItem {
        var item = ValuesItem(.mapping([ValuesEntry("name", .string(name)), ValuesEntry("value", .string(value))]))
        if let comment {
            item.leading = FileMigration.comment(comment)
            item.sourceIndent = 0
        }
        return item
    }

    mutating func migrateEnv() {
        let existing = root.node(at: "orchestration.env")?.items
        let addsExporters = scenario.isManual && (hasOwnEnv || carriesSharedConfiguration)
        guard existing != nil || addsExporters || !componentEnv.isEmpty || !gatewayEnv.isEmpty || !backupItems.isEmpty else { return }
        let items = existing ?? []
        // Each item's name, read once: the list is walked by index and an item is copied only into the result (on a
        // long env list, reading every name and copying every item again in each step was most of the migration).
        let names = items.envNames
        let segments = legacySegments(items, names: names)
        var result: [ValuesItem] = []
        result.reserveCapacity(items.count)
        // The result's names, kept in step with it (each item appended is one whose name is known): reading them
        // again from the result was one more pass over a long list, copying each item's name node.
        var resultNames: [String?] = []
        resultNames.reserveCapacity(items.count)
        var exporterPosition: Int?
        // The exporter names kept: every Camunda Exporter item added below has such a name.
        var keptExporterNames = Set<String>()

        for index in items.indices {
            let name = names[index] ?? "?"
            // Every name the rules below look at starts with ZEEBE_ (and `hasPrefix` matching one means its bytes
            // start so): another name is kept as written without being compared with each.
            guard name.utf8.starts(with: "ZEEBE_".utf8) else {
                result.append(items[index])
                resultNames.append(names[index])
                continue
            }
            if name == "ZEEBE_BROKER_DATA_SNAPSHOTPERIOD" {
                var item = items[index]
                item.value.set("name", renamedNode("CAMUNDA_DATA_SNAPSHOTPERIOD", item))
                note("orchestration.env[CAMUNDA_DATA_SNAPSHOTPERIOD]", .renamed, "R23", item.value.location, "ZEEBE_BROKER_DATA_SNAPSHOTPERIOD renamed to CAMUNDA_DATA_SNAPSHOTPERIOD (direct mapping; the legacy name would be overridden by the chart's default)")
                result.append(item)
                resultNames.append(item.value.envName)
                continue
            }
            let at = { items[index].value.location }
            if Self.segment(of: name, in: segments) != nil {
                let path = "orchestration.env[\(name)]"
                if stage == .final, !scenario.optimize {
                    note(path, .removed, "R53", at(), "\(name) removed: the legacy exporter is disabled through the management API first (R52), then its configuration goes")
                    if items[index].leading.contains(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }) {
                        note(path, .commentLost, nil, at(), "the comment above \(name) went with the removed entry")
                    }
                    exporterPosition = result.count
                    continue
                }
                note(path, .kept, stage == .final ? "R57" : "R17", at(), stage == .final
                     ? "\(name) kept: Optimize still reads the legacy exporter's indices"
                     : "\(name) kept unchanged during the migration (same segment, so the exporter continues from its position)")
                result.append(items[index])
                resultNames.append(names[index])
                keptExporterNames.insert(name)
                exporterPosition = result.count
                continue
            } else if name.hasPrefix("ZEEBE_BROKER_DATA_DISKUSAGE") {
                note("orchestration.env[\(name)]", .kept, nil, at(), "\(name) kept as written; Camunda's 8.8 reference drops it for the 13.x free-space defaults (not a migration rule, rules.md §D17)")
            } else if name.hasPrefix("ZEEBE_LOG_") {
                note("orchestration.env[\(name)]", .kept, nil, at(), "\(name) kept as written; Camunda's 8.8 reference drops it (not a migration rule, rules.md §D18)")
            } else if name == "ZEEBE_BROKER_BACKPRESSURE_AIMD_REQUESTTIMEOUT" {
                note("orchestration.env[\(name)]", .kept, nil, at(), "\(name) kept as written; Camunda's 8.8 reference drops it (not a migration rule, rules.md §D19)")
            } else if name == "ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION", stage == .final {
                note("orchestration.env[\(name)]", .removed, "R55", at(), "\(name) removed: only the migration importer needed the old prefix")
                continue
            } else if name.hasPrefix("ZEEBE_BROKER_") {
                note("orchestration.env[\(name)]", .moved, "R11", at(), "\(name) moved to orchestration.env unchanged (broker names stay)")
            }
            result.append(items[index])
            resultNames.append(names[index])
            if name.hasPrefix(Self.exporterPrefix) { keptExporterNames.insert(name) }
        }

        if addsExporters {
            // Every added item has an exporter name (`camundaExporterItems` names each): the names kept say which are new.
            let camunda = camundaExporterItems(items, names: names, segments: segments).filter { !keptExporterNames.contains($0.value.envName!) }
            resultNames.insert(contentsOf: camunda.envNames, at: exporterPosition ?? result.count)
            result.insert(contentsOf: camunda, at: exporterPosition ?? result.count)
        }

        var tail: [ValuesItem] = []
        if let first = backupItems.first {
            var unified = first
            let value = scenario.backupRepository ?? first.value["value"]?.text ?? ""
            if first.value["value"]?.text != value { unified.value.set("value", .string(value)) }
            unified.value.set("name", renamedNode("CAMUNDA_DATA_BACKUP_REPOSITORYNAME", first))
            tail.append(unified)
            let values = Set(backupItems.compactMap { $0.value["value"]?.text })
            for old in backupItems {
                note("orchestration.env[CAMUNDA_DATA_BACKUP_REPOSITORYNAME]", .renamed, "R21", old.value.location,
                     "\(old.value.envName ?? "?") replaced by one CAMUNDA_DATA_BACKUP_REPOSITORYNAME (8.8 uses one repository for Operate and Tasklist)")
            }
            if values.count > 1 {
                note("orchestration.env[CAMUNDA_DATA_BACKUP_REPOSITORYNAME]", .review, "R21", first.value.location,
                     "Operate and Tasklist used different backup repositories; 8.8 needs one: check the name kept")
            }
        }
        tail += componentEnv + gatewayEntriesJoining(result, names: resultNames)
        result += tail
        resultNames += tail.envNames
        assert(resultNames == result.envNames, "migrateEnv: the names kept in step with the result are not its names")
        if carriesSharedConfiguration || hasOwnEnv { ensureCompression(&result, names: &resultNames) }
        dropDuplicates(&result, names: resultNames)

        if case .overlay = role, existing != nil {
            note("orchestration.env", .review, "R31", root.node(at: "orchestration.env")?.location,
                 "this region file has its own env list, which replaces the base file's whole orchestration.env: check that it also holds the entries the base file's zeebeGateway, operate and tasklist blocks contributed")
        }
        if role != .base, carriesSharedConfiguration == false, existing == nil, !result.isEmpty {
            note("orchestration.env", .review, "R31", nil, "this region file now defines orchestration.env, which replaces the base file's whole list: copy the complete list here")
        }
        var orchestration = loadOrchestration()
        orchestration.set("env", .sequence(result))
        store(orchestration)
    }

    private func renamedNode(_ name: String, _ item: ValuesItem) -> ValuesNode {
        var node = ValuesNode.string(name)
        node.location = item.value["name"]?.location
        return node
    }

    /// R18: one Camunda Exporter per storage, pointing where the legacy exporter of that region points.
    /// `names` are the items' `envName`s; the last item of each exporter name (the one Kubernetes gives the
    /// container when a name is written twice, and the one the verifier expects) is found in one pass.
    private mutating func camundaExporterItems(_ items: [ValuesItem], names: [String?], segments: Set<String>) -> [ValuesItem] {
        var lastExporterItem: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            guard let name, name.hasPrefix(Self.exporterPrefix) else { continue }
            lastExporterItem[name] = index
        }
        func entry(_ name: String) -> ValuesItem? { lastExporterItem[name].map { items[$0] } }
        var result: [ValuesItem] = []
        for exporter in scenario.camundaExporters {
            let legacy = scenario.exporters.legacy.first { exporter.region == nil || $0.region == exporter.region }
            let legacyURL = legacy.flatMap { entry("ZEEBE_BROKER_EXPORTERS_\($0.segment)_ARGS_URL")?.value["value"]?.text }
            // HOST:PORT, which the legacy exporters read as http (HttpHost.create), is written with that scheme for
            // the Camunda Exporter: the same storage for HttpHost.create, and a connector that parses its url with
            // java.net.URI (camunda/camunda's search connectors build HttpHost from URI's host, port and scheme)
            // would read 'HOST' as a scheme and find no host.
            let url = ScenarioInference.withImpliedScheme(legacyURL ?? exporter.url)
            if let legacyURL, !ScenarioInference.sameStorage(legacyURL, exporter.url) {
                note("orchestration.env[ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_ARGS_CONNECT_URL]", .review, "R18",
                     entry("ZEEBE_BROKER_EXPORTERS_\(legacy!.segment)_ARGS_URL")?.value.location,
                     "the scenario's storage URL differs from the legacy exporter's ARGS_URL; the Camunda Exporter uses the legacy exporter's URL, as the guide asks")
            }
            let region = exporter.region.map { "region \($0)" } ?? "the shared storage"
            var group = [
                Self.item("ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_CLASSNAME", CamundaExporter.className,
                          comment: "Camunda Exporter for \(region) (rules.md R18)"),
                Self.item("ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_ARGS_CONNECT_URL", url),
            ]
            if scenario.secondaryStorage.type == .opensearch {
                group.append(Self.item("ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_ARGS_CONNECT_TYPE", "opensearch"))
            }
            if let legacy {
                for (old, new) in [("USERNAME", "USERNAME"), ("PASSWORD", "PASSWORD")] {
                    guard var credential = entry("ZEEBE_BROKER_EXPORTERS_\(legacy.segment)_ARGS_AUTHENTICATION_\(old)") else { continue }
                    credential.leading = []
                    credential.value.set("name", .string("ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_ARGS_CONNECT_\(new)"))
                    group.append(credential)
                }
            }
            for added in group {
                note("orchestration.env[\(added.value.envName!)]", .added, "R18", nil, "Camunda Exporter \(exporter.id) for \(region)")
            }
            result += group
        }
        return result
    }

    /// R14/R15: the scenario's compression in all three variables (the old prefix only during the migration).
    /// `names` are the items' `envName`s (kept in step with `items`).
    private mutating func ensureCompression(_ items: inout [ValuesItem], names: inout [String?]) {
        guard scenario.compressionEnabled else { return }
        let value = scenario.messageCompression.rawValue
        // In name order, with their rules.
        var wanted = [("ZEEBE_BROKER_CLUSTER_MESSAGECOMPRESSION", "R15"), ("ZEEBE_BROKER_GATEWAY_CLUSTER_MESSAGECOMPRESSION", "R14")]
        if stage == .migration { wanted.append(("ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION", "R15")) }
        // One pass over the names for all the wanted ones, each name compared (not hashed): most differ in length.
        var missing = [Bool](repeating: true, count: wanted.count), left = wanted.count
        for case let name? in names where left > 0 {
            if let found = wanted.indices.first(where: { missing[$0] && wanted[$0].0 == name }) {
                missing[found] = false
                left -= 1
            }
        }
        for (index, (name, rule)) in wanted.enumerated() where missing[index] {
            items.append(Self.item(name, value))
            names.append(name)
            note("orchestration.env[\(name)]", .added, rule, nil, "\(name) added: the scenario sets messageCompression \(value)")
        }
    }

    /// The gateway's env entries that join `orchestration.env` after the broker's. An entry the gateway kept its own
    /// name for (`JAVA_TOOL_OPTIONS`, a proxy, `TZ`: anything but `ZEEBE_GATEWAY_*`, which R14 renames) whose name
    /// the broker's list already sets does not: the 8.8 orchestration pods are the brokers' StatefulSet (their heap,
    /// disks and data), and the 8.7 gateway's value ran in the gateway pods only. Appended last, it was the one
    /// Kubernetes gives the container, so the brokers took the gateway's heap or proxy with only R31's "appeared
    /// twice". One identical to the broker's (as Helm reads it) goes without a word; one that differs is a review
    /// (its value is not printed: it may be a secret). Renamed `ZEEBE_BROKER_GATEWAY_*` entries are the embedded
    /// gateway's own settings and join as before. The gateway's `JAVA_TOOL_OPTIONS` never joins: the brokers' pods
    /// always set one from `javaOpts`, which it would replace (a review says so). `names` are the result's `envName`s.
    private mutating func gatewayEntriesJoining(_ result: [ValuesItem], names: [String?]) -> [ValuesItem] {
        guard !gatewayEnv.isEmpty else { return [] }
        // The brokers' entries of the gateway's names only, the last of each: a name of another length (a count the
        // native string holds) is skipped without hashing it; a long env list had every name hashed into a table.
        let wanted = Set(gatewayEnv.compactMap(\.value.envName))
        let lengths = Set(wanted.map(\.utf8.count))
        var brokers: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let name, lengths.contains(name.utf8.count), wanted.contains(name) { brokers[name] = index }
        }
        var joining: [ValuesItem] = []
        for item in gatewayEnv {
            guard let name = item.value.envName, !name.hasPrefix("ZEEBE_GATEWAY_"), !name.hasPrefix("ZEEBE_BROKER_GATEWAY_") else {
                joining.append(item)
                continue
            }
            let path = "orchestration.env[\(name)]", location = item.value.location
            guard let broker = brokers[name] else {
                guard name == "JAVA_TOOL_OPTIONS" else {
                    joining.append(item)
                    continue
                }
                // The brokers always had a JAVA_TOOL_OPTIONS: the 12.x chart renders zeebe.javaOpts (or its default)
                // as one (CHART 12.7.6 zeebe/statefulset.yaml), the 13.x chart orchestration.javaOpts before
                // orchestration.env (CHART 13.12.7 orchestration/statefulset.yaml), so the gateway's entry, appended,
                // would replace the brokers' JVM options (heap, ExitOnOutOfMemoryError) in the 8.8 orchestration pods.
                changes.removeAll { $0.path == path && $0.rule == "R13" && $0.source == location }
                note(path, .review, "R13", location,
                     "zeebeGateway.env JAVA_TOOL_OPTIONS is not carried: in orchestration.env it would replace orchestration.javaOpts (the brokers' JVM options from zeebe.javaOpts or the chart's default, which the 13.x chart renders as JAVA_TOOL_OPTIONS before orchestration.env), so the brokers would run with the 8.7 gateway's JVM options; the gateway's ran in the 8.7 gateway pods only: check whether the embedded gateway needs any of them in orchestration.javaOpts")
                continue
            }
            // The R13 note said the entry moved; it does not.
            changes.removeAll { $0.path == path && $0.rule == "R13" && $0.source == location }
            if item.value.isEquivalent(to: result[broker].value) { continue }
            let place = result[broker].value.location.map { " (\($0.line):\($0.column))" } ?? ""
            note(path, .review, "R13", location,
                 "zeebeGateway.env \(name) differs from zeebe.env's\(place); the broker's entry is kept, as the 8.8 orchestration pods are the brokers' StatefulSet, and the gateway's, which ran in the 8.7 gateway pods only, is dropped: check whether the embedded gateway needs it")
        }
        return joining
    }

    /// One entry per name, the LAST of each: in a container's env list a later entry of a name overrides an earlier
    /// one (kubelet builds the environment in list order, `tmpEnv[envVar.Name] = runtimeVal`, kubernetes/kubernetes
    /// `pkg/kubelet/kubelet_pods.go` `makeEnvironmentVariables`), so the last is the value the 8.7 pod ran with.
    /// Each dropped earlier entry is a review item (its value is not printed: it may be a secret).
    /// `names` are the items' `envName`s.
    private mutating func dropDuplicates(_ items: inout [ValuesItem], names: [String?]) {
        var seen = Set<String>(minimumCapacity: items.count)
        var kept = [Bool](repeating: true, count: items.count)
        for index in items.indices.reversed() {
            guard let name = names[index] else { continue }
            kept[index] = seen.insert(name).inserted
        }
        guard kept.contains(false) else { return }
        for (index, item) in items.enumerated() where !kept[index] {
            let name = names[index] ?? "?"
            note("orchestration.env[\(name)]", .review, "R31", item.value.location,
                 "\(name) appeared twice in the merged orchestration.env; kept the last entry (the one Kubernetes uses) and dropped this earlier one: check the value")
        }
        items = items.enumerated().filter { kept[$0.offset] }.map(\.element)
    }
}
