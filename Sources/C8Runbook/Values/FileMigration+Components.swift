/// `zeebeGateway`, `operate` and `tasklist` dissolve into `orchestration` (rules.md R13, R22, R29, R33).
extension FileMigration {
    mutating func migrateGateway() {
        guard let gateway = root.entry("zeebeGateway") else { return }
        var orchestration = loadOrchestration()
        gatewayVolumes = gateway.value["extraVolumes"]?.items ?? []
        gatewayMounts = gateway.value["extraVolumeMounts"]?.items ?? []
        for child in gateway.value.entries ?? [] {
            let path = "zeebeGateway.\(child.key)"
            let at = child.keyLocation
            switch child.key {
            case "env":
                for item in child.value.items ?? [] { gatewayEnvItem(item) }
            case "replicas":
                note(path, .removed, "R13", at, "zeebeGateway.replicas dropped: the gateway is embedded in the orchestration pods")
            case "contextPath":
                if let text = child.value.text, !text.isEmpty { droppedContextPaths.append(("zeebeGateway", text, at)) }
                note(path, .removed, "R13", at, "zeebeGateway.contextPath dropped: the REST API is served under {orchestration.contextPath}/v2")
            case "logLevel":
                if orchestration["logLevel"] == nil {
                    orchestration.insert(child)
                    note("orchestration.logLevel", .moved, "R13", at, "zeebeGateway.logLevel moved to orchestration.logLevel; it now applies to the whole Orchestration Cluster, not only the gateway")
                } else {
                    note(path, .review, "R13", at, "zeebeGateway.logLevel dropped: orchestration.logLevel (from zeebe.logLevel) is already set")
                }
            case "resources":
                note(path, .removed, "R29", at, "zeebeGateway.resources dropped: the gateway now runs inside the orchestration pods; orchestration.resources keeps the 8.7 broker resources, consider raising them (Camunda's reference uses the sum of broker and gateway resources)")
            case "service":
                var service = orchestration["service"] ?? .mapping([])
                moveService(child, block: "zeebeGateway", into: &service)
                if !service.isEmptyMapping { orchestration.set("service", service) }
            case "ingress":
                moveIngress(child, into: &orchestration)
            default:
                moveShared(child, from: "zeebeGateway", into: &orchestration, rule: "R13")
            }
        }
        lose(gateway, path: "zeebeGateway")
        root.remove("zeebeGateway")
        store(orchestration)
    }

    private mutating func gatewayEnvItem(_ item: ValuesItem) {
        guard let name = item.value.envName, name.hasPrefix("ZEEBE_GATEWAY_") else {
            gatewayEnv.append(item)
            note("orchestration.env[\(item.value.envName ?? "?")]", .review, "R13", item.value.location,
                 "zeebeGateway.env entry moved to orchestration.env unchanged; it now applies to the whole Orchestration Cluster")
            return
        }
        let renamedName = "ZEEBE_BROKER_GATEWAY_" + name.dropFirst("ZEEBE_GATEWAY_".count)
        let isClusterSecurity = name.hasPrefix("ZEEBE_GATEWAY_CLUSTER_SECURITY_")
        if isClusterSecurity { clusterSecurity.append(item) }
        let keepsOldPrefix = stage == .migration && (name == "ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION" || isClusterSecurity)
        if keepsOldPrefix {
            var old = item
            let firstOfItsKind = isClusterSecurity ? clusterSecurity.count == 1 : true
            old.leading = firstOfItsKind ? Self.comment(isClusterSecurity
                ? "Old prefix kept for the migration importer and Job, standalone gateways that join the cluster over TLS; remove after the migration (rules.md R15)"
                : "Old prefix kept for the migration importer, a standalone gateway; remove after the migration (rules.md R15)") : []
            old.sourceIndent = 0
            gatewayEnv.append(old)
            note("orchestration.env[\(name)]", .added, "R15", item.value.location, isClusterSecurity
                 ? "\(name) kept with its old prefix for the migration importer and Job during the migration (cluster TLS; camunda-platform-helm#6058)"
                 : "\(name) kept with its old prefix for the importer during the migration")
        }
        var renamed = item
        if keepsOldPrefix { renamed.leading = [] }
        var nameNode = ValuesNode.string(renamedName)
        nameNode.location = item.value["name"]?.location
        renamed.value.set("name", nameNode)
        gatewayEnv.append(renamed)
        note("orchestration.env[\(renamedName)]", .renamed, "R14", item.value.location, "zeebeGateway.env \(name) renamed to \(renamedName) in orchestration.env")
    }

