import Foundation

/// Infers a scenario from 8.7 values files read as Helm reads them (base, then the region's file).
public struct ScenarioInference {
    /// What the command line says; each given value wins over inference.
    public struct Options: Sendable {
        public var release: String?
        public var chartVersion: String?
        /// The installed 12.x chart (`chart.from`); the values do not say it.
        public var chartFrom: String?
        /// The scenario's title; the values do not say it.
        public var title: String?
        public var kubeContexts: [String?]
        public var namespaces: [String?]

        public init(release: String? = nil, chartVersion: String? = nil, chartFrom: String? = nil, title: String? = nil,
                    kubeContexts: [String?] = [nil, nil], namespaces: [String?] = [nil, nil]) {
            self.release = release
            self.chartVersion = chartVersion
            self.chartFrom = chartFrom
            self.title = title
            self.kubeContexts = kubeContexts
            self.namespaces = namespaces
        }
    }

    typealias Field = InferredScenario.Field

    static let legacyClasses: [String: SecondaryStorage.Kind] = [
        "io.camunda.zeebe.exporter.ElasticsearchExporter": .elasticsearch,
        "io.camunda.zeebe.exporter.opensearch.OpensearchExporter": .opensearch,
    ]
    /// What init writes for the installed 12.x chart when `--chart-from` is not given: the values never say it,
    /// and a guessed version would make the rollback restore the wrong chart (issue 9 item 6).
    static let chartFromPlaceholder = "TODO-chart-version-12.x"
    static let titlePlaceholder = "TODO-title"
    static let defaultChartTo = ChartRelease.newest.chart.description

    let input: ValuesInput
    let options: Options
    let merged: [ValuesNode]
    /// Each region's env lists by block (`zeebe` for `zeebe.env`), each item's name read once: inference looks
    /// names up many times, and a walk over a long list copying each item cost more than the rest of it.
    let envLists: [[String: EnvList]]

    /// One env list and its items' names (`envName`), in order.
    struct EnvList {
        let items: [ValuesItem]
        let names: [String?]

        init(_ items: [ValuesItem]) {
            self.items = items
            names = items.envNames
        }
    }

    public init(input: ValuesInput, options: Options) {
        self.input = input
        self.options = options
        merged = [input.merged(region: 0), input.merged(region: 1)]
        var envLists: [[String: EnvList]] = []
        for root in merged {
            // As `node(at: "block.env")`: the first entry of a key.
            var lists: [String: EnvList] = [:], seen: Set<String> = []
            for entry in root.entries ?? [] where seen.insert(entry.key).inserted {
                guard let items = entry.value["env"]?.items else { continue }
                // Region 1's list is usually region 0's (both merge the base file's one list, sharing its storage,
                // which `==` sees at once): its names are the same.
                if let previous = envLists.first?[entry.key], previous.items == items {
                    lists[entry.key] = previous
                } else {
                    lists[entry.key] = EnvList(items)
                }
            }
            envLists.append(lists)
        }
        self.envLists = envLists
    }

    var anyFile: String { input.files.first?.document.path ?? "values" }

    func fallbackLocation(_ node: ValuesNode?) -> SourceLocation {
        node?.location ?? SourceLocation(file: anyFile, line: 1, column: 1)
    }

    /// The env list of a block in region `region`'s merged values.
    func env(_ block: String, region: Int = 0) -> [ValuesNode] {
        envLists[region][block]?.items.map(\.value) ?? []
    }

    /// The last item of `block.env` named `name` in region `region`'s merged values: of two entries with one name,
    /// Kubernetes gives the container the last.
    func envEntry(_ block: String, _ name: String, region: Int = 0) -> ValuesNode? {
        guard let list = envLists[region][block], let index = list.names.lastIndex(of: name) else { return nil }
        return list.items[index].value
    }

    func bool(_ path: String, default defaultValue: Bool, why: String) throws(ValuesError) -> Field<Bool> {
        if let node = merged[0].node(at: path) { return Field(try chartSwitch(node, path: path), node.location) }
        return Field(defaultValue, nil, note: why)
    }

