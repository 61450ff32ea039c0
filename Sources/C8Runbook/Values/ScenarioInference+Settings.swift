import Foundation

/// Compression, gateway variables, users, sizing and the other settings (rules.md V13–V29).
extension ScenarioInference {
    func compression() throws(ValuesError) -> Field<MessageCompression> {
        let node = envEntry("zeebe", "ZEEBE_BROKER_CLUSTER_MESSAGECOMPRESSION")?["value"]
            ?? envEntry("zeebeGateway", "ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION")?["value"]
        guard let node, node.text != nil else {
            return Field(.none, nil, note: "no ZEEBE_BROKER_CLUSTER_MESSAGECOMPRESSION or ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION")
        }
        let text = try literal(node, what: "the message compression variable")
        guard let value = MessageCompression(rawValue: text.uppercased()) else {
            throw .cannotInfer(fallbackLocation(node), message: "message compression '\(text)' is not GZIP, SNAPPY or NONE")
        }
        return Field(value, node.location)
    }

    /// `ZEEBE_GATEWAY_*` variables other than message compression, with literal one-line values.
    func gatewayEnv(skipped: inout [String]) throws(ValuesError) -> [Field<EnvVar>] {
        var result: [Field<EnvVar>] = []
        for entry in env("zeebeGateway") {
            guard let name = entry.envName, name.hasPrefix("ZEEBE_GATEWAY_"), name != "ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION",
                  !result.contains(where: { $0.value.name == name }) else { continue }
            let at = entry.location.map { " (\($0))" } ?? ""
            guard name.range(of: #"^ZEEBE_GATEWAY_[A-Z0-9_]+$"#, options: .regularExpression) != nil else {
                skipped.append("zeebeGateway.env \(name)\(at): not an upper-case variable name"); continue
            }
            if let value = entry["value"]?.scalar, SecretScanner.isSecretValue(key: name, parent: nil, value: value)
                || !SecretShapes.spans(in: value.value, pairs: true).isEmpty {
                skipped.append("zeebeGateway.env \(name)\(at): secret-like, not copied (rules.md R05)"); continue
            }
            guard let valueNode = entry["value"], valueNode.text != nil,
                  case let value = try literal(valueNode, what: "zeebeGateway.env \(name)"),
                  !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" }) else {
                skipped.append("zeebeGateway.env \(name)\(at): no literal one-line value (valueFrom?); the runbook's rename step does not list it")
                continue
            }
            // The value as the scenario would hold it: the check `generate` makes (Validate.noSecret) must never refuse it.
            if SecretScanner.isSecret(variable: name, value: value) {
                skipped.append("zeebeGateway.env \(name)\(at): secret-like, not copied (rules.md R05)"); continue
            }
            result.append(Field(EnvVar(name: name, value: value), entry["value"]?.location ?? entry.location))
        }
        return result
    }

    /// 8.7 basic-auth users: `CAMUNDA_OPERATE_USERID` / `CAMUNDA_TASKLIST_USERID` (rules.md V18).
    func users() -> [Field<String>] {
        var users: [Field<String>] = []
        for (block, name) in [("operate", "CAMUNDA_OPERATE_USERID"), ("tasklist", "CAMUNDA_TASKLIST_USERID")] {
            guard let node = envEntry(block, name)?["value"], let user = node.text,
                  user.range(of: #"^[A-Za-z0-9][A-Za-z0-9._@-]*$"#, options: .regularExpression) != nil,
                  !users.contains(where: { $0.value == user }) else { continue }
            users.append(Field(user, node.location))
        }
        return users
    }

    /// The 12.x chart's default for `zeebe.clusterSize`, `partitionCount` and `replicationFactor`
    /// (camunda/camunda-platform-helm charts/camunda-platform-8.7/values.yaml: "3" each).
    static let chartClusterDefault = 3

    /// Sizing as the values say it, the chart's defaults where a key is not set (said so in the note), so the
    /// scenario always carries the sizing of this deployment and never the reference's. A cluster size that is not
    /// set is refused: the chart's default (3) cannot be split across two regions.
    func cluster() throws(ValuesError) -> (size: Field<Int>?, partitions: Field<Int>?, replicationFactor: Field<Int>?) {
        func number(_ key: String) throws(ValuesError) -> Field<Int> {
            guard let node = merged[0].node(at: "zeebe.\(key)") else {
                return Field(Self.chartClusterDefault, nil, note: "zeebe.\(key) not set: the 12.x chart's default")
            }
            // As Helm reads it: `010` is 8, `0x8` and `8.0` are 8 (the chart quotes or divides the number).
            guard let value = node.integerValue, value >= 1 else {
                throw .cannotInfer(fallbackLocation(node), message: "zeebe.\(key) must be a whole number")
            }
            if let other = merged[1].node(at: "zeebe.\(key)"), other.integerValue != value {
                throw .cannotInfer(fallbackLocation(merged[1].node(at: "zeebe.\(key)")), message: "zeebe.\(key) differs between the regions; one cluster has one value")
            }
            return Field(value, node.location)
        }
        let size = try number("clusterSize"), partitions = try number("partitionCount"), factor = try number("replicationFactor")
        if size.source == nil {
            throw .cannotInfer(SourceLocation(file: input.base?.document.path ?? anyFile, line: 1, column: 1),
                               message: "zeebe.clusterSize is not set, and the 12.x chart's default (3) cannot be split across two regions; a dual-region cluster sets zeebe.clusterSize, partitionCount and replicationFactor (Camunda's references: 8, 8, 4)")
        }
        if size.value < 2 || !size.value.isMultiple(of: 2) {
            throw .cannotInfer(fallbackLocation(merged[0].node(at: "zeebe.clusterSize")), message: "zeebe.clusterSize must be even (half the brokers in each region), found \(size.value)")
        }
        if factor.value > size.value {
            throw .cannotInfer(fallbackLocation(merged[0].node(at: "zeebe.replicationFactor")), message: "zeebe.replicationFactor is larger than the cluster size")
        }
        return (size, partitions, factor)
    }

    /// What init warns of in the values, which the scenario does not carry (`generate --values-dir` repeats it).
    func valuesWarnings() -> [String] { backupStoreWarnings() + placeholderWarnings() + envFromWarnings() + otherExporterWarnings() }

    /// A sentence per zeebe.env exporter whose class is neither a legacy exporter's nor the Camunda Exporter's (a
    /// Kafka or an audit exporter from a jar of its own), once per name and class over both regions: the runbook
    /// neither compares nor switches it, and its entries reach `orchestration.env` as written, so the team checks
    /// that the 8.8 broker loads it. Look-alikes of the legacy classes are refused by `legacyExporters`.
    func otherExporterWarnings() -> [String] {
        var seen: Set<String> = []
        var found: [String] = []
        for region in envLists.indices {
            guard let list = envLists[region]["zeebe"] else { continue }
            for (index, name) in list.names.enumerated() {
                guard let name, let segment = Self.exporterID(classVariable: name),
                      let classNode = list.items[index].value["value"], let className = classNode.text,
                      Self.legacyClasses[className] == nil, className != CamundaExporter.className,
                      seen.insert(name + "\u{0}" + className).inserted else { continue }
                found.append("\(classNode.location.map { "\($0): " } ?? "")zeebe.env defines exporter \(segment) with the class '\(className)', neither an Elasticsearch nor an OpenSearch exporter: c8runbook carries its entries into orchestration.env as written and neither compares nor migrates it; check that the 8.8 brokers can load it (a jar built for 8.8)")
            }
        }
        return found
    }

    /// A sentence per region whose brokers have no backup store (`ZEEBE_BROKER_DATA_BACKUP_STORE` in the effective
    /// `zeebe.env`): Camunda's 8.7 backup guide takes the Zeebe backup through the brokers' store, so without one
    /// prepare.backup cannot finish and the upgrade has no way back. Camunda's reference values set none.
    func backupStoreWarnings() -> [String] {
        (0..<merged.count).compactMap { region in
            guard envEntry("zeebe", "ZEEBE_BROKER_DATA_BACKUP_STORE", region: region) == nil else { return nil }
            return "region \(region)'s zeebe.env sets no ZEEBE_BROKER_DATA_BACKUP_STORE: the Zeebe backup of prepare.backup cannot be taken, so the upgrade would have no way back; configure a backup store (S3, GCS or Azure, ZEEBE_BROKER_DATA_BACKUP_*) with the 8.7 chart before the upgrade window"
        }
    }

    /// A sentence per value that is exactly `PLACEHOLDER`, in the files as written: Camunda's dual-region reference
    /// values (c8-multi-region `camunda-values.yml`: `ZEEBE_BROKER_CLUSTER_INITIALCONTACTPOINTS`, the exporters'
    /// URLs) hold it until its script fills them in, and a file that still does is not what a cluster runs. The value
    /// is carried as written; the warning says where it is.
    func placeholderWarnings() -> [String] {
        var found: [String] = []
        func walk(_ node: ValuesNode, path: String) {
            switch node.content {
            case let .scalar(scalar):
                if scalar.kind == .string, scalar.value == "PLACEHOLDER" {
                    found.append("\(node.location.map { "\($0): " } ?? "")\(path) is 'PLACEHOLDER', the placeholder of Camunda's reference values: write the value your cluster runs with before the upgrade (c8runbook carries it into the 8.8 files as written)")
                }
            case let .mapping(entries):
                for index in entries.indices {
                    walk(entries[index].value, path: path.isEmpty ? entries[index].key : "\(path).\(entries[index].key)")
                }
            case let .sequence(items):
                for index in items.indices {
                    // An env entry is named by its variable: zeebe.env[ZEEBE_BROKER_CLUSTER_INITIALCONTACTPOINTS].
                    let name = items[index].value["name"]?.text
                    walk(items[index].value, path: "\(path)[\(name ?? String(index))]")
                }
            }
        }
        for file in input.files { walk(file.document.root, path: "") }
        return found
    }

    func backupRepository() throws(ValuesError) -> Field<String>? {
        let nodes = [("operate", "CAMUNDA_OPERATE_BACKUP_REPOSITORYNAME"), ("tasklist", "CAMUNDA_TASKLIST_BACKUP_REPOSITORYNAME")]
            .compactMap { envEntry($0.0, $0.1)?["value"] }
        guard let first = nodes.first, first.text != nil else { return nil }
        let name = try literal(first, what: "the backup repository variable")
        guard name.range(of: #"^[A-Za-z0-9][A-Za-z0-9._@-]*$"#, options: .regularExpression) != nil, name.count <= 128 else {
            throw .cannotInfer(fallbackLocation(first), message: "the backup repository name is not a plain name (letters, digits, '.', '_', '@', '-')")
        }
        let differs = nodes.dropFirst().contains { $0.text != name }
        return Field(name, first.location, note: differs ? "Operate and Tasklist name different repositories; 8.8 uses one (rules.md R21): check" : nil)
    }

    func customIndexPrefixes() -> Field<Bool> {
        for block in ["operate", "tasklist"] {
            if let entry = env(block).first(where: { ($0.envName ?? "").contains("INDEXPREFIX") || ($0.envName ?? "").contains("INDEX_PREFIX") }) {
                return Field(true, entry.location)
            }
        }
        return Field(false, nil, note: "no Operate/Tasklist index prefix variable")
    }

    func ingress() throws(ValuesError) -> Field<Ingress> {
        for block in ["operate", "tasklist", "zeebeGateway", "identity", "connectors", "console", "webModeler", "optimize"] {
            if let node = merged[0].node(at: "\(block).ingress.enabled"), try chartSwitch(node, path: "\(block).ingress.enabled") {
                return Field(.separated, node.location)
            }
        }
        if let node = merged[0].node(at: "global.ingress.enabled"), try chartSwitch(node, path: "global.ingress.enabled") { return Field(.combined, node.location) }
        return Field(.none, nil, note: "no Ingress enabled")
    }
}
