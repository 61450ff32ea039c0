@testable import C8Runbook
import Foundation
import Testing

/// The 12.x chart switches its own exporter on with `and (not .Values.global.elasticsearch.disableExporter)
/// .Values.global.elasticsearch.enabled` (CHART 12.7.6 `zeebe/configmap.yaml`, `zeebe/statefulset.yaml`): Go
/// template truth, in which any non-empty string is true. `disableExporter: "true"` (quoted, as teams write it from
/// `--set-string` or a templating tool) was read as not set, so init refused a correct file saying the chart's
/// exporter was enabled; `"false"` switches the exporter off for Helm too. Field-case kind 4.
@Suite("c8runbook init: the chart's own exporter switch as Helm's templates read it")
struct ChartExporterSwitchTests {
    typealias Support = ValuesTestSupport

    static func input(_ disableExporter: String) throws -> ValuesInput {
        try Support.editingBase(try Support.referenceInput()) {
            $0.replacingOccurrences(of: "disableExporter: true", with: "disableExporter: \(disableExporter)")
        }
    }

    @Test("a quoted or otherwise non-empty disableExporter switches the chart's exporter off, as in Helm", .enabled(if: SharedFixtures.available),
          arguments: ["\"true\"", "'yes'", "\"false\"", "1"])
    func truthyIsOff(value: String) throws {
        let scenario = try Support.inferredScenario(try Self.input(value))
        #expect(scenario.exporters.management == .manual)
        #expect(scenario.exporters.legacy.map(\.segment) == ["ELASTICSEARCHREGION0", "ELASTICSEARCHREGION1"])
    }

    @Test("an empty, false, zero or null disableExporter leaves it on: refused next to the zeebe.env exporters", .enabled(if: SharedFixtures.available),
          arguments: ["false", "\"\"", "0", "~"])
    func falsyIsOn(value: String) throws {
        do {
            _ = try Support.inferredScenario(try Self.input(value))
            Issue.record("inferred a scenario with disableExporter: \(value)")
        } catch let error as ValuesError {
            #expect("\(error)".contains("the chart's own exporter 'elasticsearch' is enabled"))
        }
    }

    /// The OpenSearch variant (one shared OpenSearch, its env exporter's id `OPENSEARCH`) with the env exporter's id
    /// replaced: the 12.x chart's `{{- else if .Values.global.opensearch.enabled }}` renders its own `opensearch`
    /// exporter whatever `global.elasticsearch.disableExporter` says (CHART 12.13.3 `zeebe/configmap.yaml`; 12.x has
    /// no `global.opensearch.disableExporter`).
    static func openSearchInput(id: String) throws -> ValuesInput {
        let variant = try Support.variantInput()
        #expect(variant.files[0].document.text.contains("disableExporter: true"))
        // The id OPENSEARCH itself changes nothing: the variant as it is.
        guard id != "OPENSEARCH" else {
            #expect(variant.files[0].document.text.contains("ZEEBE_BROKER_EXPORTERS_OPENSEARCH_CLASSNAME"))
            return variant
        }
        return try Support.editingBase(variant) {
            let text = $0.replacingOccurrences(of: "ZEEBE_BROKER_EXPORTERS_OPENSEARCH_", with: "ZEEBE_BROKER_EXPORTERS_\(id)_")
            #expect(text.contains("ZEEBE_BROKER_EXPORTERS_\(id)_CLASSNAME"))
            return text
        }
    }

    @Test("with OpenSearch the chart's own exporter runs whatever disableExporter says: an env exporter of another id is a second one, refused",
          .enabled(if: SharedFixtures.available), arguments: ["OPENSEARCHREGION0", "SEARCH"])
    func openSearchChartExporterNextToAnotherId(id: String) throws {
        do {
            let scenario = try Support.inferredScenario(try Self.openSearchInput(id: id))
            Issue.record("inferred \(scenario.exporters.legacy.map(\.segment)) next to the chart's running opensearch exporter")
        } catch let error as ValuesError {
            #expect("\(error)".contains("the 12.x chart's own exporter 'opensearch' runs whenever global.opensearch.enabled is true"))
            #expect("\(error)".contains("ZEEBE_BROKER_EXPORTERS_OPENSEARCH_"))
        }
    }

    @Test("an env exporter with the chart exporter's own id takes its place: one exporter, the env's", .enabled(if: SharedFixtures.available))
    func openSearchEnvExporterWithTheChartsId() throws {
        let scenario = try Support.inferredScenario(try Self.openSearchInput(id: "OPENSEARCH"))
        #expect(scenario.exporters.management == .manual)
        #expect(scenario.exporters.legacy.map(\.segment) == ["OPENSEARCH"])
    }

