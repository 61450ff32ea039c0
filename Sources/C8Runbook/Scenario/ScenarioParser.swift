import Foundation
import Yams

/// Builds a `Scenario` from YAML, checking every key, type, name and combination as it goes, so that the
/// first problem is reported at the node the user wrote.
struct ScenarioParser {
    let file: String

    func parse(_ yaml: String) throws -> Scenario {
        if let problem = AliasExpansion.firstProblem(in: yaml, AliasExpansion.scenario) {
            throw ScenarioError(problem, file: file)
        }
        let composed: Node?
        do {
            composed = try PlainScalarResolver.compose(yaml: yaml)
        } catch {
            throw ScenarioError(yamlError: error, file: file)
        }
        guard let node = composed else {
            throw ScenarioError.invalid(SourceLocation(file: file, line: 1, column: 1), message: "the scenario file is empty")
        }
        let root = try ScenarioNode(node: node, file: file, path: "").mapping(allowed: Scenario.keys)

        let versionNode = try root.required("version")
        let version = try versionNode.int()
        guard version == Scenario.formatVersion else {
            throw versionNode.error("unsupported scenario format version \(version); this c8runbook reads version \(Scenario.formatVersion)")
        }

        let title = try root.optional("title").map { try Self.text($0) }
        let releaseNode = try root.required("release")
        let release = try releaseNode.string()
        try Validate.releaseName(release, releaseNode)

        let chart = try parseChart(root.required("chart"))
        let regions = try parseRegions(root.required("regions"))
        let storageNode = try root.required("secondaryStorage")
        let storage = try parseStorage(storageNode, release: release, regions: regions)
        let exportersNode = try root.required("exporters")
        let exporters = try parseExporters(exportersNode, layout: storage.layout)

        let compression = try root.optional("messageCompression")?.choice(MessageCompression.self) ?? .none
        let gatewayEnv = try parseGatewayEnv(root.optional("gatewayEnv"))
        let usersNode = root.optional("basicAuthUsers")
        let (users, roles) = try parseUsers(usersNode)
        let identityNode = root.optional("identity")
        let identity = try identityNode?.bool() ?? false
        if identity, !users.isEmpty, let usersNode {
            throw usersNode.error("basicAuthUsers are basic-authentication users, but identity: true signs users in through Identity (OIDC); remove the list or set identity: false")
        }
        var identityProvider = IdentityProvider.keycloak
        if let node = root.optional("identityProvider") {
            identityProvider = try node.choice(IdentityProvider.self)
            if !identity { throw node.error("identityProvider needs identity: true (without Identity the cluster uses basic authentication)") }
        }
        let optimizeNode = root.optional("optimize")
        let optimize = try optimizeNode?.bool() ?? false
        if optimize, !identity, let optimizeNode {
            throw optimizeNode.error("optimize: true needs identity: true: Optimize signs in only through Management Identity with OIDC, not basic authentication")
        }
        let valuesFiles = try parseValuesFiles(root.optional("valuesFiles"), hasUsers: !users.isEmpty, identity: identity)
        let apiSecurityNode = root.optional("apiSecurity")
        let apiSecurity = try apiSecurityNode?.choice(APISecurity.self) ?? .protected
        let multiTenancy = try root.optional("multiTenancy")?.bool() ?? false
        if apiSecurity == .unprotected, multiTenancy, let apiSecurityNode {
            throw apiSecurityNode.error("apiSecurity 'unprotected' cannot be combined with multiTenancy: true (the Orchestration Cluster refuses to start, rules.md R25/R35); use protected")
        }

        var contextPath: String?
        if let node = root.optional("contextPath") {
            let path = try node.string()
            try Validate.contextPath(path, node)
            contextPath = path
        }
        var backupRepository: String?
        if let node = root.optional("backupRepository") {
            let name = try node.string()
            try Validate.simpleName(name, node, what: "a repository name")
            backupRepository = name
        }

        let scenario = Scenario(
            version: version,
            title: title,
            release: release,
            chart: chart,
            valuesFiles: valuesFiles,
            regions: regions,
            secondaryStorage: storage,
            exporters: exporters,
            messageCompression: compression,
            gatewayEnv: gatewayEnv,
            identity: identity,
            identityProvider: identityProvider,
            optimize: optimize,
            basicAuthUsers: users,
            basicAuthRoles: roles,
            apiSecurity: apiSecurity,
            cluster: try parseCluster(root.optional("cluster")),
            connectors: try root.optional("connectors")?.bool() ?? false,
            backupRepository: backupRepository,
            plaintextSecrets: try root.optional("plaintextSecrets")?.bool() ?? false,
            customIndexPrefixes: try root.optional("customIndexPrefixes")?.bool() ?? false,
            contextPath: contextPath,
            multiTenancy: multiTenancy,
            ingress: try root.optional("ingress")?.choice(Ingress.self) ?? .none
        )
        if let name = scenario.kubernetesNames.first(where: { $0.count > Validate.maximumNameLength }) {
            throw releaseNode.error("release '\(release)' makes the Kubernetes name '\(name)' \(name.count) characters long; names stop at \(Validate.maximumNameLength), so the chart would shorten it and the runbook's commands would miss it; choose a shorter release")
        }
        return scenario
    }

