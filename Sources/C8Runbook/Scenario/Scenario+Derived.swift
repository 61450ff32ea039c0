/// Facts the rules read off a scenario.
extension Scenario {
    public var isManual: Bool { exporters.management == .manual }
    public var isShared: Bool { secondaryStorage.layout == .shared }
    public var isSubchart: Bool { secondaryStorage.provisioning == .subchart }
    public var compressionEnabled: Bool { messageCompression != .none }

    /// `<release>-zeebe`: the 13.x chart keeps the 8.7 name "for backward compatibility" (rules.md §0 derived names).
    public var orchestrationName: String { "\(release)-zeebe" }
    public var importerName: String { "\(orchestrationName)-migration-importer" }
    public var dataMigrationJob: String { "\(orchestrationName)-migration-data" }
    public var identityMigrationJob: String { "\(orchestrationName)-migration-identity" }
    public var gatewayService: String { "\(orchestrationName)-gateway" }

    /// The actuator base path: empty unless `orchestration.contextPath` is set (R48).
    public var managementBase: String { contextPath ?? "" }

    /// The regions whose data migration runs: both with per-region storage, region 0 with a shared one (R20).
    public var migrationRegions: [Int] { isShared ? [0] : [0, 1] }

    /// The legacy exporter class for the storage type (rules.md V07).
    public var legacyClassName: String {
        switch secondaryStorage.type {
        case .elasticsearch: "io.camunda.zeebe.exporter.ElasticsearchExporter"
        case .opensearch: "io.camunda.zeebe.exporter.opensearch.OpensearchExporter"
        }
    }

    public var storageName: String {
        switch secondaryStorage.type {
        case .elasticsearch: "Elasticsearch"
        case .opensearch: "OpenSearch"
        }
    }

    /// The URL a legacy exporter writes to (its `_ARGS_URL`).
    public func url(of exporter: LegacyExporter) -> String {
        secondaryStorage.url(for: exporter.region ?? 0)
    }

    /// The runtime ids of the 8.7 exporters: the lower-cased segments, or the chart's own id (R52).
    public var legacyExporterIDs: [String] {
        isManual ? exporters.legacy.map(\.id) : [secondaryStorage.type.rawValue]
    }

    /// The Camunda Exporters to define by env: one per region, or one for a shared storage (R18, R19 inference).
    /// Helm-managed exporters define none: the chart adds `camundaexporter`.
    public var camundaExporters: [CamundaExporter] {
        guard isManual else { return [] }
        if isShared {
            return [CamundaExporter(segment: "CAMUNDASHARED", region: nil, url: secondaryStorage.sharedURL)]
        }
        return [0, 1].map { CamundaExporter(segment: "CAMUNDAREGION\($0)", region: $0, url: secondaryStorage.url(for: $0)) }
    }

    /// The runtime ids of the 8.8 exporters.
    public var camundaExporterIDs: [String] { isManual ? camundaExporters.map(\.id) : ["camundaexporter"] }

    /// Whether the target chart's image has the fix for disabled exporters flipping back to ENABLED (8.8.25, R53).
    public var targetHasExporterStateFix: Bool { targetHas(.exporterStaysDisabled) }

    /// Fields `c8runbook init` could not infer and left as `TODO-…` placeholders.
    public var placeholders: [(field: String, value: String)] {
        var fields: [(String, String)] = [("release", release), ("chart.from", chart.from)]
        for region in regions {
            fields.append(("regions[\(region.id)].kubeContext", region.kubeContext))
            fields.append(("regions[\(region.id)].namespace", region.namespace))
        }
        fields += secondaryStorage.urls.prefix(isShared ? 1 : 2).enumerated().map { ("secondaryStorage.urls[\($0.offset)]", $0.element) }
        var found = fields.filter { Self.mayHoldTodo($0.1) && $0.1.lowercased().contains("todo-") }
        // The title is free text: only init's own placeholder counts, not a title that mentions "todo-".
        if let title, title.uppercased().hasPrefix(InferredScenario.placeholderPrefix) { found.insert(("title", title), at: 0) }
        return found
    }