    @Test("the same for Elasticsearch: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCH_* with the chart's exporter on is that exporter, not a second",
          .enabled(if: SharedFixtures.available))
    func elasticsearchEnvExporterWithTheChartsId() throws {
        // Keep one of the reference's two exporters and give it the chart exporter's id.
        let input = try Support.editingBase(try Self.input("false")) {
            $0.replacingOccurrences(of: "ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_", with: "ZEEBE_BROKER_EXPORTERS_ELASTICSEARCH_")
        }
        do {
            _ = try Support.inferredScenario(input)
        } catch let error as ValuesError {
            // Still refused while another id (ELASTICSEARCHREGION1) runs next to it, but not as a double chart exporter.
            #expect(!"\(error)".contains("the chart's own exporter 'elasticsearch' is enabled"), "\(error)")
        }
    }

    /// The OpenSearch variant without its zeebe.env exporter: the chart's own `opensearch` exporter, switched on by
    /// `global.opensearch.enabled` as the templates read it. A quoted "true" (or `1`) is on for Helm; the storage
    /// was read as a YAML boolean only, so init took it for Elasticsearch and refused the chart's default
    /// Elasticsearch URL at 1:1.
    static func chartOpenSearchInput(enabled: String) throws -> ValuesInput {
        try Support.editingBase(try Support.variantInput()) {
            guard let start = $0.range(of: "    # Legacy exporter to the shared OpenSearch\n"),
                  let end = $0.range(of: "    - name: ZEEBE_BROKER_CLUSTER_INITIALCONTACTPOINTS") else { return $0 }
            var text = $0
            text.removeSubrange(start.lowerBound..<end.lowerBound)
            return text.replacingOccurrences(of: "disableExporter: true", with: "disableExporter: false")
                .replacingOccurrences(of: "  opensearch:\n    enabled: true\n", with: "  opensearch:\n    enabled: \(enabled)\n")
        }
    }

    @Test("global.opensearch.enabled read as the chart's templates read it: the chart's exporter writes to OpenSearch",
          .enabled(if: SharedFixtures.available), arguments: ["true", "\"true\"", "'yes'", "1"])
    func chartOpenSearchSwitch(enabled: String) throws {
        let scenario = try Support.inferredScenario(try Self.chartOpenSearchInput(enabled: enabled))
        #expect(scenario.exporters.management == .helmManaged)
        #expect(scenario.secondaryStorage.type == .opensearch)
    }

    @Test("a quoted 'false' in global.opensearch.enabled is on for Helm: refused at it", .enabled(if: SharedFixtures.available))
    func chartOpenSearchQuotedFalse() throws {
        do {
            let scenario = try Support.inferredScenario(try Self.chartOpenSearchInput(enabled: "\"false\""))
            Issue.record("inferred \(scenario.secondaryStorage.type) from a quoted 'false'")
        } catch let error as ValuesError {
            #expect("\(error)".contains("global.opensearch.enabled is the string 'false' (quoted)"), "\(error)")
            #expect("\(error)".contains("camunda-values.yml:14:14"), "\(error)")
        }
    }

    /// A region file that sets the chart exporter's storage for its region alone: each region's brokers would export
    /// only to their own storage. init read region 0's merged values only, and wrote a shared layout with region 0's
    /// URL, contradicting region 1's file (new-user trial).
    @Test("the chart's exporter writing to another storage in each region is refused at the region file",
          .enabled(if: SharedFixtures.available), arguments: [("search2.example.internal", false), ("SEARCH.example.internal", true)])
    func chartExporterURLPerRegion(host: String, same: Bool) throws {
        let input = try Support.appendingToRegion1(try Self.chartOpenSearchInput(enabled: "true"), "  opensearch:\n    url:\n      host: \(host)\n")
        do {
            let scenario = try Support.inferredScenario(input)
            #expect(same, "inferred \(scenario.secondaryStorage.layout) over two storages")
        } catch let error as ValuesError {
            #expect(!same, "\(error)")
            #expect("\(error)".contains("in region 0 and 'https://search2.example.internal:443' in region 1"), "\(error)")
            #expect("\(error)".contains("region1/camunda-values.yml:8:13"), "\(error)")
        }
    }

    @Test("Go template truth of values", arguments: [
        ("true", true), ("no", false), ("\"false\"", true), ("''", false), ("0", false), ("0.0", false), ("7", true),
        ("~", false), ("{}", false), ("{a: 1}", true), ("[]", false), ("[0]", true),
    ])
    func templateTruth(text: String, truth: Bool) throws {
        let root = try Support.parse("v: \(text)\n")
        #expect(root["v"]?.templateTruth == truth)
    }
}
