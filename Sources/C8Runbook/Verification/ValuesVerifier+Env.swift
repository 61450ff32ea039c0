import Foundation

extension ValuesVerifier.Check {
    static let legacyClassNames: Set<String> = ["io.camunda.zeebe.exporter.ElasticsearchExporter", "io.camunda.zeebe.exporter.opensearch.OpensearchExporter"]
    static let camundaClassName = "io.camunda.exporter.CamundaExporter"

    /// An env list entry: its name and its literal `value` (nil for `valueFrom`).
    typealias EnvEntry = (name: String, value: String?)

    /// The 8.7 blocks whose env lists move to `orchestration.env`.
    static let envBlocks = ["zeebe", "zeebeGateway", "operate", "tasklist"]

    /// The entries of an env list, in order (a name may repeat; the last entry of a name wins, as in Kubernetes).
    static func env(_ tree: VerifiedTree?, _ path: String) -> [EnvEntry] {
        (tree?.at(path)?.items ?? []).compactMap { item in item["name"]?.text.map { ($0, item["value"]?.text) } }
    }

    /// Whether two env lists hold the same names and values in the same order.
    static func same(_ a: [EnvEntry], _ b: [EnvEntry]) -> Bool {
        a.count == b.count && (sharesStorage(a, b) || zip(a, b).allSatisfy { $0.name == $1.name && $0.value == $1.value })
    }

