import Foundation

extension ValuesVerifier {
    /// The invariants, one method each; `problems` collects what breaks them.
    struct Check {
        let scenario: Scenario
        let stage: MigrationStage
        var problems: [ValuesVerificationError] = []

        /// One region's effective 8.7 values (`old`) and what the checks read of them: the half of `Region` that needs
        /// nothing of the migration, so that `OriginalReading` can prepare it while the migration runs.
        struct Before: Sendable {
            var old: VerifiedTree
            /// The effective 8.7 env lists of `zeebe`, `zeebeGateway`, `operate` and `tasklist`, by block.
            let oldEnv: [String: [EnvEntry]]
            /// Each entry's effective value in its list (`effectiveValues`), by block, in the order of `oldEnv`.
            let oldEffective: [String: [String?]]

            /// `previous`: the other region's, whose lists (and their effective values) are taken when they are the
            /// same storage (both regions usually merge the base file's one list).
            init(old: VerifiedTree, previous: Before? = nil) {
                self.old = old
                var env: [String: [EnvEntry]] = [:], effective: [String: [String?]] = [:]
                for block in Check.envBlocks {
                    let list = Check.env(old, "\(block).env", sameAs: previous?.old, previous?.oldEnv[block])
                    env[block] = list
                    if let previous, let before = previous.oldEnv[block], Check.sharesStorage(before, list) {
                        effective[block] = previous.oldEffective[block]
                    } else {
                        effective[block] = Check.effectiveValues(list)
                    }
                }
                oldEnv = env
                oldEffective = effective
            }
        }

        /// One region's effective 8.8 (`new`) and 8.7 (`old`, in `before`) values and the written trees it was merged from.
        struct Region {
            var id: Int
            var new: VerifiedTree
            var before: Before
            var layers: [(path: String, tree: VerifiedTree)]
            /// The effective `orchestration.env` (`new`), in list order, read once for every check.
            let newEnv: [EnvEntry]
            /// Each name of `newEnv` with the value of its last entry (nil for `valueFrom`).
            let newEnvValues: [String: String?]

            var old: VerifiedTree { before.old }
            /// The effective 8.7 env lists (`old`) of `zeebe`, `zeebeGateway`, `operate` and `tasklist`, by block.
            var oldEnv: [String: [EnvEntry]] { before.oldEnv }

            /// `previous`: the other region, whose name → value table is taken when the env list is the same (both
            /// regions usually have the base file's one list).
            init(id: Int, new: VerifiedTree, before: Before, layers: [(path: String, tree: VerifiedTree)], previous: Region? = nil) {
                self.id = id
                self.new = new
                self.before = before
                self.layers = layers
                newEnv = Check.env(new, "orchestration.env", sameAs: previous?.new, previous?.newEnv)
                if let previous, Check.same(previous.newEnv, newEnv) {
                    newEnvValues = previous.newEnvValues
                } else {
                    var values: [String: String?] = [:]
                    values.reserveCapacity(newEnv.count)
                    for entry in newEnv { values[entry.name] = entry.value }
                    newEnvValues = values
                }
            }

            init(id: Int, new: VerifiedTree, old: VerifiedTree, layers: [(path: String, tree: VerifiedTree)], previous: Region? = nil) {
                self.init(id: id, new: new, before: Before(old: old, previous: previous?.before), layers: layers, previous: previous)
            }

            /// The last written file that sets `path` or its nearest parent: where to look for the key.
            func owner(of path: String) -> String {
                var components = path.split(separator: ".").map(String.init)
                while !components.isEmpty {
                    if let layer = layers.last(where: { $0.tree.at(components.joined(separator: ".")) != nil }) { return layer.path }
                    components.removeLast()
                }
                return layers.first?.path ?? ""
            }
        }

        /// What `envCounterparts` found for the last region, with the env lists it read: the next region with the
        /// same lists (compared entry by entry; strings merged from one file share their storage, so this is quick)
        /// has the same expected counterparts, missing names and differing values.
        var lastEnv: EnvFindings?

        init(scenario: Scenario, stage: MigrationStage) {
            self.scenario = scenario
            self.stage = stage
        }

        mutating func fail(_ file: String, _ region: Int?, _ key: String, _ rule: String, _ message: String, _ fault: ValuesVerificationError.Fault,
                           line: Int? = nil, column: Int? = nil) {
            problems.append(ValuesVerificationError(file: file, line: line, column: column, region: region, key: key, rule: rule, message: message, fault: fault))
        }

        mutating func fail(_ region: Region, _ key: String, _ rule: String, _ message: String, _ fault: ValuesVerificationError.Fault) {
            fail(region.owner(of: key), region.id, key, rule, message, fault)
        }

        // MARK: file-level

