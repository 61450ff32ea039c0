/// The values every step, note and phase template can use (`WordsView`), computed once per scenario.
struct TemplateContext {
    let scenario: Scenario
    /// The scenario's path as the team types it.
    var scenarioFile = "scenario.yml"
    private let common: WordsView

    init(scenario: Scenario) {
        self.scenario = scenario
        let s = scenario
        let sizing = Self.sizing(s.cluster)
        let target = s.targetRelease  // the chart table searched once, not once per field
        common = WordsView(
            release: s.release,
            chartFrom: s.chart.from,
            chartTo: s.chart.to,
            storage: s.storageName,
            storageType: s.secondaryStorage.type.rawValue,
            shared: s.isShared,
            perRegion: !s.isShared,
            manual: s.isManual,
            helmManaged: !s.isManual,
            subchart: s.isSubchart,
            identity: s.identity,
            identityOIDC: s.identity && s.identityProvider == .oidc,
            optimize: s.optimize,
            connectors: s.connectors,
            compression: s.messageCompression.rawValue,
            compressionEnabled: s.compressionEnabled,
            apiProtected: s.apiSecurity == .protected,
            apiUnprotected: s.apiSecurity == .unprotected,
            orchestrationName: s.orchestrationName,
            importerName: s.importerName,
            dataMigrationJob: s.dataMigrationJob,
            identityMigrationJob: s.identityMigrationJob,
            gatewayService: s.gatewayService,
            valuesBase: s.valuesFiles.base ?? "",
            hasBaseFile: s.valuesFiles.base != nil,
            region0: Self.region(s.region0, s),
            region1: Self.region(s.region1, s),
            legacyIDs: Self.codeList(s.legacyExporterIDs),
            camundaIDs: Self.codeList(s.camundaExporterIDs),
            migrationInBoth: !s.isShared,
            users: Self.codeList(s.basicAuthUsers),
            hasUsers: !s.basicAuthUsers.isEmpty,
            exporterStateFix: s.targetHasExporterStateFix,
            contextPath: s.contextPath ?? "",
            migrationDir: s.valuesFiles.outDir(.migration),
            finalDir: s.valuesFiles.outDir(.final),
            usersFile: s.valuesFiles.users.map { s.valuesFiles.absolute($0) },
            camundaImage: target?.camunda,
            newestChart: ChartRelease.newest.chart.description,
            exporterFixChart: ChartVersion.firstWithExporterStateFix.description,
            elasticsearchImage: target?.elasticsearch,
            curlImage: Commands.curlImage,
            legacyCount: s.legacyExporterIDs.count,
            camundaCount: s.camundaExporterIDs.count,
            exporterCount: s.legacyExporterIDs.count + s.camundaExporterIDs.count,
            legacySingle: s.legacyExporterIDs.count == 1,
            camundaSingle: s.camundaExporterIDs.count == 1,
            clusterKnown: sizing.known,
            clusterSize: sizing.size,
            brokersPerRegion: sizing.brokersPerRegion,
            partitions: sizing.partitions,
            replicationFactor: sizing.replicationFactor
        )
    }

    /// `known` and, only when the scenario has a `cluster:` block, the numbers: a template never prints a size
    /// that was not read (issue 9 item 6).
    static func sizing(_ cluster: ClusterSizing?) -> (known: Bool, size: Int?, brokersPerRegion: Int?, partitions: Int?, replicationFactor: Int?) {
        guard let cluster else { return (false, nil, nil, nil, nil) }
        return (true, cluster.size, cluster.brokersPerRegion, cluster.partitions, cluster.replicationFactor)
    }

    private static func region(_ region: Region, _ scenario: Scenario) -> WordsView.Region {
        WordsView.Region(
            id: region.id,
            second: region.id == 1,
            namespace: region.namespace,
            kubeContext: region.kubeContext,
            overlay: scenario.valuesFiles.overlay(for: region.id),
            url: scenario.secondaryStorage.url(for: region.id),
            migrates: scenario.migrationRegions.contains(region.id)
        )
    }

    /// "`a`, `b` and `c`": names as code spans in a sentence.
    static func codeList(_ names: [String]) -> String {
        let spans = names.map(MarkdownText.code)
        guard spans.count > 1 else { return spans.first ?? "" }
        return spans.dropLast().joined(separator: ", ") + " and " + spans.last!
    }

    /// The common values, plus `region` for a per-region step.
    func view(region id: Int?) -> WordsView {
        var view = common
        view.scenarioFile = scenarioFile
        if let id { view.region = Self.region(scenario.regions[id], scenario) }
        return view
    }
}