    /// Whether two arrays are one storage: then they are equal without a look at their elements. Both regions
    /// usually read the base file's one env list, so the second region finds the first's list itself.
    static func sharesStorage<Element>(_ a: [Element], _ b: [Element]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { a.baseAddress == $0.baseAddress } }
    }

    /// `env(tree, path)`, or `previous` when `tree`'s list at `path` is the very list `previousTree` holds there.
    static func env(_ tree: VerifiedTree, _ path: String, sameAs previousTree: VerifiedTree?, _ previous: [EnvEntry]?) -> [EnvEntry] {
        let list = tree.at(path)?.items ?? []
        if let previousTree, let previous, sharesStorage(list, previousTree.at(path)?.items ?? []) { return previous }
        return env(tree, path)
    }

    /// `envCounterparts`' findings for one set of env lists (`lastEnv`).
    struct EnvFindings {
        var oldEnv: [String: [EnvEntry]]
        var newEnv: [EnvEntry]
        var segments: Set<String>
        var expected: [Counterpart]
        var missing: [(name: String, item: Int)]
        var differing: Set<String>

        func holds(for region: Region) -> Bool {
            ValuesVerifier.Check.same(newEnv, region.newEnv) && ValuesVerifier.Check.envBlocks.allSatisfy {
                ValuesVerifier.Check.same(oldEnv[$0] ?? [], region.oldEnv[$0] ?? [])
            }
        }
    }

    /// Each entry's effective value: the value of the LAST entry of its name in the list. One pass from the end,
    /// one dictionary access per entry (the `default:` subscript finds the name or inserts this, its last, value).
    static func effectiveValues(_ entries: [EnvEntry]) -> [String?] {
        func read(_ value: inout String?) -> String? { value }
        var last: [String: String?] = [:]
        last.reserveCapacity(entries.count)
        var values = [String?](repeating: nil, count: entries.count)
        for index in entries.indices.reversed() {
            values[index] = read(&last[entries[index].name, default: entries[index].value])
        }
        return values
    }

    /// An effective 8.7 env entry of one block and the 8.8 names it must reach: none (a rule drops it), one, or two
    /// (a renamed gateway variable and its old-prefix copy for the migration pods), with the rule that says so.
    struct Counterpart {
        var old: String
        /// The effective 8.7 value of `old` (its last entry in the block; nil for `valueFrom`).
        var value: String?
        var block: String
        var first: String?
        var second: String?
        var rule: String

        init(_ entry: EnvEntry, value: String?, _ block: String, _ first: String?, _ second: String? = nil, rule: String) {
            old = entry.name
            self.value = value
            self.block = block
            self.first = first
            self.second = second
            self.rule = rule
        }
    }

    /// The exporter segments of the 8.7 legacy exporters: the scenario's and every env exporter with a legacy class.
    func legacySegments(_ old: [EnvEntry]) -> Set<String> {
        var segments = Set(scenario.exporters.legacy.map(\.segment))
        for entry in old where entry.name.hasPrefix("ZEEBE_BROKER_EXPORTERS_") && entry.name.hasSuffix("_CLASSNAME") {
            if let value = entry.value, Self.legacyClassNames.contains(value) {
                segments.insert(String(entry.name.dropFirst("ZEEBE_BROKER_EXPORTERS_".count).dropLast("_CLASSNAME".count)))
            }
        }
        return segments
    }

    static func isLegacyExporter(_ name: String, _ segments: Set<String>) -> Bool {
        // Every prefix starts with ZEEBE_BROKER_EXPORTERS_: other names are not built a prefix each.
        name.hasPrefix("ZEEBE_BROKER_EXPORTERS_") && segments.contains { name.hasPrefix("ZEEBE_BROKER_EXPORTERS_\($0)_") }
    }

    /// The old-prefix variables the migration importer and Job need while they run (R15).
    static func isMigrationPodVariable(_ name: String) -> Bool {
        name == "ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION" || name.hasPrefix("ZEEBE_GATEWAY_CLUSTER_SECURITY_")
    }

    /// The expected counterparts of one region's 8.7 env entries, the 8.8 names missing, and the names whose value
    /// differs from an 8.7 value (checked further by `envValues`).
    func envFindings(_ region: Region) -> EnvFindings {
        let zeebe = region.oldEnv["zeebe"] ?? []
        let segments = legacySegments(zeebe)
        let final = stage == .final
        var expected: [Counterpart] = []
        expected.reserveCapacity(Self.envBlocks.reduce(0) { $0 + (region.oldEnv[$1]?.count ?? 0) })
        for (entry, value) in zip(zeebe, region.before.oldEffective["zeebe"] ?? []) {
            if entry.name == "ZEEBE_BROKER_DATA_SNAPSHOTPERIOD" {
                expected.append(Counterpart(entry, value: value, "zeebe", "CAMUNDA_DATA_SNAPSHOTPERIOD", rule: "R23"))
            } else if Self.isLegacyExporter(entry.name, segments) {
                expected.append(Counterpart(entry, value: value, "zeebe", final && !scenario.optimize ? nil : entry.name, rule: final ? "R53" : "R17"))
            } else if Self.isMigrationPodVariable(entry.name) {
                expected.append(Counterpart(entry, value: value, "zeebe", final ? nil : entry.name, rule: final ? "R55" : "R15"))
            } else {
                expected.append(Counterpart(entry, value: value, "zeebe", entry.name, rule: "R11"))
            }
        }
        let gateway = region.oldEnv["zeebeGateway"] ?? []
        for (entry, value) in zip(gateway, region.before.oldEffective["zeebeGateway"] ?? []) {
            guard entry.name.hasPrefix("ZEEBE_GATEWAY_") else {
                // The gateway's JAVA_TOOL_OPTIONS is not carried over the brokers' javaOpts (FileMigration+Env,
                // gatewayEntriesJoining); with a broker entry of that name, the broker's is its counterpart.
                let dropped = entry.name == "JAVA_TOOL_OPTIONS" && !(region.oldEnv["zeebe"] ?? []).contains { $0.name == entry.name }
                expected.append(Counterpart(entry, value: value, "zeebeGateway", dropped ? nil : entry.name, rule: "R13"))
                continue
            }
            let podVariable = Self.isMigrationPodVariable(entry.name)
            expected.append(Counterpart(entry, value: value, "zeebeGateway", "ZEEBE_BROKER_GATEWAY_" + entry.name.dropFirst("ZEEBE_GATEWAY_".count),
                                        podVariable && !final ? entry.name : nil, rule: podVariable ? "R15" : "R14"))
        }
        for block in ["operate", "tasklist"] {
            let prefix = "CAMUNDA_\(block.uppercased())_"
            let entries = region.oldEnv[block] ?? []
            for (entry, value) in zip(entries, region.before.oldEffective[block] ?? []) {
                if entry.name == prefix + "BACKUP_REPOSITORYNAME" {
                    expected.append(Counterpart(entry, value: value, block, "CAMUNDA_DATA_BACKUP_REPOSITORYNAME", rule: "R21"))
                } else if ["USERID", "PASSWORD", "DISPLAYNAME", "ROLES"].contains(where: { entry.name == prefix + $0 }) {
                    expected.append(Counterpart(entry, value: value, block, nil, rule: "R24"))
                } else if entry.name == "JAVA_TOOL_OPTIONS" || entry.name == "JAVA_OPTS" {
                    // The web app's own JVM options are not the orchestration pods' (they would set the brokers').
                    expected.append(Counterpart(entry, value: value, block, nil, rule: "R22"))
                } else {
                    expected.append(Counterpart(entry, value: value, block, entry.name, rule: "R22"))
                }
            }
        }
        var missing: [(name: String, item: Int)] = []
        var differing: Set<String> = []
        // When no 8.8 name repeats, the entry of a name is its only one: a name found at the next position of the
        // 8.8 list (the migration keeps the 8.7 order, so most are) has that entry's value, without hashing the name
        // to look it up. Any other name is looked up. Either way the same answer as the look-up.
        let newEnv = region.newEnv
        let unique = region.newEnvValues.count == newEnv.count
        var next = 0
        for index in expected.indices {
            for second in [false, true] {
                guard let name = second ? expected[index].second : expected[index].first else { continue }
                let have: String??
                if unique, next < newEnv.count, newEnv[next].name == name {
                    have = .some(newEnv[next].value)
                    next += 1
                } else {
                    have = region.newEnvValues[name]
                }
                guard let have else {
                    missing.append((name, index))
                    continue
                }
                // Only literal values are compared; a name a rule sets on purpose is not (`envValuesSetByRule`).
                if let want = expected[index].value, let have, have != want, !Self.envValuesSetByRule.contains(name) { differing.insert(name) }
            }
        }
        return EnvFindings(oldEnv: region.oldEnv, newEnv: region.newEnv, segments: segments, expected: expected, missing: missing, differing: differing)
    }

    /// Every effective 8.7 env entry of the four 8.7 blocks reaches `orchestration.env` under its 8.8 name, or a
    /// named rule drops it (rules.md R11, R14, R15, R17, R21, R23, R24, R53, R55); then `envValues`.
    ///
    /// One dictionary look-up per 8.8 name (`Region.newEnvValues`) answers both whether the counterpart is there
    /// and whether it has the 8.7 value; only names whose value differs go on to `envValues`. A region with the
    /// same env lists as the region before takes its findings (`lastEnv`) and reports them as its own.
    mutating func envCounterparts(_ region: Region) {
        let findings: EnvFindings
        if let last = lastEnv, last.holds(for: region) {
            findings = last
        } else {
            findings = envFindings(region)
            lastEnv = findings
        }
        let (expected, segments, missing, differing) = (findings.expected, findings.segments, findings.missing, findings.differing)
        let final = stage == .final
        for (name, index) in missing {
            let item = expected[index]
            fail(region, "orchestration.env[\(name)]", item.rule, "the 8.7 \(item.block).env entry \(item.old) has no counterpart \(name) in the effective orchestration.env", .tool)
        }
        if !differing.isEmpty { envValues(region, expected, differing: differing) }
        // Only the names reported are sorted (not every name of a long env list).
        if final {
            for name in region.newEnvValues.keys.filter(Self.isMigrationPodVariable).sorted() {
                fail(region, "orchestration.env[\(name)]", "R55", "the old-prefix variable is only for the migration importer and Job; the final stage must not have it", .tool)
            }
        }
        if final && !scenario.optimize {
            for name in region.newEnvValues.keys.filter({ Self.isLegacyExporter($0, segments) }).sorted() {
                fail(region, "orchestration.env[\(name)]", "R53", "a legacy exporter is still configured in the final stage (no Optimize reads it)", .tool)
            }
        }
    }

    /// Each Camunda Exporter points at its region's storage (the URL of that region's 8.7 legacy exporter, R18); the
    /// chart's own exporters are switched as the scenario says (R16, R19).
    mutating func exporters(_ region: Region) {
        let old = region.oldEnv["zeebe"] ?? []
        let camundaEnabled = region.new.at("orchestration.exporters.camunda.enabled")
        if scenario.isManual {
            if camundaEnabled?.text.map({ $0.lowercased() == "false" }) != true {
                fail(region, "orchestration.exporters.camunda.enabled", "R16", "with manual exporters the chart's Camunda Exporter must be switched off (13.x default true: it would write to the local storage only)", .tool)
            }
            for exporter in scenario.camundaExporters {
                let prefix = "ZEEBE_BROKER_EXPORTERS_\(exporter.segment)_"
                guard region.newEnvValues[prefix + "CLASSNAME"] ?? nil == Self.camundaClassName else {
                    fail(region, "orchestration.env[\(prefix)CLASSNAME]", "R18", "the Camunda Exporter \(exporter.id) is missing", .tool)
                    continue
                }
                let legacy = scenario.exporters.legacy.first { exporter.region == nil || $0.region == exporter.region }
                let want = (legacy.flatMap { l in old.last { $0.name == "ZEEBE_BROKER_EXPORTERS_\(l.segment)_ARGS_URL" }?.value } ?? exporter.url)
                    .map(ScenarioInference.withImpliedScheme)
                let have = region.newEnvValues[prefix + "ARGS_CONNECT_URL"] ?? nil
                if have != want {
                    let whose = exporter.region.map { "region \($0)'s storage" } ?? "the shared storage"
                    fail(region, "orchestration.env[\(prefix)ARGS_CONNECT_URL]", "R18", "the Camunda Exporter \(exporter.id) does not point at \(whose) (the URL of its 8.7 legacy exporter)", .tool)
                }
            }
        } else if camundaEnabled?.isTrue != true {
            fail(region, "orchestration.exporters.camunda.enabled", "R19", "with helm-managed exporters the chart's Camunda Exporter must be on", .tool)
        }
    }

    /// Each region keeps its own storage URL and credentials reference (`global.elasticsearch`, `global.opensearch`);
    /// with OpenSearch, `global.opensearch.enabled: true` and `global.elasticsearch.enabled: false` (issue 9 item 5).
    mutating func storage(_ region: Region) {
        for store in ["elasticsearch", "opensearch"] {
            for key in ["url", "auth", "tls", "prefix", "external"] {
                let path = "global.\(store).\(key)"
                let before = region.old.at(path), after = region.new.at(path)
                if (before == nil) != (after == nil) || (before.map { !$0.sameContent(as: after!) } ?? false) {
                    fail(region, path, "R17", "the region's storage setting differs from the 8.7 values (the importer and the Camunda Exporter read it)", .tool)
                }
            }
        }
        if scenario.secondaryStorage.type == .opensearch, region.old.at("global.opensearch.enabled")?.isTrue == true {
            if region.new.at("global.opensearch.enabled")?.isTrue != true {
                fail(region, "global.opensearch.enabled", "R17", "OpenSearch must stay enabled for the importer to read the 8.7 records", .tool)
            }
            if region.new.at("global.elasticsearch.enabled")?.text?.lowercased() != "false" {
                fail(region, "global.elasticsearch.enabled", "R17", "with OpenSearch, global.elasticsearch.enabled must be false (the 13.x default is true, which points the importer and the chart at Elasticsearch)", .input)
            }
        }
    }

    /// R20, R55: data migration where the layout says during the migration; nothing of it in the final stage.
    mutating func migrationSwitches(_ region: Region) {
        let enabled = region.new.at("orchestration.migration.data.enabled")?.isTrue == true
        switch stage {
        case .migration:
            let wanted = !scenario.isShared || region.id == 0
            if enabled != wanted {
                fail(region, "orchestration.migration.data.enabled", "R20", wanted
                     ? "data migration must be on in this region during the migration"
                     : "with one shared storage only region 0 migrates; region 1 must not", .tool)
            }
        case .final:
            if enabled {
                fail(region, "orchestration.migration.data.enabled", "R55", "the final stage must switch the data migration off", .tool)
            }
            if region.new.at("orchestration.migration.identity.enabled")?.isTrue == true {
                fail(region, "orchestration.migration.identity.enabled", "R56", "the final stage must switch the identity migration off", .tool)
            }
            for path in ["orchestration.importer.extraVolumes", "orchestration.importer.extraVolumeMounts",
                         "orchestration.migration.data.extraVolumes", "orchestration.migration.data.extraVolumeMounts"]
            where !(region.new.at(path)?.items.isEmpty ?? true) && (region.old.at(path)?.items.isEmpty ?? true) {
                fail(region, path, "R55", "the final stage must not carry the migration pods' settings", .tool)
            }
        }
    }

    /// R15 for cluster TLS: while the migration runs, every certificate path of the old-prefix
    /// `ZEEBE_GATEWAY_CLUSTER_SECURITY_*` variables that the 8.7 gateway mounted is mounted in the importer and the
    /// Job too (camunda-platform-helm#6058).
    mutating func migrationPodsTLS(_ region: Region) {
        guard stage == .migration, region.new.at("orchestration.migration.data.enabled")?.isTrue == true else { return }
        func covers(_ mounts: [VerifiedTree], _ path: String) -> Bool {
            mounts.contains { mount in
                guard var mountPath = mount["mountPath"]?.text else { return false }
                if mountPath.count > 1, mountPath.hasSuffix("/") { mountPath.removeLast() }
                return path == mountPath || path.hasPrefix(mountPath == "/" ? "/" : mountPath + "/")
            }
        }
        let gatewayMounts = region.old.at("zeebeGateway.extraVolumeMounts")?.items ?? []
        let oldEnv = region.oldEnv["zeebeGateway"] ?? []
        for entry in region.newEnv where entry.name.hasPrefix("ZEEBE_GATEWAY_CLUSTER_SECURITY_") {
            guard let path = entry.value, path.hasPrefix("/"),
                  let old = oldEnv.last(where: { $0.name == entry.name })?.value, covers(gatewayMounts, old) else { continue }
            for block in ["orchestration.importer", "orchestration.migration.data"] where !covers(region.new.at("\(block).extraVolumeMounts")?.items ?? [], path) {
                fail(region, "\(block).extraVolumeMounts", "R15", "\(entry.name) points at '\(path)', which the 8.7 gateway mounted but \(block == "orchestration.importer" ? "the migration importer" : "the data-migration Job") does not: it cannot join the TLS cluster", .tool)
            }
        }
    }
}
