import Foundation

/// `zeebe` becomes `orchestration` (rules.md R11, R12, R30).
extension FileMigration {
    mutating func moveZeebe() {
        guard let zeebeIndex = root.index(of: "zeebe"), case var .mapping(entries) = root.content else { return }
        let zeebe = entries[zeebeIndex]
        if let existing = entries.firstIndex(where: { $0.key == "orchestration" }) {
            for child in zeebe.value.entries ?? [] {
                if entries[existing].value[child.key] != nil {
                    note("orchestration.\(child.key)", .review, "R11", child.keyLocation, "both zeebe.\(child.key) and orchestration.\(child.key) are set; kept orchestration.\(child.key)")
                } else {
                    entries[existing].value.insert(child)
                }
            }
            entries.remove(at: zeebeIndex)
        } else {
            entries[zeebeIndex].key = "orchestration"
        }
        root.content = .mapping(entries)
        note("orchestration", .moved, "R11", zeebe.keyLocation, "zeebe moved to orchestration")
        hasOwnEnv = zeebe.value["env"] != nil

        var orchestration = loadOrchestration()
        renameBrokerInitContainers(&orchestration, zeebe: zeebe.value)
        unpinBrokerImage(&orchestration)
        keepPodMetadataText(&orchestration)
        if let service = orchestration.entry("service"), let moved = zeebe.value["service"], service.value.isEquivalent(to: moved),
           let index = orchestration.index(of: "service") {
            var target = ValuesNode.mapping([])
            moveService(service, block: "zeebe", into: &target)
            orchestration.remove("service")
            if !target.isEmptyMapping {
                var entry = service
                entry.value.content = target.content
                orchestration.insert(entry, at: index)
            }
        }
        if let contextPath = orchestration.entry("contextPath"), zeebe.value["contextPath"] != nil {
            orchestration.remove("contextPath")
            note("zeebe.contextPath", .review, "R13", contextPath.keyLocation,
                 "zeebe.contextPath dropped: in 12.x it only prefixed the broker's probe paths; 13.x orchestration.contextPath is the path of the whole Orchestration Cluster (web apps, REST API, management and probes); set it only to serve the cluster under a sub-path (a combined Ingress does)")
        }
        do {
            for key in ["clusterSize", "partitionCount", "replicationFactor"] {
                guard let node = orchestration[key], let scalar = node.scalar, !scalar.isNull else { continue }
                if scalar.kind != .string || scalar.spelling.map({ !$0.hasPrefix("'") && !$0.hasPrefix("\"") }) ?? true {
                    // The number Helm gave the 8.7 chart, in decimal: the text of `010` (octal 8 for Helm) or `0x8`
                    // as a string is read by the 8.8 broker as 10, or not at all.
                    let number = scalar.kind == .string ? nil : node.integerValue.map(String.init)
                    var quoted = ValuesNode.quoted(number ?? scalar.value)
                    quoted.location = node.location
                    orchestration.set(key, quoted)
                    let read = number.map { $0 == scalar.value ? "" : "; the 8.7 value \(scalar.value) is \($0) as Helm reads it" } ?? ""
                    note("orchestration.\(key)", .changed, "R12", node.location, "orchestration.\(key) written as the string '\(number ?? scalar.value)' (the 13.x schema declares it a string\(read))")
                }
            }
            if let pvc = orchestration["pvcSize"] {
                note("orchestration.pvcSize", .kept, "R30", pvc.location, "orchestration.pvcSize keeps the 8.7 size: volume claim templates are immutable")
            }
            if let configuration = orchestration.entry("configuration"), zeebe.value["configuration"] != nil,
               configuration.value.text?.isEmpty == false {
                note("orchestration.configuration", .review, "R11", configuration.keyLocation, Self.configurationReview(from: "zeebe"))
            }
            for entry in orchestration.entries ?? [] where !ChartKeys.orchestration.contains(entry.key) {
                note("orchestration.\(entry.key)", .review, nil, entry.keyLocation, "zeebe.\(entry.key) kept as orchestration.\(entry.key), which the 13.x chart's values.yaml does not have; check it")
            }
        }
        store(orchestration)
    }
}

extension FileMigration {
    /// The broker's pod annotations and labels keep their text: every 12.x chart writes `zeebe.podAnnotations` and
    /// `podLabels` as given (CHART 12.7.6 zeebe/statefulset.yaml: `range` with `quote`, `toYaml`), the 13.x chart
    /// from 13.5.0 renders `orchestration.podAnnotations` and `podLabels` with `tpl` (CHART 13.5.0 and 13.12.7
    /// orchestration/statefulset.yaml; 13.0.0 to 13.4.2 write them as given, and get them unchanged).
    /// A Vault agent template (`vault.hashicorp.com/agent-inject-template-*: {{- with secret "…" -}}`) made helm
    /// template of the 8.8 files fail ('function "secret" not defined'), and `{{ .Release.Name }}` would be rendered:
    /// each `{{` of a value is written `{{ "{{" }}`, which renders as `{{`.
    static let firstRenderingPodMetadata = ChartVersion("13.5.0")!

