@testable import C8Runbook
import Foundation
import Testing

/// Exporters are compared across the regions, and with the scenario, by the storage their URL names, not by its
/// spelling: a trailing slash, the case of the scheme or host, a port the scheme implies, a trailing dot or the short
/// `.svc` form of a Service name reach the same Elasticsearch. Spelled differently, one storage was taken for two
/// (init refused a correct file: "writes to a different storage in each region", or two ids on one storage became
/// two regions with one namespace, refused at 1:1 as "check the command-line values").
@Suite("c8runbook init: exporter URLs compared by the storage they name")
struct ExporterURLSpellingTests {
    typealias Support = ValuesTestSupport

    static let region0URL = "http://camunda-elasticsearch-master-hl.camunda-primary.svc.cluster.local:9200"
    static let region1URL = "http://camunda-elasticsearch-master-hl.camunda-secondary.svc.cluster.local:9200"

    /// The reference files with the exporters moved from the base file into each region's file, region 1's two URLs
    /// as `spell` writes them.
    static func perRegionExporters(_ spell: (String) -> String) throws -> ValuesInput {
        var input = try Support.referenceInput()
        let base = input.files[0].document
        var text = base.text
        for url in [region0URL, region1URL] {
            let lines = text.components(separatedBy: "\n")
            guard let index = lines.firstIndex(where: { $0.hasSuffix("value: " + url) }) else { throw CocoaError(.fileReadCorruptFile) }
            text = (lines[..<(index - 3)] + lines[(index + 1)...]).joined(separator: "\n")
        }
        #expect(!text.contains("ELASTICSEARCHREGION"))
        input.files[0].document = try ValuesReader.read(text, file: base.path)
        for region in 0...1 {
            let file = input.files[region + 1].document
            let urls = [region0URL, region1URL].map { region == 1 ? spell($0) : $0 }
            var env = ""
            for (index, url) in urls.enumerated() {
                env += "        - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION\(index)_CLASSNAME\n"
                env += "          value: io.camunda.zeebe.exporter.ElasticsearchExporter\n"
                env += "        - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION\(index)_ARGS_URL\n"
                env += "          value: \(url)\n"
            }
            env += "        - name: ZEEBE_BROKER_CLUSTER_MESSAGECOMPRESSION\n          value: GZIP\n"
            input.files[region + 1].document = try ValuesReader.read(file.text + "zeebe:\n    env:\n" + env, file: file.path)
        }
        return input
    }

    /// Region 1's spelling of a URL, by the name of the spelling.
    static func spell(_ url: String, _ spelling: String) -> String {
        switch spelling {
        case "a trailing slash": url + "/"
        case "an upper-case scheme and host": url.replacingOccurrences(of: "http://camunda-elasticsearch", with: "HTTP://Camunda-Elasticsearch")
        case "a trailing dot after the host": url.replacingOccurrences(of: ".local:", with: ".local.:")
        case "the short SERVICE.NAMESPACE form": url.replacingOccurrences(of: ".svc.cluster.local", with: "")
        // HOST:PORT without a scheme: the exporters' HttpHost.create reads it as http.
        case "no scheme": url.replacingOccurrences(of: "http://", with: "")
        default: url.replacingOccurrences(of: ".svc.cluster.local", with: ".svc")
        }
    }

    @Test("one exporter id spelled differently in the two regions is one storage: init infers the reference's scenario, values writes verified files",
          .enabled(if: SharedFixtures.available), arguments: ["a trailing slash", "an upper-case scheme and host", "a trailing dot after the host", "the short .svc form",
                                                        "the short SERVICE.NAMESPACE form", "no scheme"])
    func sameIdOtherSpelling(spelling: String) throws {
        let input = try Self.perRegionExporters { Self.spell($0, spelling) }
        let scenario = try Support.inferredScenario(input)
        #expect(scenario.secondaryStorage.layout == .perRegion)
        #expect(scenario.secondaryStorage.urls == [Self.region0URL, Self.region1URL])
        #expect(scenario.regions.map(\.namespace) == ["camunda-primary", "camunda-secondary"])
        #expect(scenario.exporters.legacy.map(\.region) == [0, 1])
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }

    @Test("one exporter id on another port, scheme or Service in region 1 is still refused", .enabled(if: SharedFixtures.available), arguments: [
        ":9200 -> :9201", "http: -> https:", "camunda-elasticsearch-master-hl -> other-elasticsearch", "http://camunda-elasticsearch-master-hl.camunda-secondary.svc.cluster.local:9200 -> camunda-elasticsearch-master-hl.camunda-primary.svc.cluster.local:9200",
    ])
    func sameIdOtherStorage(change: String) throws {
        let parts = change.components(separatedBy: " -> ")
        let input = try Self.perRegionExporters { $0.replacingOccurrences(of: parts[0], with: parts[1]) }
        do {
            _ = try Support.inferredScenario(input)
            Issue.record("inferred a scenario")
        } catch let error as ValuesError {
            #expect("\(error)".contains("writes to a different storage in each region"))
        }
    }

    @Test("one exporter id with another index prefix in each region (or set in one region only) is refused naming both prefixes; the same prefix in both is one exporter",
          .enabled(if: SharedFixtures.available), arguments: [("zeebe-r0", "zeebe-r1", true), (nil, "zeebe-r1", true), ("zeebe-dr", "zeebe-dr", false),
                                                               ("zeebe-record", nil, false)] as [(String?, String?, Bool)])
    func indexPrefixPerRegion(region0: String?, region1: String?, refused: Bool) throws {
        var input = try Self.perRegionExporters { $0 }
        for (index, prefix) in [region0, region1].enumerated() {
            guard let prefix else { continue }
            let file = input.files[index + 1].document
            let url = "          value: " + Self.region0URL + "\n"
            input.files[index + 1].document = try ValuesReader.read(file.text.replacingOccurrences(
                of: url, with: url + "        - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_ARGS_INDEX_PREFIX\n          value: \(prefix)\n"), file: file.path)
        }
        do {
            let scenario = try Support.inferredScenario(input)
            #expect(!refused, "inferred a scenario")
            #expect(scenario.exporters.legacy.map(\.segment) == ["ELASTICSEARCHREGION0", "ELASTICSEARCHREGION1"])
        } catch let error as ValuesError {
            let message = "\(error)"
            #expect(refused, "\(message)")
            #expect(message.contains("ELASTICSEARCHREGION0 writes to indices prefixed '\(region0 ?? "zeebe-record")' in region 0 and '\(region1 ?? "zeebe-record")' in region 1"), "\(message)")
            #expect(message.contains("camunda-values.yml:"), "\(message)")
        }
    }

    @Test("two exporter ids whose URLs name one storage in two spellings are one shared storage, as with one spelling",
          .enabled(if: SharedFixtures.available))
    func twoIdsOneStorage() throws {
        var input = try Support.referenceInput()
        let base = input.files[0].document
        for other in [Self.region0URL, Self.region0URL.uppercased() + "/"] {
            input.files[0].document = try ValuesReader.read(base.text.replacingOccurrences(of: Self.region1URL, with: other), file: base.path)
            let scenario = try Support.inferredScenario(input)
            #expect(scenario.secondaryStorage.layout == .shared)
            #expect(scenario.secondaryStorage.urls.first == Self.region0URL)
        }
    }

    @Test("values takes a scenario whose storage URLs are spelled otherwise than the files' exporter URLs",
          .enabled(if: SharedFixtures.available))
    func scenarioSpelling() throws {
        let input = try Support.referenceInput()
        var scenario = try Support.inferredScenario(input)
        scenario.secondaryStorage.urls = scenario.secondaryStorage.urls.map { $0 + "/" }
        #expect(throws: Never.self) { try ScenarioInference.checkAgreement(of: input, with: scenario) }
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(result.problems.isEmpty)
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }

