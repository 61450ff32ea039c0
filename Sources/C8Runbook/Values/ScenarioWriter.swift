/// Writes an `InferredScenario` as a commented scenario file (format version 1): each inferred field says where
/// it came from (`# from camunda-values.yml:57`), each default why, and a header lists the placeholders left
/// (values starting with `TODO-`/`todo-`) and the plaintext secrets found (by location only).
public struct ScenarioWriter {
    let scenario: InferredScenario
    /// Input paths as given → the names the comments use (relative to the base file's folder).
    let displayNames: [String: String]
    private var lines: [String] = []

    public init(scenario: InferredScenario, displayNames: [String: String] = [:]) {
        self.scenario = scenario
        self.displayNames = displayNames
    }

    private func place(_ location: SourceLocation) -> String {
        "\(displayNames[location.file] ?? location.file):\(location.line)"
    }

    private static func scalar(_ text: String) -> String { ValuesSnippet.format(.string(text)) }

    private mutating func field<T>(_ indent: Int, _ key: String, _ field: InferredScenario.Field<T>, _ text: String) {
        let pad = String(repeating: "  ", count: indent)
        switch (field.source, field.note) {
        case let (source?, note?): lines.append(pad + "# from \(place(source)) (\(note))")
        case let (source?, nil): lines.append(pad + "# from \(place(source))")
        case let (nil, note?) where note.hasPrefix("from "): lines.append(pad + "# " + note)
        case let (nil, note?): lines.append(pad + (text.uppercased().hasPrefix(InferredScenario.placeholderPrefix) ? "# PLACEHOLDER: " : "# default: ") + note)
        case (nil, nil): break
        }
        lines.append(pad + "\(key): \(text)")
    }