        mutating func duplicateKeys(_ file: ValuesVerifier.File, _ tree: VerifiedTree, original: VerifiedTree) {
            let duplicates = tree.duplicateKeys()
            // The input's duplicates only matter (for whose fault it is) when the written text has any.
            guard !duplicates.isEmpty else { return }
            let inInput = Set(original.duplicateKeys().map(\.path))
            for duplicate in duplicates {
                fail(file.path, nil, duplicate.path, "V-KEYS", "the key appears twice in one mapping (Helm keeps only the last)",
                     inInput.contains(duplicate.path) ? .input : .tool, line: duplicate.line, column: duplicate.column)
            }
        }

        // MARK: per region

        mutating func region(_ region: Region) {
            legacyKeys(region)
            servicePorts(region)
            containerPorts(region)
            podLists(region)
            envCounterparts(region)
            exporters(region)
            storage(region)
            migrationSwitches(region)
            ingressRoute(region)
            migrationPodsTLS(region)
        }

        /// R33: a combined Ingress that routed Operate, Tasklist or the gateway in 8.7 still routes the Orchestration
        /// Cluster in 13.x, which it does only for a non-empty `orchestration.contextPath` (CHART 13.10.2
        /// `templates/common/ingress-http.yaml`).
        mutating func ingressRoute(_ region: Region) {
            guard region.new.at("global.ingress.enabled")?.isTrue == true,
                  ["operate", "tasklist", "zeebeGateway"].contains(where: { !(region.old.at("\($0).contextPath")?.text ?? "").isEmpty }),
                  (region.new.at("orchestration.contextPath")?.text ?? "").isEmpty else { return }
            fail(region, "orchestration.contextPath", "R33", "the combined Ingress routed the 8.7 web apps or gateway, but without orchestration.contextPath 13.x renders no route to the Orchestration Cluster", .tool)
        }

        /// Keys the 13.x chart does not read (or fails on), with the rule that moves them.
        static let legacyKeys: [(String, String)] = [
            ("zeebe", "R11"), ("zeebeGateway", "R13"), ("zeebe-gateway", "R13"), ("operate", "R22"), ("tasklist", "R22"),
            ("global.elasticsearch.disableExporter", "R16"), ("global.multiregion.installationType", "§C"),
            ("global.identity.auth.zeebe", "R26"), ("global.identity.auth.operate", "R26"), ("global.identity.auth.tasklist", "R26"),
        ]

        mutating func legacyKeys(_ region: Region) {
            for (key, rule) in Self.legacyKeys where region.new.at(key) != nil {
                fail(region, key, rule, "an 8.7 key the 13.x chart does not read is still in the 8.8 values", .tool)
            }
        }

        /// The two Services of the Orchestration Cluster (CHART 13.10.2 `orchestration/service.yaml`,
        /// `service-headless.yaml`) with the chart's defaults (`values.yaml`).
        mutating func servicePorts(_ region: Region) {
            let service = region.new.at("orchestration.service")
            func port(_ key: String, _ fallback: String) -> (key: String, port: String, name: String) {
                let nameKey = key.replacingOccurrences(of: "Port", with: "Name")
                let defaults = ["managementName": "server", "httpName": "http", "grpcName": "grpc", "internalName": "internal", "commandName": "command"]
                return ("orchestration.service.\(key)", service?[key]?.text ?? fallback, service?[nameKey]?.text ?? defaults[nameKey] ?? nameKey)
            }
            let extra = (service?["extraPorts"]?.items ?? []).map { item -> (key: String, port: String, name: String) in
                ("orchestration.service.extraPorts[\(item["name"]?.text ?? "?")]", item["port"]?.text ?? "", item["name"]?.text ?? "")
            }
            let services: [(String, [(key: String, port: String, name: String)])] = [
                ("orchestration.service", [port("managementPort", "9600"), port("httpPort", "8080"), port("grpcPort", "26500")] + extra),
                ("orchestration.service.headless", [port("managementPort", "9600"), port("internalPort", "26502"), port("commandPort", "26501")] + extra),
            ]
            for (name, ports) in services {
                for (index, entry) in ports.enumerated() {
                    if let other = ports[..<index].first(where: { $0.port == entry.port && !entry.port.isEmpty }) {
                        fail(region, entry.key, "R13", "port \(entry.port) is also \(other.key) in the Service \(name); Kubernetes rejects a Service with one port twice (12.x httpPort is the 13.x managementPort, 12.x restPort the 13.x httpPort)", .input)
                    } else if let other = ports[..<index].first(where: { $0.name == entry.name && !entry.name.isEmpty }) {
                        fail(region, entry.key, "R13", "port name '\(entry.name)' is also the name of \(other.key) in the Service \(name)", .input)
                    }
                }
            }
        }

