@testable import C8Runbook
import Foundation
import Testing

@Suite("c8runbook values: storage layouts, exporter management, stages")
struct ValuesMigrationVariantsTests {
    typealias Support = ValuesTestSupport

    func variant(_ stage: MigrationStage, _ edit: (inout Scenario) -> Void = { _ in }) throws -> (ValuesMigrationResult, [ValuesNode]) {
        let input = try Support.variantInput()
        var scenario = try Support.inferredScenario(input, .init(release: "camunda", kubeContexts: ["eu", "us"], namespaces: ["team-eu", "team-us"]))
        edit(&scenario)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
        return (result, try result.files.map { try Support.parse($0.text) })
    }

    /// Kubernetes gives a container the last of two env entries with one name; the verifier expects that one, the
    /// migration took the first, and values stopped with exit 70 ("does not point at region 0's storage").
    @Test("a legacy exporter URL written twice in zeebe.env: the Camunda Exporter takes the last, the one Kubernetes uses (R18)",
          .enabled(if: SharedFixtures.available))
    func repeatedLegacyURL() throws {
        var input = try Support.referenceInput()
        let original = input.files[0].document
        let next = "        - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_CLASSNAME\n"
        let last = "http://camunda-elasticsearch-master-hl.camunda-tertiary.svc.cluster.local:9200"
        let text = original.text.replacingOccurrences(of: next, with: "        - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_ARGS_URL\n          value: \(last)\n" + next)
        #expect(text != original.text)
        input.files[0].document = try ValuesReader.read(text, file: original.path)
        let scenario = try Support.inferredScenario(input)
        for stage in MigrationStage.allCases {
            let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
            #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
            let files = try result.files.map { try Support.parse($0.text) }
            #expect(Support.env(files[0], "ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION0_ARGS_CONNECT_URL") == last, "\(stage)")
        }
    }

    /// A region's own `operate.env` replaced the base's in 8.7, while the base's `tasklist.env` still reached
    /// Tasklist. R21 unites both backup repository entries into one, placed where Operate's was written, so the
    /// carry to the overlay took it for the replaced entry and dropped it: values stopped with exit 70 ("the 8.7
    /// tasklist.env entry … has no counterpart").
    @Test("an overlay's own operate.env: the backup repository Tasklist still reads is carried into its list (R21, R31)",
          .enabled(if: SharedFixtures.available), arguments: [(false, true), (true, false)])
    func overlayOperateEnv(alsoTasklist: Bool, carried: Bool) throws {
        var input = try Support.referenceInput()
        let overlay = input.files[1].document
        let own = "operate:\n  env:\n    - name: CAMUNDA_OPERATE_X\n      value: y\n"
            + (alsoTasklist ? "tasklist:\n  env:\n    - name: CAMUNDA_TASKLIST_X\n      value: z\n" : "")
        input.files[1].document = try ValuesReader.read(overlay.text + own, file: overlay.path)
        let scenario = try Support.inferredScenario(input)
        for stage in MigrationStage.allCases {
            let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
            #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
            let region0 = try Support.parse(result.files[1].text)
            #expect(Support.env(region0, "CAMUNDA_OPERATE_X") == "y", "\(stage)")
            #expect(Support.env(region0, "CAMUNDA_DATA_BACKUP_REPOSITORYNAME") == (carried ? "camunda_backup" : "absent"), "\(stage)")
        }
    }

    @Test("shared storage: data migration in the overlays, region 0 only (R20)")
    func sharedMigrationFlag() throws {
        let (_, files) = try variant(.migration)
        #expect(Support.scalar(files[0], "orchestration.migration") == "absent")
        #expect(Support.scalar(files[1], "orchestration.migration.data.enabled") == "bool:true")
        #expect(Support.scalar(files[2], "orchestration.migration.data.enabled") == "bool:false")
        #expect(Support.scalar(files[1], "global.multiregion.regionId") == "int:0")
    }