    /// Whether the bytes `todo-` occur in `text` in any case: without them `lowercased().contains("todo-")` is false
    /// (no character but ASCII lowercases to `t`, `o`, `d` or `-`), so most texts need neither the lowercased copy nor
    /// the search by `Character`, which were a fortieth of planning a runbook.
    static func mayHoldTodo(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 5 else { return false }
        for start in 0...(bytes.count - 5)
        where bytes[start] | 0x20 == 0x74 && bytes[start + 1] | 0x20 == 0x6F && bytes[start + 2] | 0x20 == 0x64
            && bytes[start + 3] | 0x20 == 0x6F && bytes[start + 4] == 0x2D { return true }
        return false
    }

    /// Things the operator should know before relying on the runbook: configurations outside the documented
    /// dual-region support, and settings that differ from Camunda's reference.
    public var warnings: [String] {
        var warnings: [String] = []
        if identity {
            warnings.append("identity: true — Management Identity is not supported in a dual-region setup (rules.md §E.2f); the runbook follows the guide's Identity steps, but Camunda does not document this configuration.")
        }
        if optimize {
            warnings.append("optimize: true — Optimize is not supported in a dual-region setup (rules.md §E.2f); the runbook keeps the legacy exporters enabled as the guide asks.")
        }
        if !basicAuthUsers.isEmpty, !basicAuthUsers.contains(where: { (basicAuthRoles[$0] ?? .owner) == .owner }) {
            warnings.append("no basic-auth user has role OWNER: after the upgrade no re-created user is an admin of the Orchestration Cluster; give one user role: OWNER.")
        }
        if let cluster, cluster.replicationFactor != 4 {
            warnings.append("cluster.replicationFactor is \(cluster.replicationFactor); Camunda's dual-region setup requires 4 (rules.md V25).")
        }
        if region0.kubeContext == region1.kubeContext {
            warnings.append("both regions use kube context '\(region0.kubeContext)'; a dual-region deployment normally spans two clusters.")
        }
        for (field, value) in placeholders {
            warnings.append("\(field) is still the placeholder '\(value)': replace it before running any command.")
        }
        if targetRelease == nil, ChartVersion(chart.to) != nil {
            warnings.append("chart.to \(chart.to) is not a chart this c8runbook knows (it knows 13.0.0 to \(ChartRelease.newest.chart)): the runbook names none of its image versions; check them against its values.yaml and release notes (rules.md R37).")
        }
        if release.containsBytes("zeebe"), release.contains("zeebe") {  // the search by Character only where the bytes are
            warnings.append("release '\(release)' contains 'zeebe': the chart may name its objects differently from '\(orchestrationName)'; check the names in the commands.")
        }
        return warnings
    }
}

extension Scenario {
    /// The Kubernetes names the runbook's commands use that the release name lengthens: each must stay within 63
    /// characters, or the chart shortens it (`trunc 63`) and the commands would name objects that do not exist.
    var kubernetesNames: [String] {
        var names = [orchestrationName, importerName, dataMigrationJob, identityMigrationJob, gatewayService,
                     "\(orchestrationName)-0", "\(release)-connectors"]
        if isSubchart { names.append("\(release)-elasticsearch-master-hl") }
        return names
    }

    /// The known chart this scenario upgrades to; nil for a 13.x chart newer than the table.
    public var targetRelease: ChartRelease? { ChartRelease.release(chart.to) }

    /// Whether the target chart's image carries `fix`. A chart newer than every known one is assumed to carry the
    /// fixes the newest known one carries.
    public func targetHas(_ fix: ChartRelease.Fix) -> Bool {
        if let release = targetRelease { return release.has(fix) }
        guard let version = ChartVersion(chart.to), version > ChartRelease.newest.chart else { return false }
        return ChartRelease.newest.has(fix)
    }
}