    private static func text(_ node: ScenarioNode) throws -> String {
        let value = try node.string()
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" }) {
            throw node.error("'\(node.path)' must be one line of text without control characters")
        }
        return value
    }

    private func parseChart(_ node: ScenarioNode) throws -> ChartVersions {
        let chart = try node.mapping(allowed: ["from", "to"])
        let fromNode = try chart.required("from"), toNode = try chart.required("to")
        let from = try fromNode.string(), to = try toNode.string()
        // `c8runbook init`'s placeholder (TODO-chart-version-12.x, ASCII letters, digits, '-' and '.' only, so that
        // it reaches the rollback's `helm --version` as one visible shell word): accepted so that `generate` warns
        // and `tick` refuses until it is replaced (Scenario.placeholders); anything else must be a 12.x version.
        let isPlaceholder = from.uppercased().hasPrefix("TODO-")
            && from.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == ".") }
        if !isPlaceholder {
            guard let fromVersion = ChartVersion(from) else {
                throw fromNode.error("chart.from must be a chart version 12.N.N such as 12.7.6, found '\(from)'")
            }
            guard fromVersion.major == 12 else {
                throw fromNode.error("chart.from must be a 12.x chart (Camunda 8.7), found '\(from)'; upgrade one minor at a time")
            }
        }
        guard let toVersion = ChartVersion(to) else {
            throw toNode.error("chart.to must be an exact chart version 13.N.N such as \(ChartRelease.newest.chart), found '\(to)'")
        }
        guard toVersion.major == 13 else {
            throw toNode.error("chart.to must be a 13.x chart (Camunda 8.8), found '\(to)'")
        }
        return ChartVersions(from: from, to: to)
    }

    /// The scenario file's folder, absolute: what relative paths are read against unless `valuesFiles.directory` says
    /// otherwise (for the built-in example, whose `file` is a name, the current directory).
    private var defaultDirectory: String { ValuesFiles.folder(of: file) }

    private func parseValuesFiles(_ node: ScenarioNode?, hasUsers: Bool, identity: Bool) throws -> ValuesFiles {
        let defaultUsers = hasUsers ? "camunda-users.yml" : nil
        guard let node else {
            return ValuesFiles(base: "camunda-values.yml", region0: "region0/camunda-values.yml", region1: "region1/camunda-values.yml",
                               directory: defaultDirectory, migrationDir: "values-8.8", finalDir: "values-8.8-final", users: defaultUsers)
        }
        let files = try node.mapping(allowed: ["base", "region0", "region1", "directory", "migrationDir", "finalDir", "users"])
        func path(_ key: String, required: Bool) throws -> String? {
            guard let value = required ? try files.required(key) : files.optional(key) else { return nil }
            let text = try value.string()
            try Validate.filePath(text, value)
            return text
        }
        let bases = try parseBases(files.optional("base"))
        let region0 = try path("region0", required: true)!, region1 = try path("region1", required: true)!
        if region0 == region1 { throw try files.required("region1").error("valuesFiles.region1 must differ from valuesFiles.region0") }
        if bases.contains(where: { $0 == region0 || $0 == region1 }) {
            throw try files.required("base").error("valuesFiles.base must differ from the region files")
        }
        var directory = defaultDirectory
        if let node = files.optional("directory") {
            directory = try node.string()
            try Validate.filePath(directory, node)
            guard directory.hasPrefix("/") else {
                throw node.error("valuesFiles.directory '\(directory)' must be an absolute path (it anchors every file the commands name); leave it out to use the scenario file's folder")
            }
        }
        let migrationDir = try path("migrationDir", required: false) ?? "values-8.8"
        let finalDir = try path("finalDir", required: false) ?? "values-8.8-final"
        var values = ValuesFiles(bases: bases, region0: region0, region1: region1, directory: directory,
                                 migrationDir: migrationDir, finalDir: finalDir, users: nil)
        if values.outDir(.migration) == values.outDir(.final) {
            throw try (files.optional("finalDir") ?? files.required("migrationDir")).error("valuesFiles.finalDir must differ from valuesFiles.migrationDir: the upgrade and the clean-up use different files")
        }
        if let usersNode = files.optional("users") {
            if identity { throw usersNode.error("valuesFiles.users holds basic-authentication users, but identity: true signs users in through Identity; remove it") }
            values.users = try path("users", required: false)
        } else {
            values.users = defaultUsers
        }
        return values
    }

    /// `valuesFiles.base`: one file name, or a non-empty list of distinct file names in `helm -f` order (each
    /// written by `values` under its own file name, so the names must differ).
    private func parseBases(_ node: ScenarioNode?) throws -> [String] {
        guard let node else { return [] }
        let items = node.isSequence ? try node.sequence() : [node]
        if items.isEmpty { throw node.error("valuesFiles.base must name at least one file; leave it out when each region has one complete file") }
        var bases: [String] = [], names: Set<String> = []
        for item in items {
            let text = try item.string()
            try Validate.filePath(text, item)
            let name = ValuesFiles.lastName(text)
            guard names.insert(name).inserted else {
                throw item.error("valuesFiles.base lists '\(name)' twice; c8runbook values writes each base file under its own file name, so the names must differ")
            }
            bases.append(text)
        }
        return bases
    }

    private func parseRegions(_ node: ScenarioNode) throws -> [Region] {
        let items = try node.sequence()
        guard items.count == 2 else {
            throw node.error("'regions' must list exactly two regions (ids 0 and 1), found \(items.count)")
        }
        var regions: [Region] = []
        for item in items {
            let region = try item.mapping(allowed: ["id", "kubeContext", "namespace"])
            let idNode = try region.required("id")
            let id = try idNode.int()
            guard id == 0 || id == 1 else { throw idNode.error("region id must be 0 or 1, found \(id)") }
            if regions.contains(where: { $0.id == id }) { throw idNode.error("region id \(id) appears twice; use ids 0 and 1") }
            let contextNode = try region.required("kubeContext")
            let context = try contextNode.string()
            try Validate.kubeContext(context, contextNode)
            let namespaceNode = try region.required("namespace")
            let namespace = try namespaceNode.string()
            try Validate.namespace(namespace, namespaceNode)
            if regions.contains(where: { $0.namespace == namespace && $0.kubeContext == context }) {
                throw namespaceNode.error("both regions name kube context '\(context)' and namespace '\(namespace)': every command for region 1 would change region 0; give each region its own context or namespace")
            }
            if regions.contains(where: { $0.namespace == namespace }) {
                throw namespaceNode.error("both regions use namespace '\(namespace)'; the stretched cluster needs distinct namespaces")
            }
            regions.append(Region(id: id, kubeContext: context, namespace: namespace))
        }
        return regions.sorted { $0.id < $1.id }
    }

    private func parseStorage(_ node: ScenarioNode, release: String, regions: [Region]) throws -> SecondaryStorage {
        let storage = try node.mapping(allowed: ["type", "layout", "provisioning", "urls"])
        let type = try storage.required("type").choice(SecondaryStorage.Kind.self)
        let layoutNode = try storage.required("layout")
        let layout = try layoutNode.choice(SecondaryStorage.Layout.self)
        let urlsNode = try storage.required("urls")
        let urlKeys = layout == .shared ? ["shared"] : ["region0", "region1"]
        let urlMap = try urlsNode.mapping(allowed: ["shared", "region0", "region1"])
        for (key, node) in urlMap.entries where !urlKeys.contains(key) {
            throw layout == .shared
                ? node.error("with layout: shared, urls takes one key, shared (one storage for both regions); for one storage per region write layout: per-region")
                : node.error("with layout: per-region, urls takes region0 and region1; for one storage shared by both regions write layout: shared")
        }
        var urls: [String] = []
        for key in urlKeys {
            let urlNode = try urlMap.required(key)
            let url = try urlNode.string()
            try Validate.noCredentials(url, urlNode)
            try Validate.url(url, urlNode)
            try Validate.port(url, urlNode)
            urls.append(url)
        }
        if layout == .shared { urls.append(urls[0]) }
        if layout == .perRegion, urls[0] == urls[1] {
            throw try urlMap.required("region1").error("both regions use the same storage URL; with one shared storage write layout: shared and urls: { shared: ... }")
        }
        if layout == .perRegion {
            for (index, key) in urlKeys.enumerated() {
                let other = regions[1 - index].namespace
                if Validate.hostLabels(urls[index]).contains(other) {
                    throw try urlMap.required(key).error("storage URL '\(urls[index])' names region \(1 - index)'s namespace '\(other)'; region \(index)'s exporter would write to the other region's storage")
                }
            }
        }
        var provisioning: SecondaryStorage.Provisioning
        if let provisioningNode = storage.optional("provisioning") {
            provisioning = try provisioningNode.choice(SecondaryStorage.Provisioning.self)
            if provisioning == .subchart, type == .opensearch {
                throw provisioningNode.error("the Camunda chart has no OpenSearch subchart; use provisioning: external")
            }
        } else {
            let host = URLComponents(string: urls[0])?.host ?? ""
            provisioning = type == .elasticsearch && host.hasPrefix("\(release)-elasticsearch") ? .subchart : .external
        }
        return SecondaryStorage(type: type, layout: layout, provisioning: provisioning, urls: urls)
    }

    private func parseExporters(_ node: ScenarioNode, layout: SecondaryStorage.Layout) throws -> Exporters {
        let exporters = try node.mapping(allowed: ["management", "legacy"])
        let managementNode = try exporters.required("management")
        let management = try managementNode.choice(Exporters.Management.self)
        let legacyNode = exporters.optional("legacy")
        let items = try legacyNode?.sequence() ?? []

        switch management {
        case .helmManaged:
            if layout == .perRegion {
                throw managementNode.error("exporters.management 'helm-managed' needs secondaryStorage.layout: shared (the chart's exporter has one URL); use manual for one storage per region")
            }
            if let legacyNode, !items.isEmpty {
                throw legacyNode.error("exporters.legacy lists env-defined exporters, but management is 'helm-managed' (the chart names its exporter 'elasticsearch' or 'opensearch'); remove the list or use manual")
            }
            return Exporters(management: management, legacy: [])
        case .manual:
            guard !items.isEmpty else {
                throw (legacyNode ?? managementNode).error("exporters.legacy must list the 8.7 exporters (segment and region) when management is manual")
            }
        }

        var legacy: [LegacyExporter] = []
        for item in items {
            let exporter = try item.mapping(allowed: ["segment", "region"])
            let segmentNode = try exporter.required("segment")
            let segment = try segmentNode.string()
            try Validate.exporterSegment(segment, segmentNode)
            if legacy.contains(where: { $0.segment == segment }) {
                throw segmentNode.error("exporter segment '\(segment)' appears twice")
            }
            var region: Int?
            if let regionNode = exporter.optional("region") {
                let id = try regionNode.int()
                guard id == 0 || id == 1 else { throw regionNode.error("exporter region must be 0 or 1, found \(id)") }
                region = id
            } else if layout == .perRegion {
                throw item.error("exporter '\(segment)' needs a region (0 or 1) with one storage per region")
            }
            legacy.append(LegacyExporter(segment: segment, region: region))
        }
        if layout == .perRegion {
            for id in [0, 1] where !legacy.contains(where: { $0.region == id }) {
                throw legacyNode!.error("no legacy exporter writes to region \(id)'s storage; list one with region: \(id)")
            }
        }
        return Exporters(management: management, legacy: legacy)
    }

    private func parseGatewayEnv(_ node: ScenarioNode?) throws -> [EnvVar] {
        guard let node else { return [] }
        var env: [EnvVar] = []
        for item in try node.sequence() {
            let entry = try item.mapping(allowed: ["name", "value"])
            let nameNode = try entry.required("name")
            let name = try nameNode.string()
            try Validate.gatewayVariable(name, nameNode)
            if env.contains(where: { $0.name == name }) { throw nameNode.error("gateway variable '\(name)' appears twice") }
            let valueNode = try entry.required("value")
            let value = try Self.text(valueNode)
            try Validate.noSecret(gatewayVariable: name, value: value, valueNode)
            env.append(EnvVar(name: name, value: value))
        }
        return env
    }

    /// Users are bare names (Operate's `userId` user, role OWNER) or `{ name, role }` with role OWNER, OPERATOR or USER.
    private func parseUsers(_ node: ScenarioNode?) throws -> ([String], [String: BasicAuthRole]) {
        guard let node else { return ([], [:]) }
        var users: [String] = []
        var roles: [String: BasicAuthRole] = [:]
        for item in try node.sequence() {
            let nameNode: ScenarioNode
            var role: BasicAuthRole?
            if item.isMapping {
                let entry = try item.mapping(allowed: ["name", "role"])
                nameNode = try entry.required("name")
                role = try entry.optional("role")?.choice(BasicAuthRole.self)
            } else {
                nameNode = item
            }
            let user = try nameNode.string()
            try Validate.simpleName(user, nameNode, what: "a user name")
            if users.contains(user) { throw nameNode.error("user '\(user)' appears twice") }
            users.append(user)
            if let role { roles[user] = role }
        }
        return (users, roles)
    }

    /// nil without a `cluster:` block; inside one, a missing key is Camunda's reference value (8, 8, 4).
    private func parseCluster(_ node: ScenarioNode?) throws -> ClusterSizing? {
        guard let node else { return nil }
        let cluster = try node.mapping(allowed: ["size", "partitions", "replicationFactor"])
        var sizing = ClusterSizing.reference
        if let sizeNode = cluster.optional("size") {
            sizing.size = try sizeNode.int()
            guard sizing.size >= 2, sizing.size.isMultiple(of: 2) else {
                throw sizeNode.error("cluster.size must be an even number of brokers (half in each region), found \(sizing.size)")
            }
        }
        if let partitionsNode = cluster.optional("partitions") {
            sizing.partitions = try partitionsNode.int()
            guard sizing.partitions >= 1 else { throw partitionsNode.error("cluster.partitions must be at least 1") }
        }
        if let factorNode = cluster.optional("replicationFactor") {
            sizing.replicationFactor = try factorNode.int()
            guard (1...sizing.size).contains(sizing.replicationFactor) else {
                throw factorNode.error("cluster.replicationFactor must be between 1 and cluster.size (\(sizing.size))")
            }
        }
        return sizing
    }
}