    public mutating func render() -> String {
        lines = []
        header()
        lines.append("version: \(Scenario.formatVersion)")
        field(0, "title", scenario.title, Self.scalar(scenario.title.value))
        field(0, "release", scenario.release, Self.scalar(scenario.release.value))
        lines.append("chart:")
        field(1, "from", scenario.chartFrom, Self.scalar(scenario.chartFrom.value))
        field(1, "to", scenario.chartTo, Self.scalar(scenario.chartTo.value))
        lines.append("# the files as given to init, relative to the base file's folder; c8runbook values writes the 8.8 files under the same names")
        lines.append("valuesFiles:")
        lines.append("  directory: " + Self.scalar(scenario.valuesFiles.directory))
        switch scenario.valuesFiles.bases.count {
        case 0: break
        case 1: lines.append("  base: " + Self.scalar(scenario.valuesFiles.bases[0]))
        default:
            lines.append("  # in helm -f order: later files win, lists are replaced")
            lines.append("  base:")
            lines += scenario.valuesFiles.bases.map { "    - " + Self.scalar($0) }
        }
        lines.append("  region0: " + Self.scalar(scenario.valuesFiles.region0))
        lines.append("  region1: " + Self.scalar(scenario.valuesFiles.region1))
        lines.append("regions:")
        for (index, region) in scenario.regions.enumerated() {
            lines.append("  - id: \(index)")
            field(2, "kubeContext", region.kubeContext, Self.scalar(region.kubeContext.value))
            field(2, "namespace", region.namespace, Self.scalar(region.namespace.value))
        }
        lines.append("secondaryStorage:")
        field(1, "type", scenario.storageType, scenario.storageType.value.rawValue)
        field(1, "layout", scenario.layout, scenario.layout.value.rawValue)
        if let provisioning = scenario.provisioning { field(1, "provisioning", provisioning, provisioning.value.rawValue) }
        lines.append("  urls:")
        let keys = scenario.layout.value == .shared ? ["shared"] : ["region0", "region1"]
        for (key, url) in zip(keys, scenario.urls) { field(2, key, url, Self.scalar(url.value)) }
        lines.append("exporters:")
        field(1, "management", scenario.management, scenario.management.value.rawValue)
        if !scenario.legacy.isEmpty {
            lines.append("  legacy:")
            for exporter in scenario.legacy {
                if let source = exporter.source { lines.append("    # from \(place(source))") }
                lines.append("    - segment: \(exporter.segment)" + (exporter.region.map { "\n      region: \($0)" } ?? ""))
            }
        }
        field(0, "messageCompression", scenario.compression, scenario.compression.value.rawValue)
        if scenario.gatewayEnv.isEmpty {
            lines.append("gatewayEnv: []")
        } else {
            lines.append("gatewayEnv:")
            for variable in scenario.gatewayEnv {
                if let source = variable.source { lines.append("  # from \(place(source))") }
                lines.append("  - name: \(variable.value.name)")
                lines.append("    value: " + Self.scalar(variable.value.value))
            }
        }
        field(0, "identity", scenario.identity, "\(scenario.identity.value)")
        field(0, "optimize", scenario.optimize, "\(scenario.optimize.value)")
        if scenario.basicAuthUsers.isEmpty {
            lines.append("# no CAMUNDA_OPERATE_USERID / CAMUNDA_TASKLIST_USERID in operate.env / tasklist.env")
            lines.append("basicAuthUsers: []")
        } else {
            lines.append("basicAuthUsers:")
            for user in scenario.basicAuthUsers {
                if let source = user.source { lines.append("  # from \(place(source))") }
                lines.append("  - " + Self.scalar(user.value))
            }
        }
        field(0, "apiSecurity", scenario.apiSecurity, scenario.apiSecurity.value.rawValue)
        let (size, partitions, factor) = scenario.cluster
        if size != nil || partitions != nil || factor != nil {
            lines.append("cluster:")
            if let size { field(1, "size", size, "\(size.value)") }
            if let partitions { field(1, "partitions", partitions, "\(partitions.value)") }
            if let factor { field(1, "replicationFactor", factor, "\(factor.value)") }
        }
        field(0, "connectors", scenario.connectors, "\(scenario.connectors.value)")
        if let backup = scenario.backupRepository { field(0, "backupRepository", backup, Self.scalar(backup.value)) }
        field(0, "plaintextSecrets", scenario.plaintextSecrets, "\(scenario.plaintextSecrets.value)")
        field(0, "customIndexPrefixes", scenario.customIndexPrefixes, "\(scenario.customIndexPrefixes.value)")
        field(0, "multiTenancy", scenario.multiTenancy, "\(scenario.multiTenancy.value)")
        field(0, "ingress", scenario.ingress, scenario.ingress.value.rawValue)
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func header() {
        lines.append("# c8runbook scenario inferred by `c8runbook init` from \(scenario.sourceFiles.joined(separator: ", ")).")
        lines.append("# Each value says where it came from (file:line) or why it is a default. Review all of it, replace the")
        lines.append("# placeholders, then run `c8runbook generate --scenario <this file>`.")
        let placeholders = scenario.placeholders
        lines.append("#")
        if placeholders.isEmpty {
            lines.append("# Placeholders: none.")
        } else {
            lines.append("# Placeholders (values starting with \(InferredScenario.placeholderPrefix) or todo-; `generate` warns while any is left):")
            lines += placeholders.map { "#   - \($0.path): \($0.hint)" }
        }
        lines.append("# Not in the values, chosen by default (check): " +
                     (scenario.chartTo.note?.hasPrefix("from ") == true ? "" : "chart.to, ") + "apiSecurity" +
                     (scenario.identity.source == nil ? ", identity" : "") + (scenario.optimize.source == nil ? ", optimize" : "") +
                     (scenario.connectors.source == nil ? ", connectors" : "") + ".")
        if !scenario.skipped.isEmpty {
            lines.append("# Read but not copied:")
            lines += scenario.skipped.map { "#   - \($0)" }
        }
        if !scenario.secrets.isEmpty {
            lines.append("# Plaintext secrets in the values (values not shown; move them into Kubernetes Secrets, rules.md R05):")
            lines += scenario.secrets.map { "#   - \($0.path) at \(place($0.location))" }
        }
    }
}