    mutating func keepPodMetadataText(_ orchestration: inout ValuesNode) {
        guard ChartVersion(scenario.chart.to).map({ $0 >= Self.firstRenderingPodMetadata }) ?? true else { return }
        for key in ["podAnnotations", "podLabels"] {
            guard var metadata = orchestration[key], var entries = metadata.entries,
                  entries.contains(where: { $0.value.text.map(HelmTemplate.contains) ?? false }) else { continue }
            for index in entries.indices {
                guard let text = entries[index].value.text, HelmTemplate.contains(text) else { continue }
                let location = entries[index].value.location
                if let block = entries[index].value.scalar?.block {
                    // A block keeps its form (a Vault template is one): its header, each line with '{{' written out.
                    let lines = BlockScalar(header: block.header, lines: block.lines.map(HelmTemplate.literal), indentOffset: block.indentOffset)
                    entries[index].value = ValuesNode(.scalar(ValuesScalar(value: HelmTemplate.literal(text), kind: .string, block: lines)), location: location)
                } else {
                    var literal = ValuesNode.quoted(HelmTemplate.literal(text))
                    literal.location = location
                    entries[index].value = literal
                }
                note("orchestration.\(key).\(entries[index].key)", .changed, "R11", entries[index].keyLocation,
                     "zeebe.\(key).\(entries[index].key) holds '{{', which the 12.x chart wrote into the pod as given and the 13.x chart (from 13.5.0) renders as a template (helm template fails, or gives other text): each '{{' is written {{ \"{{\" }}, which renders as '{{'")
            }
            metadata.content = .mapping(entries)
            orchestration.set(key, metadata)
        }
    }

    /// The broker's 8.7 image pins are not carried: in `orchestration.image` they win over the 13.x chart's own image
    /// (CHART 13.12.7 `values.yaml`: `orchestration.image.repository: camunda/camunda`, `tag: 8.8.35`; rules.md V05,
    /// the image per chart), so the Orchestration Cluster, the importer and the Job would run the 8.7 image. A tag or
    /// digest of 8.7 or before and the 8.7 repository `camunda/zeebe` go; another repository naming zeebe (a mirror)
    /// is a review. Other image settings (registry, pullSecrets) stay.
    mutating func unpinBrokerImage(_ orchestration: inout ValuesNode) {
        guard var image = orchestration["image"], image.entries != nil else { return }
        let why = "in 13.x the Orchestration Cluster, the migration importer and the Job run the 13.x chart's own image (camunda/camunda, the 8.8 version of chart.to), which this pin would replace"
        // A tag that is no version (`latest`, a build's own tag) stays, as it may name the team's 8.8 copy, but a person decides.
        unpin(&image, source: "zeebe.image", written: "orchestration.image", rule: "R11", pinned: "the 8.7 broker image", why: why) { text in
            "orchestration.image.tag '\(text)' kept: it is not an 8.7 version, and it replaces the 13.x chart's own 8.8 tag, so the Orchestration Cluster, the importer and the Job run whatever it names; make sure that is the camunda/camunda image of 8.8 (chart.to's), or remove it"
        }
        if let repository = image["repository"], let text = repository.text {
            if text == "camunda/zeebe" || text == "docker.io/camunda/zeebe" {
                image.remove("repository")
                note("orchestration.image.repository", .removed, "R11", repository.location, "zeebe.image.repository '\(text)' not carried: it is the 8.7 broker image; \(why)")
            } else if text.range(of: #"(^|/)zeebe$"#, options: .regularExpression) != nil {
                note("orchestration.image.repository", .review, "R11", repository.location, "orchestration.image.repository '\(text)' names the 8.7 broker image; the 13.x Orchestration Cluster runs camunda/camunda (broker, gateway, Operate and Tasklist in one image): point it at your copy of camunda/camunda")
            }
        }
        if image.isEmptyMapping { orchestration.remove("image") } else { orchestration.set("image", image) }
    }