        /// The pods the chart builds from `orchestration` (CHART 13.10.2 `orchestration/statefulset.yaml`,
        /// `importer-deployment.yaml`, `migration-data-job.yaml`): their own volumes and mounts, then the team's.
        mutating func podLists(_ region: Region) {
            let orchestration = region.new["orchestration"]
            let podVolumes = ["config", "exporters", "tmp", "data"]
            let podMounts = ["/usr/local/camunda/data", "/exporters", "/tmp", "/usr/local/camunda/config/application.yaml", "/usr/local/bin/startup.sh"]
            var pods: [(String, [String], [String], String)] = [("the orchestration StatefulSet", podVolumes, podMounts, "orchestration")]
            if orchestration?.at("migration.data.enabled")?.isTrue == true {
                pods.append(("the migration importer", podVolumes, podMounts, "orchestration.importer"))
                pods.append(("the data-migration Job", ["config", "tmp", "logs"],
                             ["/usr/local/camunda/config/application.yaml", "/tmp", "/usr/local/camunda/logs"], "orchestration.migration.data"))
            }
            for (pod, chartVolumes, chartMounts, block) in pods {
                let list = region.new.at(block)
                var volumes = chartVolumes.map { ($0, "the chart") }
                for item in list?["extraVolumes"]?.items ?? [] {
                    let name = item["name"]?.text ?? ""
                    if let other = volumes.first(where: { $0.0 == name }) {
                        fail(region, "\(block).extraVolumes[\(name)]", "R13", "two volumes named '\(name)' in \(pod) (the other from \(other.1)); Kubernetes rejects the pod", .input)
                    }
                    volumes.append((name, "\(block).extraVolumes"))
                }
                var mounts = chartMounts.map { ($0, "the chart") }
                for item in list?["extraVolumeMounts"]?.items ?? [] {
                    var path = item["mountPath"]?.text ?? ""
                    if path.count > 1, path.hasSuffix("/") { path.removeLast() }
                    let name = item["name"]?.text ?? ""
                    if let other = mounts.first(where: { $0.0 == path }) {
                        fail(region, "\(block).extraVolumeMounts[\(name)]", "R13", "two mounts on '\(path)' in \(pod) (the other from \(other.1)); Kubernetes rejects the pod", .input)
                    }
                    mounts.append((path, "\(block).extraVolumeMounts"))
                    if !volumes.contains(where: { $0.0 == name }) {
                        fail(region, "\(block).extraVolumeMounts[\(name)]", block == "orchestration" ? "R13" : "R15", "\(pod) mounts the volume '\(name)', which \(block).extraVolumes does not define", .input)
                    }
                }
            }
            let initContainers = orchestration?["initContainers"]?.items.isEmpty == false ? "initContainers" : "extraInitContainers"
            var containers: [String] = []
            for list in [initContainers, "sidecars"] {
                for item in orchestration?[list]?.items ?? [] {
                    let name = item["name"]?.text ?? ""
                    if containers.contains(name) {
                        fail(region, "orchestration.\(list)[\(name)]", "R13", "two containers named '\(name)' in the orchestration pod", .input)
                    }
                    containers.append(name)
                }
            }
            // Every init container an 8.7 pod ran runs in the orchestration pod: 12.x runs `coalesce initContainers
            // extraInitContainers` of zeebe and of zeebeGateway (CHART 12.7.6 `zeebe/statefulset.yaml`,
            // `zeebe-gateway/deployment.yaml`) and operate's and tasklist's initContainers; 13.x the coalesce over
            // orchestration once (CHART 13.12.7 `orchestration/statefulset.yaml`).
            let running = Set(orchestration?[initContainers]?.items.compactMap { $0["name"]?.text } ?? [])
            var ran = Set<String>()
            for block in ["zeebe", "zeebeGateway", "operate", "tasklist"] {
                let own = region.old.at("\(block).initContainers")?.items ?? []
                let list = own.isEmpty && block.hasPrefix("zeebe") ? "extraInitContainers" : "initContainers"
                for item in region.old.at("\(block).\(list)")?.items ?? [] {
                    guard let name = item["name"]?.text else { continue }
                    ran.insert(name)
                    guard !running.contains(name) else { continue }
                    fail(region, "orchestration.\(initContainers)", "R13",
                         "the init container '\(name)' of \(block).\(list) ran in 8.7 but runs in no 8.8 orchestration pod (the 13.x chart runs orchestration.extraInitContainers only when orchestration.initContainers is empty)", .tool)
                }
            }
            // And none runs that no 8.7 pod ran (an extraInitContainers the block's initContainers, maybe the base
            // file's, kept from running): no rule adds init containers.
            for name in running.subtracting(ran).sorted() {
                fail(region, "orchestration.\(initContainers)", "R13",
                     "the init container '\(name)' runs in the 8.8 orchestration pods but ran in no 8.7 pod (the 12.x chart runs a block's extraInitContainers only when its initContainers, merged over the files, are empty)", .tool)
            }
        }
    }
}
