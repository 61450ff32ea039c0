@testable import C8Runbook
import Foundation
import Testing

/// zeebe.env exporters whose class is not a legacy exporter's (field-case kind 4, from a new-user trial): a
/// misspelled Elasticsearch or OpenSearch class was skipped without a word, so init wrote a scenario with one exporter
/// and a shared layout; an exporter of another kind (Kafka, from a jar of its own) was carried silently.
@Suite struct ExporterClassTests {
    typealias Support = ValuesTestSupport

    static func input(replacing old: String, with new: String) throws -> ValuesInput {
        try Support.editingBase(try Support.referenceInput()) { text in
            guard let range = text.range(of: old) else { return text }
            return text.replacingCharacters(in: range, with: new)
        }
    }

    @Test("a class that names Elasticsearch or OpenSearch but is not the exporter's is refused at it", .enabled(if: SharedFixtures.available),
          arguments: ["io.camunda.zeebe.exporter.ElasticSearchExporter", "io.zeebe.exporter.ElasticsearchExporter",
                      "io.camunda.zeebe.exporter.OpensearchExporter"])
    func lookAlikeRefused(className: String) throws {
        let input = try Self.input(replacing: "value: io.camunda.zeebe.exporter.ElasticsearchExporter", with: "value: \(className)")
        do {
            let scenario = try Support.inferredScenario(input)
            Issue.record("inferred \(scenario.exporters.legacy.map(\.segment)) with the class '\(className)'")
        } catch let error as ValuesError {
            #expect("\(error)".contains("camunda-values.yml:64:18: error:"), "\(error)")
            #expect("\(error)".contains("is '\(className)', which is not the class of the 8.7 Elasticsearch exporter"), "\(error)")
            #expect("\(error)".contains("c8runbook would leave exporter ELASTICSEARCHREGION0 out of the upgrade"), "\(error)")
        }
    }

    static let kafka = """
                - name: ZEEBE_BROKER_EXPORTERS_AUDIT_CLASSNAME
                  value: com.example.audit.ElasticsearchAuditExporter
                - name: ZEEBE_BROKER_EXPORTERS_AUDIT_JARPATH
                  value: /exporters/audit.jar

        """

    @Test("an exporter of another class from a jar of its own is kept, with a warning at its class", .enabled(if: SharedFixtures.available))
    func otherExporterWarned() throws {
        let input = try Self.input(replacing: "        # Enable JSON logging for Google Cloud Stackdriver\n",
                                   with: Self.kafka + "        # Enable JSON logging for Google Cloud Stackdriver\n")
        #expect(input.files[0].document.text.contains("ZEEBE_BROKER_EXPORTERS_AUDIT_JARPATH"))
        let inference = ScenarioInference(input: input, options: .init(kubeContexts: ["ctx-0", "ctx-1"]))
        let inferred = try inference.infer()
        #expect(inferred.warnings.filter { $0.contains("exporter AUDIT with the class 'com.example.audit.ElasticsearchAuditExporter'") }.count == 1,
                "\(inferred.warnings)")
        #expect(inferred.warnings.contains { $0.hasPrefix(input.files[0].document.path + ":72:18: ") }, "\(inferred.warnings)")
        let scenario = try Support.inferredScenario(input)
        #expect(scenario.exporters.legacy.map(\.segment) == ["ELASTICSEARCHREGION0", "ELASTICSEARCHREGION1"])
        // Its entries reach the 8.8 files as written.
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(try #require(result.files.first).text.contains("value: com.example.audit.ElasticsearchAuditExporter"))
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }
}