    private mutating func moveIngress(_ ingress: ValuesEntry, into orchestration: inout ValuesNode) {
        for child in ingress.value.entries ?? [] {
            if child.key == "grpc" {
                var target = orchestration["ingress"] ?? .mapping([])
                if target["grpc"] == nil { target.insert(child) }
                orchestration.set("ingress", target)
                note("orchestration.ingress.grpc", .moved, "R33", child.keyLocation, "zeebeGateway.ingress.grpc moved to orchestration.ingress.grpc")
            } else {
                note("zeebeGateway.ingress.\(child.key)", .review, "R33", child.keyLocation, "zeebeGateway.ingress.\(child.key) dropped: separated Ingress is not supported in 13.x; use the combined Ingress")
            }
        }
    }

    /// Lists and texts that several 8.7 blocks had and `orchestration` now holds once.
    mutating func moveShared(_ child: ValuesEntry, from block: String, into orchestration: inout ValuesNode, rule: String) {
        let path = "\(block).\(child.key)"
        if child.key == "extraInitContainers", !block.hasPrefix("zeebe") {
            // CHART 12.7.6 `values.yaml` has no `operate.extraInitContainers` or `tasklist.extraInitContainers`, and
            // `operate/deployment.yaml`, `tasklist/deployment.yaml` run only their `initContainers`.
            note(path, .review, rule, child.keyLocation, "\(path) dropped: the 12.x chart does not read it (only \(block).initContainers), so it ran in no 8.7 pod; move its entries to orchestration.initContainers if you want them")
            return
        }
        let key = child.key == "extraInitContainers"
            ? initContainersKey(of: block, own: root.node(at: "\(block).initContainers"), at: child.keyLocation) : child.key
        if ChartKeys.mergedLists.contains(key), let items = child.value.items {
            if case let .sequence(existing)? = orchestration[key]?.content {
                let merged = mergeList(existing, items, list: key, target: "orchestration.\(key)", source: path)
                orchestration.set(key, .sequence(merged))
            } else {
                var moved = child
                moved.key = key
                moved.keySpelling = nil
                moved.value.content = .sequence(mergeList([], items, list: key, target: "orchestration.\(key)", source: path))
                orchestration.insert(moved)
            }
            note("orchestration.\(key)", .moved, rule, child.keyLocation, "\(path) merged into orchestration.\(key)")
        } else if ChartKeys.movedTexts.contains(child.key) {
            if orchestration[child.key] == nil {
                orchestration.insert(child)
                if child.key == "configuration", child.value.text?.isEmpty == false {
                    note("orchestration.configuration", .review, rule, child.keyLocation, Self.configurationReview(from: block))
                } else {
                    note("orchestration.\(child.key)", .moved, rule, child.keyLocation, "\(path) moved to orchestration.\(child.key); check it against the 8.8 configuration properties")
                }
            } else {
                note(path, .review, rule, child.keyLocation, "\(path) dropped: orchestration.\(child.key) is already set; merge the two by hand")
            }
        } else if child.key == "image", Self.imageSettings(child.value).map({ settings in
            settings.isEmptyMapping || orchestration["image"].flatMap(Self.imageSettings).map { $0.isEquivalent(to: settings) } == true
        }) == true {
            note(path, .removed, rule, child.keyLocation, "\(path) dropped: \(block) runs in the orchestration pods in 13.x, whose image is orchestration.image (the 13.x chart's camunda/camunda)")
        } else if ChartKeys.orchestration.contains(child.key) {
            // The block's pods are the orchestration pods now (and so are the migration importer and Job's settings):
            // its setting has orchestration's own key, which the broker's setting (zeebe.<key>) already fills.
            if let current = orchestration[child.key], current.isEquivalent(to: child.value) {
                note(path, .removed, rule, child.keyLocation, "\(path) is identical to zeebe.\(child.key), now orchestration.\(child.key); kept once")
            } else if orchestration[child.key] == nil {
                note(path, .review, rule, child.keyLocation, "\(path) dropped: \(block) runs in the orchestration pods in 13.x, and orchestration.\(child.key) is not set (the 8.7 brokers had the chart's default); set orchestration.\(child.key) to this value if the whole Orchestration Cluster, importer and Job included, should have it")
            } else {
                note(path, .review, rule, child.keyLocation, "\(path) dropped: \(block) runs in the orchestration pods in 13.x, which take orchestration.\(child.key) (the 8.7 brokers' setting); this value differs from orchestration.\(child.key): merge the two by hand if the gateway's part matters")
            }
        } else {
            note(path, .review, rule, child.keyLocation, "\(path) dropped: \(block) no longer exists in 13.x and the tool knows no 8.8 equivalent; check it")
        }
    }

