@testable import C8Runbook
import Foundation
import Testing

/// The field cases of ../shared/cases/values owned by reading and inference (01, 05, 06, 08, 09, 14), each with
/// the right result, and siblings of each kind.
@Suite("field cases: reading and inference", .enabled(if: SharedFixtures.available))
struct FieldCaseTests {
    typealias Support = ValuesTestSupport

    static func folder(_ name: String) -> String { SharedFixtures.path("cases/values/" + name) }

    static func layered(_ name: String) throws -> ValuesInput {
        let folder = folder(name)
        return try ValuesInput.load(base: folder + "/camunda-values.yml", region0: folder + "/region0/camunda-values.yml",
                                    region1: folder + "/region1/camunda-values.yml")
    }

    static func inferenceError(_ input: ValuesInput, _ options: ScenarioInference.Options = .init(kubeContexts: ["a", "b"])) -> String? {
        do {
            _ = try ScenarioInference(input: input, options: options).scenarioText()
            return nil
        } catch {
            return error.description
        }
    }

    static func parse(_ text: String, file: String) throws -> ValuesDocument { try ValuesReader.read(text, file: file) }

    @Test("01: a CRLF base is migrated, not appended to: CRLF out, no 8.7 block left, no duplicate key")
    func crlf() throws {
        let input = try Self.layered("01-crlf-corrupts-output")
        #expect(input.base?.document.convention.lineEnding == .crlf)
        let scenario = try Support.inferredScenario(input)
        for stage in MigrationStage.allCases {
            let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
            let base = try #require(result.files.first)
            #expect(base.changed)
            #expect(!base.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            let root = try Self.parse(base.text, file: "out.yml").root
            for key in ["zeebe", "zeebeGateway", "operate", "tasklist"] { #expect(root.node(at: key) == nil, "\(key) left in \(stage)") }
            #expect(root.node(at: "orchestration") != nil)
            let topLevel = base.text.components(separatedBy: "\r\n").filter { $0.first.map { $0.isLetter } == true }
            #expect(Set(topLevel).count == topLevel.count, "a top-level key twice")
            #expect(!result.diff.isEmpty && result.diff.count < base.text.count * 3)
        }
    }

    @Test("the same file with BOM + CRLF, or lone CR, gives the same 8.8 file in its own convention")
    func crlfSiblings() throws {
        let lfText = try String(contentsOfFile: Self.folder("01-crlf-corrupts-output") + "/camunda-values.yml", encoding: .utf8)
            .replacingOccurrences(of: "\r\n", with: "\n")
        let reference = try Self.layered("01-crlf-corrupts-output")
        let scenario = try Support.inferredScenario(reference)
        func migrated(_ text: String) throws -> String {
            var input = reference
            input.files[0].document = try Self.parse(text, file: "camunda-values.yml")
            return try #require(ValuesMigration.migrate(input, scenario: scenario, stage: .migration).files.first).text
        }
        let lfOut = try migrated(lfText)
        #expect(try migrated("\u{FEFF}" + lfText.replacingOccurrences(of: "\n", with: "\r\n")) == "\u{FEFF}" + lfOut.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(try migrated(lfText.replacingOccurrences(of: "\n", with: "\r")) == lfOut.replacingOccurrences(of: "\n", with: "\r"))
    }

    @Test("05: the chart's exporter enabled next to manual ones is refused with what to do, never dropped")
    func chartExporterNextToManual() throws {
        let message = try #require(Self.inferenceError(try Self.layered("05-chart-exporter-silently-disabled")))
        #expect(message.contains("the chart's own exporter 'elasticsearch' is enabled"))
        #expect(message.contains("set global.elasticsearch.disableExporter: true"))
    }

    @Test("06: one exporter id pointing at a different storage in each region is refused, naming both places")
    func sameIDDifferentStorage() throws {
        let folder = Self.folder("06-same-exporter-id-different-storage")
        let input = try ValuesInput.load(base: nil, region0: folder + "/region0.yaml", region1: folder + "/region1.yaml")
        let message = try #require(Self.inferenceError(input))
        #expect(message.hasPrefix(folder + "/region1.yaml:26:18: error: cannot infer the scenario: exporter ELASTICSEARCH2 writes to a different storage in each region (region 0: \(folder)/region0.yaml:26:18"))
    }

    @Test("an exporter defined in one region only is refused")
    func exporterInOneRegion() throws {
        let folder = Self.folder("06-same-exporter-id-different-storage")
        let region0 = try String(contentsOfFile: folder + "/region0.yaml", encoding: .utf8)
            .replacingOccurrences(of: "elasticsearch:\n    enabled: true\n", with: "elasticsearch:\n    enabled: true\n")
            .replacingOccurrences(of: "    identity:\n", with: "    elasticsearch:\n        disableExporter: true\n    identity:\n")
        var region1 = region0.replacingOccurrences(of: "regionId: 0", with: "regionId: 1")
        region1 = String(region1[..<region1.range(of: "        # second exporter")!.lowerBound]) + "elasticsearch:\n    enabled: true\n"
        let input = ValuesInput(files: [.init(role: .full(region: 0), document: try Self.parse(region0, file: "r0.yaml"), relativePath: "r0.yaml"),
                                        .init(role: .full(region: 1), document: try Self.parse(region1, file: "r1.yaml"), relativePath: "r1.yaml")])
        let message = try #require(Self.inferenceError(input))
        #expect(message.contains("exporter ELASTICSEARCH2 is defined in region 0's values only"))
    }

    @Test("08: single-region files, one regionId twice, and 8.8 values are refused with what to do")
    func notDualRegion87() throws {
        let folder = Self.folder("08-single-region-file-accepted")
        let single = try ValuesInput.load(base: nil, region0: folder + "/region0.yaml", region1: folder + "/region1.yaml")
        #expect(try #require(Self.inferenceError(single)).contains("not dual-region values"))

        let reference = try Support.referenceInput()
        var sameID = reference
        sameID.files[2].document = try Self.parse(reference.files[2].document.text.replacingOccurrences(of: "regionId: 1", with: "regionId: 0"), file: "r1.yml")
        #expect(try #require(Self.inferenceError(sameID)).contains("both regions' values say global.multiregion.regionId 0"))

        var migrated = reference
        migrated.files[0].document = try Self.parse(reference.files[0].document.text + "orchestration:\n  enabled: true\n", file: "base.yml")
        #expect(try #require(Self.inferenceError(migrated)).contains("these are already 8.8 values"))

        var camundaExporter = reference
        camundaExporter.files[0].document = try Self.parse(reference.files[0].document.text.replacingOccurrences(
            of: "io.camunda.zeebe.exporter.ElasticsearchExporter", with: "io.camunda.exporter.CamundaExporter"), file: "base.yml")
        #expect(try #require(Self.inferenceError(camundaExporter)).contains("names the Camunda Exporter"))
    }

    @Test("no cluster size that was not read: a missing zeebe.clusterSize is refused, missing counts are the chart's")
    func clusterSize() throws {
        let reference = try Support.referenceInput()
        var noSize = reference
        let text = reference.files[0].document.text
        noSize.files[0].document = try Self.parse(text.replacingOccurrences(of: "clusterSize:", with: "clusterSizeX:"), file: "base.yml")
        #expect(try #require(Self.inferenceError(noSize)).contains("zeebe.clusterSize is not set"))
        var noPartitions = reference
        noPartitions.files[0].document = try Self.parse(text.replacingOccurrences(of: "partitionCount:", with: "partitionCountX:"), file: "base.yml")
        let (scenarioText, _) = try ScenarioInference(input: noPartitions, options: .init()).scenarioText()
        #expect(scenarioText.contains("# default: zeebe.partitionCount not set: the 12.x chart's default\n  partitions: 3\n"))
    }

    @Test("09: a templated exporter URL names the key and the fix; with --release it is substituted")
    func templatedURL() throws {
        let input = try Self.layered("09-helm-template-in-url-unclear-error")
        let message = try #require(Self.inferenceError(input))
        #expect(message.hasSuffix("camunda-values.yml:40:18: error: cannot infer the scenario: Helm template expression '{{ .Release.Name }}' in zeebe.env ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_ARGS_URL: c8runbook reads values without rendering templates; pass --release NAME to substitute the release name, or write the value out"))
        let scenario = try Support.inferredScenario(input, .init(release: "camunda", kubeContexts: ["a", "b"]))
        #expect(scenario.secondaryStorage.urls.first == "http://camunda-elasticsearch-master-hl.camunda-london.svc.cluster.local:9200")
        #expect(scenario.regions.map(\.namespace) == ["camunda-london", "camunda-paris"])
    }

    @Test("09 kind: templates in the map URL and in other values read by init; in keys they are read as written")
    func templatesElsewhere() throws {
        let base = """
            global:
              multiregion:
                regions: 2
              elasticsearch:
                url:
                  protocol: http
                  host: "{{ .Release.Name }}-elasticsearch.shared-storage.svc.cluster.local"
                  port: 9200
            zeebe:
              clusterSize: 4
            zeebeGateway:
              env:
                - name: ZEEBE_GATEWAY_X
                  value: "{{ .Values.global.x }}"
            "{{ .Release.Name }}-extra":
              a: 1
            """
        func input(_ text: String) throws -> ValuesInput {
            ValuesInput(files: [.init(role: .base, document: try Self.parse(text, file: "v.yml"), relativePath: "v.yml")])
        }
        #expect(try #require(Self.inferenceError(try input(base))).contains("in global.elasticsearch.url.host: c8runbook reads values without rendering templates; pass --release NAME"))
        let withRelease = ScenarioInference.Options(release: "team", kubeContexts: ["a", "b"], namespaces: ["n0", "n1"])
        #expect(try #require(Self.inferenceError(try input(base), withRelease)).contains("'{{ .Values.global.x }}' in zeebeGateway.env ZEEBE_GATEWAY_X: c8runbook reads values without rendering templates; write the value out literally"))
        let fixed = base.replacingOccurrences(of: "{{ .Values.global.x }}", with: "literal")
        let scenario = try Support.inferredScenario(try input(fixed), withRelease)
        #expect(scenario.secondaryStorage.sharedURL == "http://team-elasticsearch.shared-storage.svc.cluster.local:9200")
        #expect(try input(fixed).files[0].document.root["{{ .Release.Name }}-extra"]?["a"]?.text == "1")
        // The chart's default host, `<release>-elasticsearch`, names no namespace: each region resolves it to its own
        // Elasticsearch, so it is not one shared storage (a dress rehearsal had region 1 left unmigrated).
        let local = fixed.replacingOccurrences(of: "-elasticsearch.shared-storage.svc.cluster.local", with: "-elasticsearch")
        let refusal = try #require(Self.inferenceError(try input(local), withRelease))
        #expect(refusal.contains("'http://team-elasticsearch:9200', a host without a namespace") && refusal.contains("not one shared storage"))
    }

    /// zeebe.podAnnotations and podLabels: the 12.x chart writes them as given, the 13.x chart renders
    /// orchestration's with `tpl`. A Vault agent template made helm template 13.12.7 of the written files fail
    /// ('function "secret" not defined'); written with {{ "{{" }}, the 8.8 pod gets the 8.7 text (checked with helm).
    @Test("09 kind: a Vault template in the broker's pod annotations is written so that tpl (13.5.0 on) renders the 8.7 text")
    func literalBracesInPodMetadata() throws {
        let vault = "{{- with secret \"database/creds/camunda\" -}}\nexport DB_USER=\"{{ .Data.username }}\"\n{{- end }}\n"
        let input = try Support.editingBase(try Support.referenceInput()) {
            $0.replacingOccurrences(of: "    pvcSize: 32Gi\n", with: """
                    pvcSize: 32Gi
                    podAnnotations:
                      vault.hashicorp.com/agent-inject-template-db: |
                        {{- with secret "database/creds/camunda" -}}
                        export DB_USER="{{ .Data.username }}"
                        {{- end }}
                      plain: "no template"
                    podLabels:
                      team: "{{team}}"

                """)
        }
        #expect(input.files[0].document.root.node(at: "zeebe.podAnnotations")?["vault.hashicorp.com/agent-inject-template-db"]?.text == vault)
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        let root = try Support.parse(try #require(result.files.first).text)
        let annotations = try #require(root.node(at: "orchestration.podAnnotations"))
        #expect(annotations["vault.hashicorp.com/agent-inject-template-db"]?.text == HelmTemplate.literal(vault))
        #expect(HelmTemplate.literal(vault).hasPrefix("{{ \"{{\" }}- with secret"))
        #expect(annotations["plain"]?.text == "no template")
        #expect(root.node(at: "orchestration.podLabels.team")?.text == "{{ \"{{\" }}team}}")
        #expect(result.changes.filter { $0.kind == .changed && $0.message.contains("each '{{' is written {{ \"{{\" }}") }.map(\.path)
            == ["orchestration.podAnnotations.vault.hashicorp.com/agent-inject-template-db", "orchestration.podLabels.team"])
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
        // 13.0.0 to 13.4.2 write orchestration's annotations and labels as given: they are carried unchanged.
        var older = scenario
        older.chart.to = "13.4.2"
        let unchanged = try Support.parse(try #require(ValuesMigration.migrate(input, scenario: older, stage: .migration).files.first).text)
        #expect(unchanged.node(at: "orchestration.podAnnotations")?["vault.hashicorp.com/agent-inject-template-db"]?.text == vault)
        #expect(unchanged.node(at: "orchestration.podLabels.team")?.text == "{{team}}")
    }

    /// A Chart.yaml, a manifest or a kustomization given as the base file was refused at region 0's file as 'region
    /// 0's values set no global.multiregion.regions', whichever file was wrong.
    @Test("08 kind: a file that is not the chart's values is named at itself, with what it looks like", arguments: [
        ("apiVersion: v2\nname: camunda-platform\nversion: 12.7.6\nappVersion: 8.7.x\ntype: application\n",
         "not values of Camunda's chart: none of its top-level keys ('apiVersion', 'name', 'version', 'appVersion', …) is one of camunda-platform's", "a Helm chart's Chart.yaml"),
        ("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n", "('apiVersion', 'kind', 'resources')", "a kustomization.yaml"),
        ("apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n", "('apiVersion', 'kind', 'data')", "a Kubernetes manifest (kind: ConfigMap)"),
        ("replicaCount: 1\nimage: {repository: nginx}\n", "('replicaCount', 'image')", "another chart's values"),
    ])
    func notChartValues(text: String, keys: String, looks: String) throws {
        let input = try Support.editingBase(try Support.referenceInput()) { _ in text }
        let message = try #require(Self.inferenceError(input))
        #expect(message.contains("/camunda-values.yml:1:1: error: not values of Camunda's chart") && message.contains(keys) && message.contains("it looks like \(looks). Give the 8.7 values files"), "\(message)")
    }

    /// The exporter's class name decides whether init reads it as a legacy exporter; a templated one was not read,
    /// so the exporter was left out of the scenario without a word (one storage URL left: layout 'shared', both
    /// namespaces TODO) and values rewrote all three files.
    @Test("09 kind: a template in an exporter's class name is refused at it, as in its URL; --release substitutes the release name")
    func templatedExporterClass() throws {
        let className = "value: io.camunda.zeebe.exporter.ElasticsearchExporter"
        let templated = try Support.editingBase(try Support.referenceInput()) {
            $0.replacingOccurrences(of: className, with: "value: \"{{ .Values.exporterClass }}\"")
        }
        let message = try #require(Self.inferenceError(templated, .init(release: "camunda", kubeContexts: ["a", "b"])))
        #expect(message.contains("camunda-values.yml:64:18: error: cannot infer the scenario: Helm template expression '{{ .Values.exporterClass }}' in zeebe.env ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_CLASSNAME: c8runbook reads values without rendering templates; write the value out literally"), "\(message)")
        let release = try Support.editingBase(try Support.referenceInput()) {
            $0.replacingOccurrences(of: className, with: "value: io.camunda.zeebe.exporter.{{ .Release.Name }}")
        }
        #expect(try #require(Self.inferenceError(release)).contains("'{{ .Release.Name }}' in zeebe.env ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_CLASSNAME: c8runbook reads values without rendering templates; pass --release NAME"))
    }

    @Test("14: a duplicate top-level key points at the second occurrence and says what Helm does")
    func duplicateKey() throws {
        do {
            _ = try Self.layered("14-duplicate-key-location")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasSuffix("camunda-values.yml:57:1: error: duplicate key 'optimize' (first at 25:1); Helm uses this later one and ignores the first without a word: remove the one you do not mean"))
        }
    }

    @Test("exporter URLs of every form in Camunda's references yield service and namespace",
          arguments: [("http://camunda-elasticsearch-master-hl.camunda-london.svc.cluster.local:9200", "camunda-elasticsearch-master-hl", "camunda-london"),
                      ("http://camunda-elasticsearch-master-hl.camunda-london.svc.clusterset.local:9200", "camunda-elasticsearch-master-hl", "camunda-london"),
                      ("http://camunda-elasticsearch-master-0.cluster-a.camunda-elasticsearch-master-hl.camunda-london.svc.clusterset.local:9200", "camunda-elasticsearch-master-hl", "camunda-london"),
                      ("https://camunda-opensearch.camunda-paris.svc:443", "camunda-opensearch", "camunda-paris"),
                      ("https://search.example.com:443", "search", nil)])
    func urlForms(url: String, service: String, namespace: String?) {
        let parsed = ScenarioInference.serviceAndNamespace(url)
        #expect(parsed.service == service)
        #expect(parsed.namespace == namespace)
    }
}

@Suite("c8runbook values: a scenario that contradicts the files", .enabled(if: SharedFixtures.available))
struct ScenarioAgreementTests {
    typealias Support = ValuesTestSupport

