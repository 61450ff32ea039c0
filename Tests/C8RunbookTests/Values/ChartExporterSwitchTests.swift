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
        var input = try Support.referenceInput()
        let base = input.files[0].document
        let text = base.text.replacingOccurrences(of: "disableExporter: true", with: "disableExporter: \(disableExporter)")
        #expect(text != base.text)
        input.files[0].document = try ValuesReader.read(text, file: base.path)
        return input
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

    @Test("Go template truth of values", arguments: [
        ("true", true), ("no", false), ("\"false\"", true), ("''", false), ("0", false), ("0.0", false), ("7", true),
        ("~", false), ("{}", false), ("{a: 1}", true), ("[]", false), ("[0]", true),
    ])
    func templateTruth(text: String, truth: Bool) throws {
        let root = try Support.parse("v: \(text)\n")
        #expect(root["v"]?.templateTruth == truth)
    }
}