    @Test("OpenSearch: one Camunda Exporter for the shared storage with connect type and the legacy credentials (R18)")
    func openSearchExporter() throws {
        let (_, files) = try variant(.migration)
        #expect(Support.env(files[0], "ZEEBE_BROKER_EXPORTERS_CAMUNDASHARED_CLASSNAME") == "io.camunda.exporter.CamundaExporter")
        #expect(Support.env(files[0], "ZEEBE_BROKER_EXPORTERS_CAMUNDASHARED_ARGS_CONNECT_URL") == "https://search.example.internal:443")
        #expect(Support.env(files[0], "ZEEBE_BROKER_EXPORTERS_CAMUNDASHARED_ARGS_CONNECT_TYPE") == "opensearch")
        #expect(Support.env(files[0], "ZEEBE_BROKER_EXPORTERS_CAMUNDASHARED_ARGS_CONNECT_USERNAME") == "zeebe")
        #expect(Support.env(files[0], "ZEEBE_BROKER_EXPORTERS_CAMUNDASHARED_ARGS_CONNECT_PASSWORD") == "valueFrom")
        #expect(Support.env(files[0], "ZEEBE_BROKER_EXPORTERS_OPENSEARCH_ARGS_URL") == "https://search.example.internal:443")
    }

    @Test("no compression: no compression variable is added (R15 does not apply)")
    func noCompression() throws {
        let (_, files) = try variant(.migration)
        for name in ["ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION", "ZEEBE_BROKER_GATEWAY_CLUSTER_MESSAGECOMPRESSION", "ZEEBE_BROKER_CLUSTER_MESSAGECOMPRESSION"] {
            #expect(Support.env(files[0], name) == "absent")
        }
        #expect(Support.env(files[0], "ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT") == "500ms")
    }

    @Test("8.7 users are not carried as env; the report says how to re-create them (R24)")
    func users() throws {
        let (result, files) = try variant(.migration)
        #expect(Support.env(files[0], "CAMUNDA_OPERATE_USERID") == "absent")
        #expect(result.changes.contains { $0.rule == "R24" && $0.path == "operate.env[CAMUNDA_OPERATE_USERID]" && $0.kind == .review })
    }

    @Test("final stage: legacy exporters and migration flags gone, the overlays back to 8.7 (R53, R55)")
    func finalStage() throws {
        let (result, files) = try variant(.final)
        #expect(Support.env(files[0], "ZEEBE_BROKER_EXPORTERS_OPENSEARCH_CLASSNAME") == "absent")
        #expect(Support.env(files[0], "ZEEBE_BROKER_EXPORTERS_CAMUNDASHARED_CLASSNAME") == "io.camunda.exporter.CamundaExporter")
        #expect(!result.files[1].changed && !result.files[2].changed)
        #expect(result.changes.contains { $0.rule == "R53" && $0.kind == .removed })
        #expect(result.changes.contains { $0.kind == .commentLost && $0.source?.line == 52 })
    }

    @Test("Optimize keeps the legacy exporters in the final stage (R57)")
    func optimizeKeepsLegacy() throws {
        let (_, files) = try variant(.final) { $0.optimize = true }
        #expect(Support.env(files[0], "ZEEBE_BROKER_EXPORTERS_OPENSEARCH_CLASSNAME") == "io.camunda.zeebe.exporter.opensearch.OpensearchExporter")
        #expect(Support.scalar(files[0], "optimize.enabled") == "bool:false")
    }

    @Test("unprotected API restores 8.7's unauthenticated access (R25)")
    func unprotected() throws {
        let (_, files) = try variant(.migration) { $0.apiSecurity = .unprotected }
        #expect(Support.scalar(files[0], "orchestration.security.authentication.unprotectedApi") == "bool:true")
        #expect(Support.scalar(files[0], "orchestration.security.authorizations.enabled") == "bool:false")
    }