    @Test("exporter URLs written HOST:PORT without a scheme, as the 8.7 exporters accept them, give the reference's scenario and verified 8.8 files that keep the spelling for the legacy exporters and write http:// for the Camunda Exporters",
          .enabled(if: SharedFixtures.available))
    func noScheme() throws {
        let input = try Support.editingBase(try Support.referenceInput()) { $0.replacingOccurrences(of: "value: http://camunda-elasticsearch", with: "value: camunda-elasticsearch") }
        let scenario = try Support.inferredScenario(input)
        #expect(scenario.secondaryStorage.layout == .perRegion)
        #expect(scenario.secondaryStorage.urls == [Self.region0URL, Self.region1URL])
        #expect(scenario.regions.map(\.namespace) == ["camunda-primary", "camunda-secondary"])
        #expect(throws: Never.self) { try ScenarioInference.checkAgreement(of: input, with: scenario) }
        for stage in [MigrationStage.migration, .final] {
            let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
            #expect(result.problems.isEmpty)
            #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
            let root = try Support.parse(result.files[0].text)
            // The legacy exporter keeps the team's spelling; the new Camunda Exporter is given the scheme HttpHost.create
            // implies, which a connector parsing its url with java.net.URI also reads (there 'HOST:PORT' is a scheme).
            if stage == .migration {
                #expect(Support.env(root, "ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_ARGS_URL") == String(Self.region1URL.dropFirst("http://".count)))
            }
            #expect(Support.env(root, "ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION1_ARGS_CONNECT_URL") == Self.region1URL)
        }
    }

    @Test("the storage a URL names", arguments: [
        ("http://ES.ns.svc.cluster.local.:9200/", "http://es.ns.svc.cluster.local:9200"),
        ("https://es.example.com", "https://es.example.com:443"),
        ("http://es.example.com:80//", "http://es.example.com:80"),
        ("http://es.ns.svc:9200/prefix/", "http://es.ns.svc.cluster.local:9200/prefix"),
        ("http://es.ns.svc.clusterset.local:9200", "http://es.ns.svc.clusterset.local:9200"),
        // A pod's resolver tries its search list first (ndots 5): SERVICE.NAMESPACE is the Service's full name.
        ("http://ES.ns:9200", "http://es.ns.svc.cluster.local:9200"),
        ("http://10.0.0.7:9200", "http://10.0.0.7:9200"),
        ("http://es.example.com:9200", "http://es.example.com:9200"),
        // HOST:PORT without a scheme, as HttpHost.create reads it: http.
        ("es.ns:9200", "http://es.ns.svc.cluster.local:9200"),
        ("PLACEHOLDER", "PLACEHOLDER"),
        ("10.0.0.7:9200", "http://10.0.0.7:9200"),
        ("es:9200/x", "es:9200/x"),
    ])
    func storageEndpoint(url: String, endpoint: String) {
        #expect(ScenarioInference.storageEndpoint(url) == endpoint)
    }

    @Test("a comma-separated URL list and a URL with its block scalar's line break are refused saying so", .enabled(if: SharedFixtures.available), arguments: [
        ("value: " + region1URL, "value: " + region1URL + ",http://es-2.camunda-secondary.svc.cluster.local:9200", "comma-separated list of URLs"),
        ("value: " + region1URL, "value: |\n            " + region1URL, "a line break around the URL"),
        ("value: " + region1URL, "value: es-1.camunda-secondary:9200,es-2.camunda-secondary:9200", "comma-separated list of URLs"),
    ])
    func urlListsAndLineBreaks(from: String, to: String, words: String) throws {
        var input = try Support.referenceInput()
        let base = input.files[0].document
        input.files[0].document = try ValuesReader.read(base.text.replacingOccurrences(of: from, with: to), file: base.path)
        do {
            _ = try Support.inferredScenario(input)
            Issue.record("inferred a scenario")
        } catch let error as ValuesError {
            #expect("\(error)".contains(words), "\(error)")
            #expect("\(error)".contains("camunda-values.yml:70:"))
        }
    }
}