    static func message(_ input: ValuesInput, _ scenario: Scenario) -> String? {
        do {
            try ScenarioInference.checkAgreement(of: input, with: scenario)
            return nil
        } catch {
            #expect(error.exitStatus == .dataError)
            return error.description
        }
    }

    @Test("the scenario init wrote agrees; each changed field is named")
    func contradictions() throws {
        let input = try Support.referenceInput()
        let scenario = try Support.inferredScenario(input)
        #expect(Self.message(input, scenario) == nil)
        var storage = scenario
        storage.secondaryStorage.type = .opensearch
        #expect(try #require(Self.message(input, storage)).contains("the scenario's secondaryStorage.type is opensearch but the values files say elasticsearch"))
        var compression = scenario
        compression.messageCompression = .none
        #expect(try #require(Self.message(input, compression)).contains("the scenario's messageCompression is NONE but the values files say GZIP"))
        var layout = scenario
        layout.secondaryStorage.layout = .shared
        layout.secondaryStorage.urls = [scenario.secondaryStorage.urls[0]]
        #expect(try #require(Self.message(input, layout)).contains("the scenario's secondaryStorage.layout is shared but the values files say per-region"))
        var exporters = scenario
        exporters.exporters.legacy.removeLast()
        #expect(try #require(Self.message(input, exporters)).contains("the scenario's exporters.legacy lists ELASTICSEARCHREGION0 but zeebe.env defines ELASTICSEARCHREGION0, ELASTICSEARCHREGION1"))
    }
}

extension FieldCaseTests {
    @Test("a storage host of one DNS label is region-local; namespaced, external and IP hosts are not")
    func regionLocalHosts() {
        for url in ["http://camunda-elasticsearch:9200", "https://es:9200/", "http://u:p@elasticsearch:9200", "http://opensearch"] {
            #expect(ScenarioInference.isRegionLocal(url), "\(url)")
        }
        for url in ["http://camunda-elasticsearch-master-hl.camunda-london.svc.cluster.local:9200", "https://search.example.com",
                    "http://10.0.0.7:9200", "http://[fd00::1]:9200", "http://es.shared:9200", "http://localhost:9200"] {
            #expect(!ScenarioInference.isRegionLocal(url), "\(url)")
        }
    }
}