    /// A chart switch (`optimize.enabled`) as the 12.x chart's templates read it, `{{ if .Values.optimize.enabled }}`
    /// (Go template truth, `ValuesNode.templateTruth`): `false`, `no`, `0`, an empty string and null are off, anything
    /// else on. A quoted `"false"` (or `'no'`, `"off"`) is on for Helm and off to its reader: refused, naming what
    /// Helm does. Read as a bool only, `"false"` and `0` were 'not set', so the chart's default (on) was inferred,
    /// with the note 'not set', or a refusal at line 1 ('check the command-line values').
    func chartSwitch(_ node: ValuesNode, path: String) throws(ValuesError) -> Bool {
        if let scalar = node.scalar, scalar.kind == .string, ["false", "no", "off", "n"].contains(scalar.value.lowercased()) {
            throw .cannotInfer(fallbackLocation(node), message: "\(path) is the string '\(scalar.value)' (quoted): Helm's templates take any non-empty string as true, so the 12.x chart reads it as on ('if .Values.\(path)'); write \(scalar.value.lowercased() == "n" ? "false" : scalar.value.lowercased()) without quotes if it is off, or true")
        }
        return node.templateTruth
    }

    /// Refuses what is not the input `init` and `values` are for: values that are not a dual-region deployment
    /// (no `global.multiregion`, one regionId in both regions) and values that are already 8.8.
    func checkDualRegion87() throws(ValuesError) {
        for file in input.files { try checkChartValues(file.document) }
        for file in input.files {
            if let node = file.document.root.node(at: "orchestration") {
                throw alreadyMigrated(node, what: "a top-level 'orchestration' block, the 13.x chart's Orchestration Cluster")
            }
        }
        var ids: [Int] = []
        for region in 0...1 {
            let values = merged[region]
            // Image pins of another minor version: not the 8.7 deployment the upgrade starts from (rules.md V05).
            for block in ["zeebe", "zeebeGateway", "operate", "tasklist"] {
                guard let node = values.node(at: "\(block).image.tag"), let tag = node.text,
                      let match = tag.range(of: #"^v?8\.[0-9]+"#, options: .regularExpression) else { continue }
                let version = tag[match].drop { $0 == "v" }
                guard version != "8.7" else { continue }
                let minor = Int(version.dropFirst(2)) ?? 0
                throw .cannotInfer(fallbackLocation(node), message: minor < 7
                    ? "\(block).image.tag is '\(tag)': these values run Camunda \(version), not 8.7; the upgrade to 8.8 starts from 8.7 (Camunda's guide): upgrade to 8.7 first, then run init on the 8.7 values"
                    : "\(block).image.tag is '\(tag)': these values already run Camunda \(version) images, not 8.7; init and values read the 8.7 values the deployment runs now: give those files (helm get values RELEASE shows what is installed)")
            }
            guard let regions = values.node(at: "global.multiregion.regions") else {
                let file = input.regionFile(region) ?? input.base
                throw .cannotInfer(SourceLocation(file: file?.document.path ?? anyFile, line: 1, column: 1),
                                   message: "not dual-region values: region \(region)'s values set no global.multiregion.regions (the 12.x chart's default is a single region); init and values handle Camunda's dual-region layout, with global.multiregion.regions: 2 and regionId 0 and 1")
            }
            guard regions.integerValue == 2 else {
                throw .cannotInfer(fallbackLocation(regions), message: "global.multiregion.regions is '\(regions.text ?? "not a number")'; c8runbook handles dual-region deployments (2)")
            }
            let idNode = values.node(at: "global.multiregion.regionId")
            let id = idNode?.integerValue ?? 0
            ids.append(id)
            if region == 1, ids[0] == id, input.regionFile(0) != nil, input.regionFile(1) != nil {
                let file = input.regionFile(1) ?? input.base
                throw .cannotInfer(idNode?.location ?? SourceLocation(file: file?.document.path ?? anyFile, line: 1, column: 1),
                                   message: "both regions' values say global.multiregion.regionId \(id)\(idNode == nil ? " (not set: the chart's default 0)" : ""); each region's file must set its own id, 0 and 1")
            }
        }
    }

    /// The top-level keys of the 12.x chart's `values.yaml` (CHART 12.7.6 charts/camunda-platform-8.7/values.yaml),
    /// with the 13.x chart's and the pre-10.x `zeebe-gateway`, which are named by their own checks.
    static let chartTopLevelKeys: Set<String> = ChartKeys.topLevel.union([
        "zeebe", "zeebeGateway", "operate", "tasklist", "executionIdentity", "postgresql", "zeebe-gateway",
    ])

    /// A file none of whose top-level keys the camunda-platform chart has is not its values (a Chart.yaml, a
    /// Kubernetes manifest, a kustomization given by mistake): said at the file, naming what it looks like. It was
    /// refused as 'region 0's values set no global.multiregion.regions' at the region file, whichever file was wrong.
    func checkChartValues(_ document: ValuesDocument) throws(ValuesError) {
        let entries = document.root.entries ?? []
        guard !entries.isEmpty, !entries.contains(where: { Self.chartTopLevelKeys.contains($0.key) }) else { return }
        let keys = entries.prefix(4).map { "'\($0.key)'" }.joined(separator: ", ") + (entries.count > 4 ? ", …" : "")
        let root = document.root
        let looks: String
        if let kind = root["kind"]?.text, root["apiVersion"] != nil {
            looks = kind == "Kustomization" ? "a kustomization.yaml" : "a Kubernetes manifest (kind: \(kind))"
        } else if root["apiVersion"] != nil, root["name"] != nil, root["version"] != nil {
            looks = "a Helm chart's Chart.yaml"
        } else if root["releases"] != nil {
            looks = "a helmfile"
        } else {
            looks = "another chart's values"
        }
        throw .invalid(SourceLocation(file: document.path, line: 1, column: 1),
                       message: "not values of Camunda's chart: none of its top-level keys (\(keys)) is one of camunda-platform's (global, zeebe, zeebeGateway, operate, tasklist, identity, …); it looks like \(looks). Give the 8.7 values files the deployment was installed with (helm get values RELEASE shows them)")
    }

    public func infer() throws(ValuesError) -> InferredScenario {
        try checkDualRegion87()
        let exporters = try legacyExporters()
        let management = try self.management(exporters)
        let storageType = try self.storageType(exporters)
        let (layout, urls) = try storage(exporters, management: management, type: storageType.value)
        let assigned = assignRegions(exporters, layout: layout.value, urls: urls)
        let release = self.release(urls)
        let regions = (0...1).map { region -> InferredScenario.RegionFields in
            let context = options.kubeContexts[region].map { Field($0, nil, note: "from --kube-context\(region)") }
                ?? Field("TODO-kube-context-region\(region)", nil, note: "give --kube-context\(region) or write region \(region)'s kube context")
            return InferredScenario.RegionFields(kubeContext: context, namespace: namespace(region, layout: layout.value, urls: urls))
        }
        var skipped: [String] = []
        let scans = input.files.map { SecretScanner.scanning($0.document, displayName: $0.relativePath) }
        let secrets = scans.flatMap(\.findings)
        let plaintext = secrets.first { $0.kind.isPlaintextSecret }
        var inferred = InferredScenario(
            sourceFiles: input.files.map(\.relativePath),
            title: options.title.map { Field($0, nil, note: "from --title") }
                ?? Field(Self.titlePlaceholder, nil, note: "give --title or write a title for the runbook (the values do not name the deployment)"),
            release: release,
            chartFrom: options.chartFrom.map { Field($0, nil, note: "from --chart-from") }
                ?? Field(Self.chartFromPlaceholder, nil, note: "the installed 12.x chart is not in the values: `helm list` in either region shows it (chart camunda-platform-12.N.N is 12.N.N); give --chart-from or write it, the rollback restores this version"),
            chartTo: options.chartVersion.map { Field($0, nil, note: "from --chart-version") }
                ?? Field(Self.defaultChartTo, nil, note: "the newest known 13.x chart (image \(ChartRelease.newest.camunda)); give --chart-version to pin another"),
            valuesFiles: valuesFiles(),
            regions: regions,
            storageType: storageType,
            layout: layout,
            provisioning: provisioning(storageType.value),
            urls: urls,
            management: management,
            legacy: assigned,
            compression: try compression(),
            gatewayEnv: try gatewayEnv(skipped: &skipped),
            identity: try bool("identity.enabled", default: true, why: "identity.enabled not set: the 12.x chart enables Identity by default"),
            optimize: try bool("optimize.enabled", default: true, why: "optimize.enabled not set: the 12.x chart enables Optimize by default"),
            basicAuthUsers: users(),
            apiSecurity: Field(.protected, nil, note: "a decision, not in the values: protected is the 8.8 default (APIs need credentials after the upgrade); unprotected restores 8.7's unauthenticated APIs (rules.md R25)"),
            cluster: try cluster(),
            connectors: try bool("connectors.enabled", default: true, why: "connectors.enabled not set: the 12.x chart enables Connectors by default"),
            backupRepository: try backupRepository(),
            plaintextSecrets: Field(plaintext != nil, plaintext?.location, note: plaintext == nil ? "no password-, secret- or token-like key with a literal value, and no credentials in a URL, found" : nil),
            customIndexPrefixes: customIndexPrefixes(),
            multiTenancy: try bool("global.multitenancy.enabled", default: false, why: "global.multitenancy.enabled not set"),
            ingress: try ingress(),
            secrets: secrets,
            skipped: skipped,
            redactor: SecretRedactor(labelled: scans.reduce(into: [String: String]()) { $0.merge($1.fragments) { first, _ in first } })
        )
        inferred.warnings = valuesWarnings()
        return inferred
    }
}
