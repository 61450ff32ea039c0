import Foundation
import Yams

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

    /// The exporter id of an env variable `ZEEBE_BROKER_EXPORTERS_<ID>_CLASSNAME` (empty when nothing stands
    /// between the two), nil for any other name.
    static func exporterID(classVariable name: String) -> String? {
        guard name.hasPrefix(exporterPrefix), name.hasSuffix("_CLASSNAME") else { return nil }
        return String(name.dropFirst(exporterPrefix.count).dropLast("_CLASSNAME".count))
    }

    /// The `global` URL block the chart's own exporter of `type` reads.
    static func chartURLBlock(_ type: SecondaryStorage.Kind) -> String {
        type == .opensearch ? "global.opensearch.url" : "global.elasticsearch.url"
    }

    /// The env-defined 8.7 exporters (`ZEEBE_BROKER_EXPORTERS_<SEGMENT>_CLASSNAME` with a legacy exporter class),
    /// compared across the two regions by id and URL: every broker of a dual-region cluster must run the same
    /// exporters, and one id must mean one storage (camunda/camunda-8-helm-profiles#82: an id pointing at each
    /// region's other storage corrupted data). Returns region 0's list; throws on any disagreement.
    func legacyExporters() throws(ValuesError) -> [FoundExporter] {
        for region in 0...1 { try refuseConfiguredExporters(region: region) }
        let lists = [try legacyExporters(region: 0), try legacyExporters(region: 1)]
        for (region, list) in lists.enumerated() {
            let other = lists[1 - region]
            for exporter in list {
                guard let twin = other.first(where: { $0.segment == exporter.segment }) else {
                    if let replaced = replacedBaseExporters(region: 1 - region), replaced.ids.contains(exporter.segment) {
                        throw replacedListError(region: 1 - region, replaced)
                    }
                    throw .cannotInfer(exporter.source ?? fallbackLocation(nil),
                                       message: "exporter \(exporter.segment) is defined in region \(region)'s values only; every broker of a dual-region cluster runs the same exporters: define it in both regions (or in the base file)")
                }
                if region == 0, !Self.sameStorage(twin.url, exporter.url) || twin.kind != exporter.kind {
                    throw .cannotInfer(twin.urlSource ?? fallbackLocation(nil),
                                       message: "exporter \(exporter.segment) writes to a different storage in each region (region 0: \(exporter.urlSource.map { "\($0)" } ?? "?"), region 1: here); one exporter id must mean one storage in both regions, or each region exports the same partitions to another place. Give each storage its own exporter id, the same in both regions (Camunda's references: ELASTICSEARCHREGION0 to region 0's storage, ELASTICSEARCHREGION1 to region 1's), apply that with the 8.7 chart, then run init again")
                }
                if region == 0 { try compareIndexPrefix(of: exporter.segment) }
            }
        }
        return lists[0]
    }

    /// One exporter id on one storage must also write one set of indices: the Elasticsearch and OpenSearch exporters
    /// name theirs by `index.prefix` (`…_ARGS_INDEX_PREFIX`, default `zeebe-record`: camunda/camunda
    /// `ElasticsearchExporterConfiguration.IndexConfiguration.prefix`). Written differently in the two regions, the
    /// brokers of each region export their partitions to other indices of the same storage, and Operate and Tasklist
    /// read one prefix: half the records are missing there, and the data migration would read one set. Refused
    /// naming both prefixes (index names, not secrets). `segment`'s exporter is in both regions.
    func compareIndexPrefix(of segment: String) throws(ValuesError) {
        let name = "\(Self.exporterPrefix)\(segment)_ARGS_INDEX_PREFIX"
        let entries = [envEntry("zeebe", name, region: 0)?["value"], envEntry("zeebe", name, region: 1)?["value"]]
        let prefixes = entries.map { $0?.text ?? "zeebe-record" }
        guard prefixes[0] != prefixes[1] else { return }
        throw .cannotInfer(fallbackLocation(entries[1] ?? entries[0]),
                           message: "exporter \(segment) writes to indices prefixed '\(prefixes[0])' in region 0 and '\(prefixes[1])' in region 1 (zeebe.env \(name)\(entries.contains { $0 == nil } ? ", 'zeebe-record' where it is not set" : "")): one exporter id must write one set of indices in both regions, or each region's brokers export their partitions to other indices and Operate and Tasklist read one of them. Write the same prefix in both regions, apply that with the 8.7 chart, then run init again")
    }

    /// Exporters written in `zeebe.configuration`, the broker's whole application.yaml in 12.x (CHART 12.7.6
    /// `zeebe/configmap.yaml`), are refused: init reads the exporters from `zeebe.env` (Camunda's dual-region
    /// reference), and 13.x's `orchestration.configuration` replaces the Orchestration Cluster's whole unified
    /// configuration (CHART 13.12.7 `orchestration/configmap-unified.yaml`), so the rules could neither compare,
    /// keep nor switch them. Unread, they were an enabled exporter the runbook never mentioned.
    func refuseConfiguredExporters(region: Int) throws(ValuesError) {
        if let node = merged[region].node(at: "zeebe.configuration"), let text = node.text, !text.isEmpty {
            let ids = Self.configuredExporterIDs(text)
            if !ids.isEmpty {
                throw .cannotInfer(fallbackLocation(node), message: "zeebe.configuration (the broker's whole application.yaml in the 12.x chart) defines the exporter\(ids.count == 1 ? "" : "s") '\(ids.joined(separator: "', '"))': c8runbook reads the 8.7 exporters from zeebe.env only, and in 13.x orchestration.configuration replaces the Orchestration Cluster's whole configuration, so the upgrade could neither keep nor switch \(ids.count == 1 ? "it" : "them") as the migration needs. Define \(ids.count == 1 ? "it" : "them") as ZEEBE_BROKER_EXPORTERS_<ID>_* variables in zeebe.env instead (Camunda's dual-region reference), apply that with the 8.7 chart, then run init again")
            }
        }
        try refusePropertyExporters(region: region)
    }

    /// Exporters set as Spring properties outside `ZEEBE_BROKER_EXPORTERS_*` variables are refused as those of
    /// `zeebe.configuration` are: `SPRING_APPLICATION_JSON` in zeebe.env (JSON properties, read by the broker's Spring
    /// Boot over its application.yaml and its other variables: Spring Boot reference, "Externalized Configuration"),
    /// and `-Dzeebe.broker.exporters.…` system properties in `zeebe.javaOpts` (the 12.x chart's `JAVA_TOOL_OPTIONS`,
    /// CHART 12.7.6 `zeebe/statefulset.yaml`) or in a `JAVA_TOOL_OPTIONS` or `JAVA_OPTS` entry of zeebe.env. init
    /// saw none of them: an exporter, or the arguments of one (`args.url`, `args.index.prefix`), the runbook never
    /// compared across the regions, kept for the migration nor switched off after it.
    func refusePropertyExporters(region: Int) throws(ValuesError) {
        var places: [(node: ValuesNode, what: String, ids: [String])] = []
        if let list = envLists[region]["zeebe"] {
            for (index, name) in list.names.enumerated() {
                guard let name, name == "SPRING_APPLICATION_JSON" || name == "JAVA_TOOL_OPTIONS" || name == "JAVA_OPTS",
                      let value = list.items[index].value["value"], let text = value.text else { continue }
                let ids = name == "SPRING_APPLICATION_JSON" ? Self.configuredExporterIDs(text) : Self.systemPropertyExporterIDs(text)
                places.append((value, "zeebe.env \(name)", ids))
            }
        }
        if let node = merged[region].node(at: "zeebe.javaOpts"), let text = node.text {
            places.append((node, "zeebe.javaOpts", Self.systemPropertyExporterIDs(text)))
        }
        guard let place = places.first(where: { !$0.ids.isEmpty }) else { return }
        let ids = place.ids, one = ids.count == 1
        throw .cannotInfer(fallbackLocation(place.node), message: "\(place.what) sets the exporter\(one ? "" : "s") '\(ids.joined(separator: "', '"))' in Spring properties: c8runbook reads the 8.7 exporters from ZEEBE_BROKER_EXPORTERS_<ID>_* variables in zeebe.env only, so the upgrade could neither compare \(one ? "it" : "them") across the regions, keep \(one ? "it" : "them") during the migration nor switch \(one ? "it" : "them") off after it. Write \(one ? "it" : "them") as ZEEBE_BROKER_EXPORTERS_<ID>_* variables in zeebe.env instead (Camunda's dual-region reference), apply that with the 8.7 chart, then run init again")
    }

    /// The exporter ids of `-Dzeebe.broker.exporters.<id>.…` system properties in a JVM options text, with Spring's
    /// relaxed binding (any case, `-` or `_` ignored in the prefix), in the order first written.
    static func systemPropertyExporterIDs(_ text: String) -> [String] {
        var ids: [String] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) where word.hasPrefix("-D") {
            let parts = word.dropFirst(2).prefix { $0 != "=" }.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count > 4 || (parts.count == 4 && word.contains("=")),
                  parts.prefix(3).map({ $0.lowercased().filter { $0 != "-" && $0 != "_" } }) == ["zeebe", "broker", "exporters"] else { continue }
            let id = String(parts[3])
            if !id.isEmpty, !ids.contains(where: { $0.lowercased() == id.lowercased() }) { ids.append(id) }
        }
        return ids
    }

    /// The exporter ids under `zeebe.broker.exporters` of an application.yaml, with Spring's relaxed binding: keys
    /// nested or dotted (`zeebe.broker:` then `exporters.audit.className`), in any case, with `-` or `_`. Empty when
    /// the text is not YAML.
    static func configuredExporterIDs(_ text: String) -> [String] {
        guard let tree = try? Yams.load(yaml: text) else { return [] }
        let prefix = ["zeebe", "broker", "exporters"]
        var ids: [String] = []
        func walk(_ node: Any?, _ path: [String]) {
            guard let mapping = node as? [AnyHashable: Any] else { return }
            for (key, value) in mapping {
                let parts = "\(key.base)".split(separator: ".").map(String.init)
                let full = path + parts.map { $0.lowercased().filter { $0 != "-" && $0 != "_" } }
                if full.count > prefix.count, Array(full.prefix(prefix.count)) == prefix {
                    let id = parts[prefix.count - min(path.count, prefix.count)]
                    if !ids.contains(where: { $0.lowercased() == id.lowercased() }) { ids.append(id) }
                } else if Array(prefix.prefix(full.count)) == full {
                    walk(value, full)
                }
            }
        }
        walk(tree, [])
        return ids.sorted()
    }

    private func legacyExporters(region: Int) throws(ValuesError) -> [FoundExporter] {
        var found: [FoundExporter] = []
        guard let list = envLists[region]["zeebe"] else { return found }
        for (index, name) in list.names.enumerated() {
            // Names first: the item is copied only for an exporter's class name.
            guard let name, let segment = Self.exporterID(classVariable: name) else { continue }
            let entry = list.items[index].value
            guard let classNode = entry["value"], classNode.text != nil else { continue }
            // The chart renders env values with `tpl`: a class name Helm renders from a template is read no more
            // than a URL is (an exporter of an unread class was left out of the scenario without a word).
            let className = try literal(classNode, what: "zeebe.env \(name)")
            if className == CamundaExporter.className { throw alreadyMigrated(entry["value"] ?? entry, what: "zeebe.env \(name) names the Camunda Exporter") }
            guard let kind = Self.legacyClasses[className] else {
                // Not loaded from a jar of its own, a class that names Elasticsearch or OpenSearch and is not the
                // exporter's exact name cannot be loaded by the 8.7 broker (class names are case-sensitive); leaving
                // it out would drop an exporter the team meant from the upgrade without a word (new-user trial).
                let lowered = className.lowercased()
                if lowered.contains("elasticsearch") || lowered.contains("opensearch"),
                   envEntry("zeebe", "\(Self.exporterPrefix)\(segment)_JARPATH", region: region) == nil {
                    throw .cannotInfer(fallbackLocation(classNode), message: "zeebe.env \(name) is '\(className)', which is not the class of the 8.7 Elasticsearch exporter ('io.camunda.zeebe.exporter.ElasticsearchExporter') nor of the OpenSearch exporter ('io.camunda.zeebe.exporter.opensearch.OpensearchExporter'), and no \(Self.exporterPrefix)\(segment)_JARPATH loads it: the 8.7 broker cannot load it (class names are case-sensitive), and c8runbook would leave exporter \(segment) out of the upgrade. Write the exact class name (and check what the brokers run), then run init again")
                }
                continue
            }
            guard segment.range(of: #"^[A-Z][A-Z0-9]*$"#, options: .regularExpression) != nil,
                  !CamundaExporter.reservedSegments.contains(segment) else {
                throw .cannotInfer(fallbackLocation(entry), message: "exporter segment '\(segment)' is not an upper-case name the scenario can hold, or is reserved for the Camunda Exporters")
            }
            guard let urlNode = envEntry("zeebe", "\(Self.exporterPrefix)\(segment)_ARGS_URL", region: region)?["value"], urlNode.text != nil else {
                throw .cannotInfer(fallbackLocation(entry), message: "exporter \(segment) has no literal \(Self.exporterPrefix)\(segment)_ARGS_URL in zeebe.env")
            }
            let what = "zeebe.env \(Self.exporterPrefix)\(segment)_ARGS_URL"
            let url = Self.withImpliedScheme(try literal(urlNode, what: what))
            try checkURL(url, at: urlNode, what: what)
            found.append(FoundExporter(segment: segment, kind: kind, source: entry["value"]?.location ?? entry.location,
                                       url: url, urlSource: urlNode.location))
        }
        return found
    }

    /// A scalar's text with `{{ .Release.Name }}` substituted from `--release`; any other template expression, or
    /// that one without `--release`, is refused naming the key (the chart renders these values with `tpl`).
    func literal(_ node: ValuesNode, what: String) throws(ValuesError) -> String {
        let text = node.text ?? ""
        switch HelmTemplate.substitute(text, release: options.release) {
        case let .success(value): return value
        case let .failure(unrendered):
            throw .cannotInfer(fallbackLocation(node), message: unrendered.message(key: what, releaseOption: "--release NAME"))
        }
    }

    /// Input that already is 8.8 values: `values` would rewrite it a second time.
    func alreadyMigrated(_ node: ValuesNode?, what: String) -> ValuesError {
        .invalid(fallbackLocation(node), message: "these are already 8.8 values (\(what)); init and values read the 8.7 values the deployment runs now: give those files (helm get values RELEASE shows what is installed)")
    }

    /// A URL the scenario can hold. Messages never quote it: it may carry credentials.
    func checkURL(_ url: String, at node: ValuesNode?, what: String) throws(ValuesError) {
        if url.contains(","), url.split(separator: ",").allSatisfy({ Self.withImpliedScheme($0.trimmingCharacters(in: .whitespaces)).lowercased().hasPrefix("http") }) {
            throw .cannotInfer(fallbackLocation(node), message: "\(what) is a comma-separated list of URLs (several nodes of one storage); c8runbook compares each exporter's storage by one URL and gives the Camunda Exporter one: write one URL (a load-balanced Service or one node), apply that with the 8.7 chart, then run init again")
        }
        if url.hasSuffix("\n") || url.hasPrefix(" ") || url.hasSuffix(" ") {
            throw .cannotInfer(fallbackLocation(node), message: "\(what) has spaces or a line break around the URL (a '|' or '>' block keeps the final line break; write '|-' or '>-', or the URL on the key's line)")
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
              !url.contains(where: { $0.isWhitespace || "'\"`$\\<>{}|".contains($0) }) else {
            throw .cannotInfer(fallbackLocation(node), message: "\(what) is not a plain http(s) URL with a host (scheme http or https, a host name, no spaces or quotes)")
        }
        if components.user != nil || components.password != nil {
            throw .cannotInfer(fallbackLocation(node), message: "\(what) holds credentials; move them into a Kubernetes Secret (rules.md R05) and give the exporter its user through ARGS_AUTHENTICATION_* variables")
        }
    }

    /// The chart's own exporter, as the 12.x chart decides it (camunda/camunda-platform-helm
    /// charts/camunda-platform-8.7/templates/zeebe/configmap.yaml @01ae7f56, the same in 12.13.3): `elasticsearch`
    /// when `global.elasticsearch.enabled` (default true) and not `disableExporter`, else `opensearch` whenever
    /// `global.opensearch.enabled` (`{{- else if .Values.global.opensearch.enabled }}`: the 12.x chart has no
    /// `global.opensearch.disableExporter`, and `global.elasticsearch.disableExporter` does not reach this branch).
    /// Nil when it is off (or `zeebe.configuration` replaces the chart's configuration).
    func chartExporter(region: Int) -> (id: String, node: ValuesNode?)? {
        let values = merged[region]
        if values.node(at: "zeebe.configuration")?.text.map({ !$0.isEmpty }) == true { return nil }
        // Read as the templates read them (Go template truth: `disableExporter: "false"` is a non-empty string, true).
        let esEnabled = values.node(at: "global.elasticsearch.enabled")?.templateTruth ?? true
        let esDisabled = values.node(at: "global.elasticsearch.disableExporter")?.templateTruth ?? false
        if esEnabled, !esDisabled {
            return ("elasticsearch", values.node(at: "global.elasticsearch.disableExporter") ?? values.node(at: "global.elasticsearch.enabled"))
        }
        if values.node(at: "global.opensearch.enabled")?.templateTruth == true {
            return ("opensearch", values.node(at: "global.opensearch.enabled"))
        }
        return nil
    }

    func management(_ exporters: [FoundExporter]) throws(ValuesError) -> Field<Exporters.Management> {
        let chart = [chartExporter(region: 0), chartExporter(region: 1)]
        if (chart[0] == nil) != (chart[1] == nil) {
            let region = chart[0] == nil ? 1 : 0
            throw .cannotInfer(fallbackLocation(chart[region]?.node ?? merged[region].node(at: "global")),
                               message: "the chart's own exporter is enabled in region \(region) only (global.elasticsearch.disableExporter, or global.opensearch.enabled, differs between the regions); every broker must run the same exporters: set it the same in both regions")
        }
        if let first = exporters.first {
            // An env exporter with the chart exporter's id (ZEEBE_BROKER_EXPORTERS_OPENSEARCH_*) is that exporter: the
            // broker binds the variables over the chart's application.yaml, so it runs once, with the env's settings.
            if let enabled = chart[0], !exporters.contains(where: { $0.segment.lowercased() == enabled.id }) {
                if enabled.id == "opensearch" {
                    throw .cannotInfer(first.source ?? fallbackLocation(nil),
                                       message: "the 12.x chart's own exporter 'opensearch' runs whenever global.opensearch.enabled is true (the chart has no disableExporter for it) next to the exporters in zeebe.env, so 8.7 exports every record twice; c8runbook does not switch off an enabled exporter on its own. Give one of the zeebe.env exporters the id OPENSEARCH (ZEEBE_BROKER_EXPORTERS_OPENSEARCH_*), which takes the chart's exporter's place, or remove the zeebe.env exporters (and apply it with the 8.7 chart); then run init again")
                }
                throw .cannotInfer(first.source ?? fallbackLocation(nil),
                                   message: "the chart's own exporter '\(enabled.id)' is enabled (global.\(enabled.id).disableExporter is not true) next to the exporters in zeebe.env, so 8.7 exports every record twice; c8runbook does not switch off an enabled exporter on its own. If the zeebe.env exporters are the ones you mean, set global.\(enabled.id).disableExporter: true in the 8.7 values (and apply it with the 8.7 chart); otherwise remove the zeebe.env exporters; then run init again")
            }
            let node = merged[0].node(at: "global.elasticsearch.disableExporter") ?? merged[0].node(at: "global.opensearch.disableExporter")
            if let enabled = chart[0] {
                return Field(.manual, first.source, note: "exporters defined in zeebe.env; the one with the id \(enabled.id.uppercased()) takes the place of the chart's own exporter '\(enabled.id)'")
            }
            return Field(.manual, node?.location ?? first.source, note: node == nil ? "exporters defined in zeebe.env; the chart's own exporter is off" : nil)
        }
        let node = merged[0].node(at: "global.elasticsearch.disableExporter") ?? merged[0].node(at: "global.opensearch.disableExporter")
        guard chart[0] != nil else {
            if let (region, replaced) = (0...1).lazy.compactMap({ region in self.replacedBaseExporters(region: region).map { (region, $0) } }).first {
                throw replacedListError(region: region, replaced)
            }
            throw .cannotInfer(fallbackLocation(node), message: "no exporter: the chart's own exporter is off and zeebe.env defines none (ZEEBE_BROKER_EXPORTERS_<NAME>_CLASSNAME with a legacy exporter class); Operate and Tasklist would get no data")
        }
        return Field(.helmManaged, node?.location, note: "no exporter in zeebe.env and disableExporter not true: the chart's own exporter")
    }

    /// The secondary storage's kind: the first zeebe.env exporter's, else OpenSearch when region 0 switches
    /// `global.opensearch.enabled` on as the 12.x chart's templates read it (`{{- else if
    /// .Values.global.opensearch.enabled }}`, Go template truth, as `chartExporter` reads it: a quoted "true" is on,
    /// a quoted "false" refused by `chartSwitch`), else Elasticsearch.
    func storageType(_ exporters: [FoundExporter]) throws(ValuesError) -> Field<SecondaryStorage.Kind> {
        if let first = exporters.first { return Field(first.kind, first.source) }
        if let node = merged[0].node(at: "global.opensearch.enabled"), try chartSwitch(node, path: "global.opensearch.enabled") {
            return Field(.opensearch, node.location)
        }
        return Field(.elasticsearch, merged[0].node(at: "elasticsearch.enabled")?.location, note: "no OpenSearch setting found")
    }

    /// The layout and the storage URLs, ordered by region; one URL for a shared storage.
    func storage(_ exporters: [FoundExporter], management: Field<Exporters.Management>, type: SecondaryStorage.Kind)
        throws(ValuesError) -> (Field<SecondaryStorage.Layout>, [Field<String>]) {
        if management.value == .helmManaged {
            let url = try chartStorageURL(type, region: 0)
            // A region file may set the URL for its region alone: the chart's exporter then writes each region's
            // records to its own storage, and neither storage gets the partitions the other region's brokers lead.
            let other = try chartStorageURL(type, region: 1)
            if !Self.sameStorage(url.value, other.value) {
                // At region 1's part that differs (host, port or protocol of the URL block), else at its URL.
                let block = Self.chartURLBlock(type)
                let part = ["host", "port", "protocol"].lazy.compactMap { key in
                    self.merged[1].node(at: "\(block).\(key)").flatMap { node in
                        node.text == self.merged[0].node(at: "\(block).\(key)")?.text ? nil : node.location
                    }
                }.first
                throw .cannotInfer(part ?? other.source ?? url.source ?? fallbackLocation(nil),
                                   message: "the chart's own exporter writes to '\(url.value)' in region 0 and '\(other.value)' in region 1 (\(block) differs between the regions): each storage gets only the records of the brokers in its region, and Camunda's dual-region setup needs every broker to export to both storages (its reference values: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0/1_* in zeebe.env, with global.elasticsearch.disableExporter: true); configure that with the 8.7 chart, or write the scenario by hand")
            }
            try refuseRegionLocal(url.value, at: url.source, what: "the chart's own exporter")
            return (Field(.shared, management.source, note: "the chart's exporter writes to one storage"), [url])
        }
        var urls: [FoundExporter] = []
        for exporter in exporters where !urls.contains(where: { Self.sameStorage($0.url, exporter.url) }) { urls.append(exporter) }
        switch urls.count {
        case 1:
            try refuseRegionLocal(urls[0].url, at: urls[0].urlSource, what: "every zeebe.env exporter")
            return (Field(.shared, urls[0].urlSource, note: "every exporter writes to the same URL"), [Field(urls[0].url, urls[0].urlSource)])
        case 2:
            let regionOfFirst = region(of: urls[0]) ?? (region(of: urls[1]).map { 1 - $0 } ?? 0)
            let ordered = regionOfFirst == 0 ? urls : [urls[1], urls[0]]
            return (Field(.perRegion, ordered[0].urlSource, note: "two exporters with different URLs"), ordered.map { Field($0.url, $0.urlSource) })
        default:
            throw .cannotInfer(fallbackLocation(merged[0].node(at: "zeebe.env")), message: "zeebe.env defines exporters for \(urls.count) different storage URLs; a dual-region scenario has one per region or one shared")
        }
    }

    /// The exporter ids (`ZEEBE_BROKER_EXPORTERS_<ID>_CLASSNAME`) of the base files' `zeebe.env` that region
    /// `region`'s own `zeebe.env` leaves out, with where that list is: Helm replaces lists (it merges only mappings),
    /// so they reach none of that region's brokers. Nil when the region file has no `zeebe.env` or loses none.
    func replacedBaseExporters(region: Int) -> (ids: [String], list: SourceLocation?)? {
        guard !input.bases.isEmpty, let zeebe = input.regionFile(region)?.document.root["zeebe"], let own = zeebe.entry("env") else { return nil }
        func ids(_ node: ValuesNode?) -> [String] {
            (node?.items ?? []).compactMap { item in
                guard let name = item.value.envName, let id = Self.exporterID(classVariable: name), !id.isEmpty else { return nil }
                return id
            }
        }
        let kept = Set(ids(own.value))
        let lost = ids(input.mergedBases.node(at: "zeebe.env")).filter { !kept.contains($0) }
        return lost.isEmpty ? nil : (lost, own.keyLocation ?? own.value.location)
    }

    func replacedListError(region: Int, _ replaced: (ids: [String], list: SourceLocation?)) -> ValuesError {
        .cannotInfer(replaced.list ?? fallbackLocation(nil),
                     message: "region \(region)'s zeebe.env replaces the base file's zeebe.env (Helm replaces lists, it does not merge them), so region \(region)'s brokers do not run these exporters the base file defines there: \(replaced.ids.joined(separator: ", ")); every broker of a dual-region cluster runs the same exporters: repeat the base file's ZEEBE_BROKER_EXPORTERS_* entries in this list (or move this list's entries into the base file), apply that with the 8.7 chart, then run init again")
    }

    /// Whether two exporter URLs name one storage: compared as `storageEndpoint`s, not as spellings.
    static func sameStorage(_ a: String, _ b: String) -> Bool {
        a == b || storageEndpoint(a) == storageEndpoint(b)
    }

    /// The storage a URL names, in one spelling: scheme and host in lower case (RFC 3986 §6.2.2.1: both are
    /// case-insensitive), the host without a trailing dot, the port the scheme implies written out (the exporters'
    /// Elasticsearch/OpenSearch clients resolve a URL without a port to 80 or 443, Apache HttpClient's
    /// `DefaultSchemePortResolver`, not to 9200), a Kubernetes Service's short `SERVICE.NAMESPACE.svc` as its
    /// `.svc.cluster.local` name (what a pod's DNS search list makes of it), as is the two-label `SERVICE.NAMESPACE`, and
    /// the path without trailing slashes.
    /// A text that is no URL with a host is returned as it is.
    static func storageEndpoint(_ url: String) -> String {
        let url = withImpliedScheme(url)
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              var host = components.host?.lowercased(), !host.isEmpty else { return url }
        while host.hasSuffix(".") { host.removeLast() }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if host.hasSuffix(".svc"), labels.count >= 3 { host += ".cluster.local" }
        // SERVICE.NAMESPACE: a pod's resolver tries its search list first (ndots 5), so that is the Service's name.
        if labels.count == 2, !labels.contains(where: \.isEmpty), !host.contains(":"), !labels.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            host += ".svc.cluster.local"
        }
        let port = components.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : nil)
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        return "\(scheme)://\(host)\(port.map { ":\($0)" } ?? "")\(path)\(query)"
    }

    /// A legacy exporter's URL as its client reads it: `HOST:PORT` without a scheme is `http://HOST:PORT`. The 8.7 Elasticsearch and OpenSearch exporters parse `args.url` with Apache HttpCore's
    /// `HttpHost.create`, whose scheme defaults to http (camunda/camunda
    /// zeebe/exporters/elasticsearch-exporter/src/main/java/io/camunda/zeebe/exporter/RestClientFactory.java:
    /// "parsed as a comma separated list of \"host:port\" formatted strings"), and so does the 8.8 Camunda
    /// Exporter's connector (search/search-client-connect `ElasticsearchConnector.getHttpHost`), so the written URL
    /// stays as the team wrote it. Any other text is returned as it is (a bare `HOST` too: HttpHost.create would
    /// read it as port 80, and `PLACEHOLDER`, the reference values' unfilled URL, is one).
    static func withImpliedScheme(_ url: String) -> String {
        guard !url.contains("://"), let first = url.utf8.first, first != UInt8(ascii: ":") else { return url }
        let parts = url.split(separator: ":", omittingEmptySubsequences: false)
        func isHostByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E
        }
        guard parts.count == 2, parts[0].utf8.allSatisfy(isHostByte),
              !parts[1].isEmpty, parts[1].utf8.count <= 5, parts[1].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return url }
        return "http://" + url
    }

    /// A storage is shared only if both clusters resolve its host to the same place. A one-label host
    /// (`camunda-elasticsearch`, the chart's default) resolves inside each cluster's own namespace: with one URL in
    /// both regions, each region's brokers write to their own Elasticsearch, two storages that `shared` would leave
    /// one of unmigrated. Found in a dress rehearsal of an 8.7 file with `{{ .Release.Name }}-elasticsearch`.
    /// - Throws: `ValuesError.cannotInfer` at the URL's location, saying what to write instead.
    func refuseRegionLocal(_ url: String, at location: SourceLocation?, what: String) throws(ValuesError) {
        guard Self.isRegionLocal(url) else { return }
        throw .cannotInfer(location ?? fallbackLocation(nil), message: "\(what) writes to '\(url)', a host without a namespace that each region's cluster resolves to its own service: that is one storage per region, not one shared storage, and c8runbook cannot tell the two apart from it. Name each region's storage by its full service name with its namespace (Camunda's dual-region reference: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0/1_ARGS_URL with http://<release>-elasticsearch-master-hl.<namespace>.svc.cluster.local:9200 in zeebe.env), or write the scenario by hand")
    }

    /// Whether a URL's host is a single DNS label (no dot): a Kubernetes service in the resolving pod's namespace.
    static func isRegionLocal(_ url: String) -> Bool {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") { return false }  // an IPv6 literal
        if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        return !rest.isEmpty && !rest.contains(".") && rest != "localhost"
    }

    /// The region an exporter writes to: by a namespace given on the command line, else the segment's last digit.
    private func region(of exporter: FoundExporter) -> Int? {
        let namespace = Self.serviceAndNamespace(exporter.url).namespace
        for region in 0...1 {
            if let given = options.namespaces[region], namespace == given { return region }
        }
        switch exporter.segment.last {
        case "0": return 0
        case "1": return 1
        default: return nil
        }
    }

    func assignRegions(_ exporters: [FoundExporter], layout: SecondaryStorage.Layout, urls: [Field<String>]) -> [InferredScenario.Exporter] {
        exporters.map { exporter in
            let region = layout == .shared ? nil : urls.firstIndex { Self.sameStorage($0.value, exporter.url) }
            return InferredScenario.Exporter(segment: exporter.segment, region: region, source: exporter.source)
        }
    }

    /// The URL the chart's own exporter writes to in `region`, from that region's merged values (base files and
    /// the region's file, as Helm merges them).
    private func chartStorageURL(_ type: SecondaryStorage.Kind, region: Int) throws(ValuesError) -> Field<String> {
        let block = Self.chartURLBlock(type)
        if let node = merged[region].node(at: block) {
            if node.text != nil {
                let url = try literal(node, what: block)
                try checkURL(url, at: node, what: block)
                return Field(url, node.location)
            }
            if let hostNode = node["host"], hostNode.text != nil {
                let host = try literal(hostNode, what: "\(block).host")
                let scheme = try node["protocol"].map { node throws(ValuesError) in try literal(node, what: "\(block).protocol") } ?? "http"
                let port = try node["port"].map { node throws(ValuesError) in try literal(node, what: "\(block).port") } ?? "9200"
                let url = "\(scheme)://\(host):\(port)"
                try checkURL(url, at: node, what: block)
                return Field(url, node.location, note: "\(block).protocol/host/port")
            }
        }
        let release = options.release ?? "camunda"
        return Field("http://\(release)-elasticsearch:9200", nil, note: "no \(block): the chart's default service name; check it")
    }

    /// The service and namespace in a Kubernetes service host name: `SERVICE.NAMESPACE.svc.cluster.local`,
    /// the multi-cluster `SERVICE.NAMESPACE.svc.clusterset.local`, with a pod and cluster prefix before the service
    /// (`pod.CLUSTER.SERVICE.NAMESPACE.svc.clusterset.local`, Kubernetes MCS headless form), or the short
    /// `SERVICE.NAMESPACE.svc`. An external host yields its first label as the service and no namespace.
    static func serviceAndNamespace(_ url: String) -> (service: String, namespace: String?) {
        let labels = URLComponents(string: url)?.host?.lowercased().split(separator: ".").map(String.init) ?? []
        guard let svc = labels.lastIndex(of: "svc"), svc >= 2 else { return (labels.first ?? "", nil) }
        let tail = labels[(svc + 1)...]
        guard tail.isEmpty || Array(tail) == ["cluster", "local"] || Array(tail) == ["clusterset", "local"] else { return (labels.first ?? "", nil) }
        return (labels[svc - 2], labels[svc - 1])
    }

    func release(_ urls: [Field<String>]) -> Field<String> {
        if let release = options.release { return Field(release, nil, note: "from --release") }
        for url in urls {
            let service = Self.serviceAndNamespace(url.value).service
            if let range = service.range(of: #"-(elasticsearch|opensearch)(-master)?(-hl|-headless)?$"#, options: .regularExpression) {
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
        guard let namespace = Self.serviceAndNamespace(urls[region].value).namespace, Self.isDNSName(namespace, maximum: 63) else { return placeholder }
        if region == 1, options.namespaces[0] == namespace { return placeholder }
        return Field(namespace, urls[region].source, note: "the namespace in the exporter URL")
    }

    func provisioning(_ type: SecondaryStorage.Kind) -> Field<SecondaryStorage.Provisioning>? {
        guard type == .elasticsearch else { return Field(.external, nil, note: "the chart has no OpenSearch subchart") }
        guard let node = merged[0].node(at: "elasticsearch.enabled"), let enabled = node.boolValue else { return nil }
        return Field(enabled ? .subchart : .external, node.location)
    }

    func valuesFiles() -> ValuesFiles {
        let name = input.bases.first.map { URL(fileURLWithPath: $0.relativePath).lastPathComponent } ?? "camunda-values.yml"
        return ValuesFiles(bases: input.bases.map(\.relativePath),
                           region0: input.regionFile(0)?.relativePath ?? "region0/\(name)",
                           region1: input.regionFile(1)?.relativePath ?? "region1/\(name)",
                           directory: filesFolder)
    }

    /// The absolute folder the relative names above are relative to, written as `valuesFiles.directory` so that
    /// the scenario's commands find the files wherever the scenario is saved (issue 10, item 1).
    var filesFolder: String? {
        guard let file = input.bases.first ?? input.files.first else { return nil }
        let absolute = URL(fileURLWithPath: file.document.path).standardizedFileURL.path
        let suffix = "/" + file.relativePath
        return absolute.hasSuffix(suffix) ? (absolute.count > suffix.count ? String(absolute.dropLast(suffix.count)) : "/") : URL(fileURLWithPath: absolute).deletingLastPathComponent().path
    }

    static func isDNSName(_ text: String, maximum: Int) -> Bool {
        text.count <= maximum && text.range(of: #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#, options: .regularExpression) != nil
    }
}
