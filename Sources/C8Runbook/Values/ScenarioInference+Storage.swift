import Foundation

/// Exporters, storage, release and namespaces (rules.md V02, V03, V07–V11).
extension ScenarioInference {
    struct FoundExporter {
        var segment: String
        var kind: SecondaryStorage.Kind
        var source: SourceLocation?
        var url: String
        var urlSource: SourceLocation?
    }

    static let exporterPrefix = "ZEEBE_BROKER_EXPORTERS_"

    /// The env-defined 8.7 exporters (`ZEEBE_BROKER_EXPORTERS_<SEGMENT>_CLASSNAME` with a legacy exporter class).
    func legacyExporters() throws(ValuesError) -> [FoundExporter] {
        var found: [FoundExporter] = []
        for entry in env("zeebe") {
            guard let name = entry.envName, name.hasPrefix(Self.exporterPrefix), name.hasSuffix("_CLASSNAME"),
                  let className = entry["value"]?.text, let kind = Self.legacyClasses[className] else { continue }
            let segment = String(name.dropFirst(Self.exporterPrefix.count).dropLast("_CLASSNAME".count))
            guard segment.range(of: #"^[A-Z][A-Z0-9]*$"#, options: .regularExpression) != nil,
                  !CamundaExporter.reservedSegments.contains(segment) else {
                throw .cannotInfer(fallbackLocation(entry), message: "exporter segment '\(segment)' is not an upper-case name the scenario can hold, or is reserved for the Camunda Exporters")
            }
            guard let urlNode = envEntry("zeebe", "\(Self.exporterPrefix)\(segment)_ARGS_URL")?["value"], let url = urlNode.text else {
                throw .cannotInfer(fallbackLocation(entry), message: "exporter \(segment) has no literal \(Self.exporterPrefix)\(segment)_ARGS_URL in zeebe.env")
            }
            try checkURL(url, at: urlNode, what: "\(Self.exporterPrefix)\(segment)_ARGS_URL")
            found.append(FoundExporter(segment: segment, kind: kind, source: entry["value"]?.location ?? entry.location,
                                       url: url, urlSource: urlNode.location))
        }
        return found
    }

    /// A URL the scenario can hold. Messages never quote it: it may carry credentials.
    func checkURL(_ url: String, at node: ValuesNode?, what: String) throws(ValuesError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
              !url.contains(where: { $0.isWhitespace || "'\"`$\\<>{}|".contains($0) }) else {
            throw .cannotInfer(fallbackLocation(node), message: "\(what) is not a plain http(s) URL with a host")
        }
        if components.user != nil || components.password != nil {
            throw .cannotInfer(fallbackLocation(node), message: "\(what) holds credentials; move them into a Kubernetes Secret (rules.md R05) and give the exporter its user through ARGS_AUTHENTICATION_* variables")
        }
    }

    func management(_ exporters: [FoundExporter]) throws(ValuesError) -> Field<Exporters.Management> {
        let node = merged[0].node(at: "global.elasticsearch.disableExporter") ?? merged[0].node(at: "global.opensearch.disableExporter")
        if node?.boolValue == true {
            guard !exporters.isEmpty else {
                throw .cannotInfer(fallbackLocation(node), message: "disableExporter is true but zeebe.env defines no exporter (ZEEBE_BROKER_EXPORTERS_<NAME>_CLASSNAME with a legacy exporter class)")
            }
            return Field(.manual, node?.location)
        }
        if let first = exporters.first {
            return Field(.manual, first.source, note: "exporters defined in zeebe.env (disableExporter is not true: check that the chart's own exporter is off)")
        }
        return Field(.helmManaged, node?.location, note: "no exporter in zeebe.env and disableExporter not true: the chart's own exporter")
    }

    func storageType(_ exporters: [FoundExporter]) -> Field<SecondaryStorage.Kind> {
        if let first = exporters.first { return Field(first.kind, first.source) }
        if let node = merged[0].node(at: "global.opensearch.enabled"), node.boolValue == true { return Field(.opensearch, node.location) }
        return Field(.elasticsearch, merged[0].node(at: "elasticsearch.enabled")?.location, note: "no OpenSearch setting found")
    }

    /// The layout and the storage URLs, ordered by region; one URL for a shared storage.
    func storage(_ exporters: [FoundExporter], management: Field<Exporters.Management>, type: SecondaryStorage.Kind)
        throws(ValuesError) -> (Field<SecondaryStorage.Layout>, [Field<String>]) {
        if management.value == .helmManaged {
            return (Field(.shared, management.source, note: "the chart's exporter writes to one storage"), [try chartStorageURL(type)])
        }
        var urls: [FoundExporter] = []
        for exporter in exporters where !urls.contains(where: { $0.url == exporter.url }) { urls.append(exporter) }
        switch urls.count {
        case 1:
            return (Field(.shared, urls[0].urlSource, note: "every exporter writes to the same URL"), [Field(urls[0].url, urls[0].urlSource)])
        case 2:
            let regionOfFirst = region(of: urls[0]) ?? (region(of: urls[1]).map { 1 - $0 } ?? 0)
            let ordered = regionOfFirst == 0 ? urls : [urls[1], urls[0]]
            return (Field(.perRegion, ordered[0].urlSource, note: "two exporters with different URLs"), ordered.map { Field($0.url, $0.urlSource) })
        default:
            throw .cannotInfer(fallbackLocation(merged[0].node(at: "zeebe.env")), message: "zeebe.env defines exporters for \(urls.count) different storage URLs; a dual-region scenario has one per region or one shared")
        }
    }

    /// The region an exporter writes to: by a namespace given on the command line, else the segment's last digit.
    private func region(of exporter: FoundExporter) -> Int? {
        let host = URLComponents(string: exporter.url)?.host ?? ""
        for region in 0...1 {
            if let namespace = options.namespaces[region], host.split(separator: ".").dropFirst().first.map(String.init) == namespace { return region }
        }
        switch exporter.segment.last {
        case "0": return 0
        case "1": return 1
        default: return nil
        }
    }

    func assignRegions(_ exporters: [FoundExporter], layout: SecondaryStorage.Layout, urls: [Field<String>]) -> [InferredScenario.Exporter] {
        exporters.map { exporter in
            let region = layout == .shared ? nil : urls.firstIndex { $0.value == exporter.url }
            return InferredScenario.Exporter(segment: exporter.segment, region: region, source: exporter.source)
        }
    }

    private func chartStorageURL(_ type: SecondaryStorage.Kind) throws(ValuesError) -> Field<String> {
        let block = type == .opensearch ? "global.opensearch.url" : "global.elasticsearch.url"
        if let node = merged[0].node(at: block) {
            if let url = node.text {
                try checkURL(url, at: node, what: block)
                return Field(url, node.location)
            }
            if let host = node["host"]?.text {
                let url = "\(node["protocol"]?.text ?? "http")://\(host):\(node["port"]?.text ?? "9200")"
                try checkURL(url, at: node, what: block)
                return Field(url, node.location, note: "\(block).protocol/host/port")
            }
        }
        let release = options.release ?? "camunda"
        return Field("http://\(release)-elasticsearch:9200", nil, note: "no \(block): the chart's default service name; check it")
    }

    func release(_ urls: [Field<String>]) -> Field<String> {
        if let release = options.release { return Field(release, nil, note: "from --release") }
        for url in urls {
            let service = URLComponents(string: url.value)?.host?.split(separator: ".").first.map(String.init) ?? ""
            if let range = service.range(of: #"-(elasticsearch|opensearch)(-master)?(-hl)?$"#, options: .regularExpression) {
                let release = String(service[..<range.lowerBound])
                if Self.isDNSName(release, maximum: 53) {
                    return Field(release, url.source, note: "the release prefix of the storage service name")
                }
            }
        }
        return Field("todo-release", nil, note: "give --release: the Helm release name, the same in both regions")
    }

    func namespace(_ region: Int, layout: SecondaryStorage.Layout, urls: [Field<String>]) -> Field<String> {
        if let namespace = options.namespaces[region] { return Field(namespace, nil, note: "from --namespace\(region)") }
        let placeholder = Field("todo-namespace-region\(region)", nil, note: "give --namespace\(region) or write region \(region)'s namespace")
        guard layout == .perRegion, region < urls.count else { return placeholder }
        let labels = URLComponents(string: urls[region].value)?.host?.split(separator: ".").map(String.init) ?? []
        guard labels.count >= 3, labels[2] == "svc", Self.isDNSName(labels[1], maximum: 63) else { return placeholder }
        if region == 1, options.namespaces[0] == labels[1] { return placeholder }
        return Field(labels[1], urls[region].source, note: "the namespace in the exporter URL")
    }

    func provisioning(_ type: SecondaryStorage.Kind) -> Field<SecondaryStorage.Provisioning>? {
        guard type == .elasticsearch else { return Field(.external, nil, note: "the chart has no OpenSearch subchart") }
        guard let node = merged[0].node(at: "elasticsearch.enabled"), let enabled = node.boolValue else { return nil }
        return Field(enabled ? .subchart : .external, node.location)
    }

    func valuesFiles() -> ValuesFiles {
        let base = input.base?.relativePath
        let name = input.base.map { URL(fileURLWithPath: $0.relativePath).lastPathComponent } ?? "camunda-values.yml"
        return ValuesFiles(base: base,
                           region0: input.regionFile(0)?.relativePath ?? "region0/\(name)",
                           region1: input.regionFile(1)?.relativePath ?? "region1/\(name)",
                           directory: filesFolder)
    }

    /// The absolute folder the relative names above are relative to, written as `valuesFiles.directory` so that
    /// the scenario's commands find the files wherever the scenario is saved (issue 10, item 1).
    var filesFolder: String? {
        guard let file = input.base ?? input.files.first else { return nil }
        let absolute = URL(fileURLWithPath: file.document.path).standardizedFileURL.path
        let suffix = "/" + file.relativePath
        return absolute.hasSuffix(suffix) ? (absolute.count > suffix.count ? String(absolute.dropLast(suffix.count)) : "/") : URL(fileURLWithPath: absolute).deletingLastPathComponent().path
    }

    static func isDNSName(_ text: String, maximum: Int) -> Bool {
        text.count <= maximum && text.range(of: #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#, options: .regularExpression) != nil
    }
}