    @Test("helm-managed exporters with one shared storage switch the chart's exporters on (R19)")
    func helmManaged() throws {
        let text = """
            global:
              multiregion:
                regions: 2
              elasticsearch:
                disableExporter: false
                url:
                  protocol: http
                  host: shared-es.storage.svc.cluster.local
                  port: 9200
            zeebe:
              clusterSize: 4
            """
        let document = try ValuesReader.read(text, file: "camunda-values.yml")
        let input = ValuesInput(files: [.init(role: .base, document: document, relativePath: "camunda-values.yml")])
        let scenario = try Support.inferredScenario(input, .init(release: "camunda", kubeContexts: ["a", "b"], namespaces: ["ns-a", "ns-b"]))
        #expect(scenario.exporters.management == .helmManaged)
        #expect(scenario.secondaryStorage.sharedURL == "http://shared-es.storage.svc.cluster.local:9200")
        let root = try Support.parse(ValuesMigration.migrate(input, scenario: scenario, stage: .migration).files[0].text)
        #expect(Support.scalar(root, "orchestration.exporters.camunda.enabled") == "bool:true")
        #expect(Support.scalar(root, "orchestration.exporters.zeebe.enabled") == "bool:true")
        #expect(Support.scalar(root, "orchestration.env") == "absent")
        #expect(Support.scalar(root, "global.elasticsearch.disableExporter") == "absent")
        #expect(Support.scalar(root, "global.elasticsearch.url.host") == "string:shared-es.storage.svc.cluster.local")
    }

    @Test("the diff for the runbook: labelled, redacted, empty for untouched files")
    func diffForTheRunbook() throws {
        let (result, _) = try variant(.migration)
        #expect(result.diff.hasPrefix("--- a/camunda-values.yml\n+++ b/camunda-values.yml\n@@ -8,8 +8,6 @@\n"))
        #expect(result.diff.contains("-    disableExporter: true\n"))
        #expect(result.diff.contains("       value: <redacted: camunda-values.yml:33>\n") || !result.diff.contains("CONNECTORS_API_TOKEN"))
        let (final, _) = try variant(.final)
        #expect(final.diff(of: final.files[1]).isEmpty)
    }
}

@Suite("c8runbook values: a region overlay with its own env list (R31)")
struct OverlayEnvTests {
    @Test("the overlay's list gets the Camunda Exporters too, and a review note")
    func overlayEnv() throws {
        let base = try ValuesReader.read("""
            global:
              elasticsearch:
                disableExporter: true
              multiregion:
                regions: 2
            zeebe:
              clusterSize: 4
              env:
                - name: ZEEBE_BROKER_EXPORTERS_ES0_CLASSNAME
                  value: io.camunda.zeebe.exporter.ElasticsearchExporter
                - name: ZEEBE_BROKER_EXPORTERS_ES0_ARGS_URL
                  value: http://camunda-elasticsearch-master-hl.ns-a.svc.cluster.local:9200
                - name: ZEEBE_BROKER_EXPORTERS_ES1_CLASSNAME
                  value: io.camunda.zeebe.exporter.ElasticsearchExporter
                - name: ZEEBE_BROKER_EXPORTERS_ES1_ARGS_URL
                  value: http://camunda-elasticsearch-master-hl.ns-b.svc.cluster.local:9200
            """, file: "camunda-values.yml")
        let overlayText = base.text.replacingOccurrences(of: "global:\n  elasticsearch:\n    disableExporter: true\n  multiregion:\n    regions: 2\n", with: "global:\n  multiregion:\n    regionId: 1\n")
        let overlay = try ValuesReader.read(overlayText, file: "region1/camunda-values.yml")
        let input = ValuesInput(files: [.init(role: .base, document: base, relativePath: "camunda-values.yml"),
                                        .init(role: .overlay(region: 1), document: overlay, relativePath: "region1/camunda-values.yml")])
        let scenario = try ValuesTestSupport.inferredScenario(input, .init(kubeContexts: ["a", "b"]))
        #expect(scenario.regions.map(\.namespace) == ["ns-a", "ns-b"])
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        let migratedOverlay = try ValuesTestSupport.parse(result.files[1].text)
        #expect(ValuesTestSupport.env(migratedOverlay, "ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION1_ARGS_CONNECT_URL") == "http://camunda-elasticsearch-master-hl.ns-b.svc.cluster.local:9200")
        #expect(ValuesTestSupport.scalar(migratedOverlay, "orchestration.exporters") == "absent")
        #expect(result.changes.contains { $0.file == "region1/camunda-values.yml" && $0.rule == "R31" && $0.kind == .review })
    }
}