    /// Why a carried 8.7 `configuration` needs a person: 12.x used it as one component's whole application.yaml
    /// (CHART 12.7.6 `zeebe/configmap.yaml`), 13.x as the Orchestration Cluster's whole unified one (CHART 13.12.7
    /// `orchestration/configmap-unified.yaml`), so everything else the chart would write there is gone.
    static func configurationReview(from block: String) -> String {
        "\(block).configuration moved to orchestration.configuration, which in 13.x replaces the Orchestration Cluster's whole unified application.yaml (broker, gateway, Operate, Tasklist, secondary storage, data migration): an 8.7 \(block) application.yaml there leaves out everything else the chart would configure; rewrite it with the 8.8 unified properties, or move its settings to orchestration.env and remove it"
    }
}

/// Spellings and paths the 12.x chart no longer used (issue 9 item 2).
extension FileMigration {
    /// Top-level keys of charts before 10.x that the 12.x chart ignores: their settings had no effect in 8.7.
    static let ignoredSpellings = ["zeebe-gateway": "zeebeGateway", "zeebe_gateway": "zeebeGateway"]

    /// Drops `zeebe-gateway` (the block name of charts before 10.x): the 12.x chart never read it, so carrying it into
    /// 8.8 would switch on settings that were never in effect (camunda-platform-helm `camunda-platform-8.7-12.7.6`
    /// `charts/camunda-platform-8.7/values.yaml` has only `zeebeGateway`).
    mutating func dropIgnoredSpellings() {
        for (spelling, current) in Self.ignoredSpellings.sorted(by: { $0.key < $1.key }) {
            guard let entry = root.entry(spelling) else { continue }
            root.remove(spelling)
            lose(entry, path: spelling)
            note(spelling, .review, "R13", entry.keyLocation,
                 "\(spelling) dropped: it is the block name of charts before 10.x; the 12.x chart ignores it, so these settings were not in effect in 8.7 and are not carried into 8.8; if you want them, write them under orchestration (the 8.8 place of \(current))")
        }
    }

    /// Paths under `/usr/local/zeebe` (the 8.7 image) become `/usr/local/camunda` (the 8.8 image): mount paths, env
    /// values and `javaOpts` of `orchestration`, the importer and the migration Job (CHART 13.10.2
    /// `templates/orchestration/statefulset.yaml` mounts `/usr/local/camunda/config`, `/usr/local/camunda/data`; 12.x
    /// mounted `/usr/local/zeebe/...`).
    mutating func moveZeebePaths() {
        guard root["orchestration"] != nil else { return }
        var orchestration = loadOrchestration()
        var changed = false
        func rewrite(_ node: inout ValuesNode, _ path: String) {
            guard var scalar = node.scalar, scalar.kind == .string, scalar.value.contains("/usr/local/zeebe") else { return }
            let old = scalar.value
            let new = Self.camundaPath(old)
            guard new != old else { return }
            changed = true
            scalar.value = new
            if let block = scalar.block {
                scalar.block?.lines = block.lines.map(Self.camundaPath)
            } else if let spelling = scalar.spelling {
                scalar.spelling = Self.camundaPath(spelling)
            }
            node.content = .scalar(scalar)
            note(path, .changed, "R11", node.location, "\(path): /usr/local/zeebe moved to /usr/local/camunda in the 8.8 image")
        }
        for list in ["extraVolumeMounts", "importer.extraVolumeMounts", "migration.data.extraVolumeMounts"] {
            guard var items = orchestration.node(at: list)?.items else { continue }
            for index in items.indices where items[index].value["mountPath"] != nil {
                var value = items[index].value["mountPath"]!
                rewrite(&value, "orchestration.\(list)[\(items[index].value["name"]?.text ?? "?")].mountPath")
                items[index].value.set("mountPath", value)
            }
            orchestration.set(path: list, .sequence(items))
        }
        // Only the env entries whose value holds the old path are rewritten (found by a byte search, which
        // `rewrite` confirms): the others stay untouched, not copied, renamed into a path and set back one by one.
        if var items = orchestration["env"]?.items {
            let hits = items.indices.filter { items[$0].value["value"]?.scalar?.value.containsBytes("/usr/local/zeebe") == true }
            for index in hits {
                guard var value = items[index].value["value"] else { continue }
                rewrite(&value, "orchestration.env[\(items[index].value.envName ?? "?")]")
                items[index].value.set("value", value)
            }
            if !hits.isEmpty { orchestration.set("env", .sequence(items)) }
        }
        if var javaOpts = orchestration["javaOpts"] {
            rewrite(&javaOpts, "orchestration.javaOpts")
            orchestration.set("javaOpts", javaOpts)
        }
        if changed { store(orchestration) }
    }

    /// `/usr/local/zeebe` and paths under it, as the 8.8 image names them; other text unchanged.
    static func camundaPath(_ text: String) -> String {
        text.replacingOccurrences(of: #"/usr/local/zeebe(?=/|$|[^A-Za-z0-9_.-])"#, with: "/usr/local/camunda", options: .regularExpression)
    }
}