    /// Variables every JVM (`JAVA_TOOL_OPTIONS`) or the Camunda images' start scripts (`JAVA_OPTS`) read as JVM
    /// options: an 8.7 web app's are its own JVM's, and are not carried into the 8.8 orchestration pods.
    static let jvmOptionVariables: Set<String> = ["JAVA_TOOL_OPTIONS", "JAVA_OPTS"]

    mutating func migrateWebApp(_ name: String, profile: String) {
        guard let block = root.entry(name) else { return }
        var orchestration = loadOrchestration()
        for child in block.value.entries ?? [] {
            let path = "\(name).\(child.key)"
            let at = child.keyLocation
            switch child.key {
            case "enabled":
                if child.value.boolValue == false {
                    var profiles = orchestration["profiles"] ?? .mapping([])
                    profiles.set(profile, child.value)
                    orchestration.set("profiles", profiles)
                    note("orchestration.profiles.\(profile)", .moved, "R22", at, "\(path): false moved to orchestration.profiles.\(profile)")
                } else {
                    note(path, .removed, "R22", at, "\(path) dropped: orchestration.profiles.\(profile) is on by default")
                }
            case "env":
                for item in child.value.items ?? [] {
                    let variable = item.value.envName ?? "?"
                    if variable == "CAMUNDA_\(name.uppercased())_BACKUP_REPOSITORYNAME" {
                        backupItems.append(item)
                    } else if ["USERID", "PASSWORD", "DISPLAYNAME", "ROLES"].contains(where: { variable == "CAMUNDA_\(name.uppercased())_\($0)" }) {
                        note("\(name).env[\(variable)]", .review, "R24", item.value.location,
                             "\(variable) removed: 8.8 has no Operate/Tasklist users; re-create the user in orchestration.security.initialization.users (with defaultRoles.admin.users) and keep demo/connectors there if still wanted")
                    } else if Self.jvmOptionVariables.contains(variable) {
                        // Operate's own JVM options would become the brokers' (new-user trial: operate.env
                        // JAVA_TOOL_OPTIONS -Xmx2g in region 1 gave region 1's brokers a 2 GB heap).
                        note("\(name).env[\(variable)]", .review, "R22", item.value.location,
                             "\(name).env \(variable) is not carried: in 8.8 \(name == "operate" ? "Operate" : "Tasklist") runs in the orchestration pods' JVM, whose options are orchestration.javaOpts (the brokers' heap, rendered as JAVA_TOOL_OPTIONS), so in orchestration.env it would set the brokers' JVM options; the 8.7 value ran in the \(name) pods only: check whether any of it belongs in orchestration.javaOpts")
                    } else {
                        componentEnv.append(item)
                        note("orchestration.env[\(item.value.envName ?? "?")]", .review, "R22", item.value.location,
                             "\(name).env entry moved to orchestration.env; check it against the 8.8 property mapping (legacy names may be replaced)")
                    }
                }
            case "retention":
                var history = orchestration["history"] ?? .mapping([])
                if history["retention"] == nil {
                    var moved = child
                    moved.leading = []
                    history.insert(moved)
                    orchestration.set("history", history)
                    note("orchestration.history.retention", .moved, "R22", at, "\(path) moved to orchestration.history.retention")
                } else {
                    note(path, .review, "R22", at, "\(path) dropped: orchestration.history.retention is already set from the other web app; merge by hand")
                }
            case "contextPath":
                if let text = child.value.text, !text.isEmpty { droppedContextPaths.append((name, text, at)) }
                note(path, .removed, "R22", at, "\(path) dropped: the UI is served under {orchestration.contextPath}/\(name)")
            case "identity" where name == "tasklist":
                note(path, .removed, "R22", at, "\(path) dropped (tasklist.identity.userAccessRestrictions no longer exists)")
            default:
                moveShared(child, from: name, into: &orchestration, rule: "R22")
            }
        }
        lose(block, path: name)
        root.remove(name)
        store(orchestration)
    }
}

extension FileMigration {
    /// An image block without what names the image (repository, tag, digest): the registry, pull policy and pull
    /// secrets, which the orchestration pods' image shares. Nil when it is not a mapping.
    static func imageSettings(_ image: ValuesNode) -> ValuesNode? {
        guard var settings = image.entries.map({ _ in image }) else { return nil }
        for key in ["repository", "tag", "digest"] { settings.remove(key) }
        return settings
    }
}
