@testable import C8Runbook
import Foundation
import Testing

/// `zeebe.configuration` is the broker's whole application.yaml in 12.x (CHART 12.7.6 `zeebe/configmap.yaml`), and
/// `orchestration.configuration` the Orchestration Cluster's whole unified application.yaml in 13.x (CHART 13.12.7
/// `orchestration/configmap-unified.yaml`). Exporters written there were invisible to init ("no exporter: the
/// chart's own exporter is off and zeebe.env defines none", or only the zeebe.env ones inferred), and values moved
/// the text to orchestration.configuration without a word: field-case kind 4 (an enabled 8.7 exporter removed
/// without a word; exporters set by `zeebe.configuration`).
@Suite("c8runbook init and values: exporters and settings in zeebe.configuration")
struct ConfigurationExporterTests {
    typealias Support = ValuesTestSupport

    /// The reference input with `configuration` as zeebe.configuration of the base file.
    static func input(_ configuration: String) throws -> ValuesInput {
        let block = "    configuration: |\n" + configuration.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n")
        return try Support.editingBase(try Support.referenceInput()) {
            $0.replacingOccurrences(of: "    pvcSize: 32Gi\n", with: "    pvcSize: 32Gi\n" + block + "\n")
        }
    }

    @Test("exporters in zeebe.configuration, nested or with dotted keys, stop init with their ids and the place", .enabled(if: SharedFixtures.available), arguments: [
        "zeebe:\n  broker:\n    exporters:\n      audit:\n        className: io.camunda.zeebe.exporter.ElasticsearchExporter\n        args:\n          url: http://audit:9200\n",
        "zeebe.broker:\n  exporters.audit.className: io.camunda.zeebe.exporter.ElasticsearchExporter\n",
        "Zeebe:\n  Broker:\n    Exporters:\n      audit:\n        class-name: io.zeebe.exporters.kafka.KafkaExporter\n",
    ])
    func exportersRefused(configuration: String) throws {
        let input = try Self.input(configuration)
        do {
            _ = try Support.inferredScenario(input)
            Issue.record("inferred a scenario")
        } catch let error as ValuesError {
            let message = "\(error)"
            #expect(message.contains("camunda-values.yml:"))
            #expect(message.contains("zeebe.configuration"))
            #expect(message.contains("'audit'"))
            #expect(message.contains("zeebe.env"))
        }
        let scenario = try Support.inferredScenario(try Support.referenceInput())
        #expect(throws: ValuesError.self) { try ScenarioInference.checkAgreement(of: input, with: scenario) }
    }

    /// The reference input with `entry` (YAML lines at the env list's indentation) appended to the base file's zeebe.env.
    static func inputWithEnv(_ entry: String) throws -> ValuesInput {
        try Support.editingBase(try Support.referenceInput()) {
            $0.replacingOccurrences(of: "          value: 1s\n", with: "          value: 1s\n" + entry)
        }
    }

    @Test("exporters set as Spring properties (SPRING_APPLICATION_JSON, -D in JAVA_TOOL_OPTIONS, JAVA_OPTS or zeebe.javaOpts) stop init with their ids and the place",
          .enabled(if: SharedFixtures.available), arguments: [
        ("        - name: SPRING_APPLICATION_JSON\n          value: '{\"zeebe\":{\"broker\":{\"exporters\":{\"audit\":{\"className\":\"com.acme.AuditExporter\"}}}}}'\n",
         "zeebe.env SPRING_APPLICATION_JSON", "'audit'"),
        // Only an argument of an exporter zeebe.env defines: its index prefix, which the Camunda Exporter would not get.
        ("        - name: SPRING_APPLICATION_JSON\n          value: '{\"zeebe.broker.exporters.elasticsearchregion1.args.index.prefix\":\"r1\"}'\n",
         "zeebe.env SPRING_APPLICATION_JSON", "'elasticsearchregion1'"),
        ("        - name: JAVA_TOOL_OPTIONS\n          value: -Xmx1g -Dzeebe.broker.exporters.audit.className=com.acme.AuditExporter\n",
         "zeebe.env JAVA_TOOL_OPTIONS", "'audit'"),
        ("        - name: JAVA_OPTS\n          value: -DZEEBE.BROKER.EXPORTERS.audit.args.url=http://audit:9200\n", "zeebe.env JAVA_OPTS", "'audit'"),
        ("    javaOpts: -XX:+UseG1GC -Dzeebe.broker.exporters.audit.jar-path=/exporters/audit.jar\n", "zeebe.javaOpts", "'audit'"),
    ])
    func springPropertyExportersRefused(entry: String, place: String, id: String) throws {
        let input = entry.hasPrefix("    javaOpts") ? try Support.referenceInput(zeebe: entry) : try Self.inputWithEnv(entry)
        do {
            _ = try Support.inferredScenario(input)
            Issue.record("inferred a scenario")
        } catch let error as ValuesError {
            let message = "\(error)"
            #expect(message.contains("camunda-values.yml:"), "\(message)")
            #expect(message.contains(place + " sets the exporter " + id), "\(message)")
            #expect(!message.contains("http://audit"), "\(message)")
        }
        let scenario = try Support.inferredScenario(try Support.referenceInput())
        #expect(throws: ValuesError.self) { try ScenarioInference.checkAgreement(of: input, with: scenario) }
    }

    @Test("Spring properties and JVM options without exporters are read as before", .enabled(if: SharedFixtures.available), arguments: [
        "        - name: SPRING_APPLICATION_JSON\n          value: '{\"zeebe\":{\"broker\":{\"data\":{\"snapshotPeriod\":\"5m\"}}}}'\n",
        "        - name: JAVA_TOOL_OPTIONS\n          value: -Xmx1g -Dzeebe.broker.exporters=none\n",
        // Ordinary JVM options (heap, GC, an agent and its properties), and the word only inside another property's value.
        "        - name: JAVA_TOOL_OPTIONS\n          value: -Xms2g -Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=200 -javaagent:/agents/otel.jar -Dotel.service.name=zeebe -Dotel.exporter.otlp.endpoint=http://otel:4317\n",
        "        - name: JAVA_OPTS\n          value: -Dlogging.note=zeebe.broker.exporters.audit.className -Dzeebe.broker.exporting.distribution.interval=5s\n",
        "        - name: SPRING_APPLICATION_JSON\n          value: '{\"camunda\":{\"rest\":{\"query\":{\"enabled\":true}}},\"zeebe.broker.network.maxMessageSize\":\"8MB\"}'\n",
    ])
    func springPropertiesWithoutExporters(entry: String) throws {
        let scenario = try Support.inferredScenario(try Self.inputWithEnv(entry))
        #expect(scenario.exporters.legacy.map(\.segment) == ["ELASTICSEARCHREGION0", "ELASTICSEARCHREGION1"])
    }

    @Test("a zeebe.configuration without exporters is carried, and the report asks for a review: in 13.x it replaces the whole unified configuration",
          .enabled(if: SharedFixtures.available))
    func configurationReviewed() throws {
        let input = try Self.input("zeebe:\n  broker:\n    data:\n      snapshotPeriod: 5m\n")
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(result.problems.isEmpty)
        let root = try Support.parse(result.files[0].text)
        #expect(root.node(at: "orchestration.configuration")?.text?.contains("snapshotPeriod: 5m") == true)
        let review = result.changes.filter { $0.kind == .review && $0.path == "orchestration.configuration" }
        #expect(review.count == 1)
        #expect(review.first?.message.contains("replaces the Orchestration Cluster's whole unified application.yaml") == true)
    }
}
