import Foundation
import Testing
@testable import C8Runbook

/// The exact strings each rule emits (rules.md §G), for the scenario shapes that change them.
@Suite struct RuleContentTests {
    func step(_ id: String, _ fixture: ScenarioFixture = ScenarioFixture()) throws -> Step {
        try #require(Planner().plan(try fixture.scenario).step(id: id), "no step \(id) for \(fixture.testDescription)")
    }

    func yaml(_ step: Step, _ index: Int = 0) throws -> String {
        try #require(step.blocks.indices.contains(index) ? step.blocks[index].content : nil)
    }

    @Test func r01SetsCamundasScriptVariablesAndSavesTheChartDefaults() throws {
        let commands = try step("prepare.versions").commands
        #expect(commands.first == "export CLUSTER_0=ctx-zero CLUSTER_1=ctx-one CAMUNDA_NAMESPACE_0=ns-zero CAMUNDA_NAMESPACE_1=ns-one CAMUNDA_RELEASE_NAME=camunda HELM_CHART_VERSION=13.10.2")
        #expect(commands.last?.hasPrefix("helm show values camunda/camunda-platform --version 13.10.2 > /") == true)
        #expect(commands.last?.hasSuffix("/values-8.8-default.yaml") == true)
        #expect(commands.contains("helm --kube-context ctx-one --namespace ns-one list"))
    }

    @Test func r18CrossChecksTheURLsWithCamundasScriptForTheSubchart() throws {
        let commands = try step("values.camunda-exporters").commands
        #expect(commands == ["CAMUNDA_NAMESPACE_0=ns-zero CAMUNDA_NAMESPACE_1=ns-one CAMUNDA_RELEASE_NAME=camunda ZEEBE_CLUSTER_SIZE=8 bash \"${C8_MULTI_REGION:?set C8_MULTI_REGION to your checkout of camunda/c8-multi-region, branch stable/8.8}/aws/dual-region/scripts/generate_zeebe_helm_values.sh\""])
        #expect(try step("values.camunda-exporters", ScenarioFixture(layout: .shared)).commands.isEmpty, "the script assumes one subchart per region")
    }

    @Test func r12ClusterSizingIsQuoted() throws {
        #expect(try yaml(step("values.cluster-sizing")) == """
            orchestration:
              clusterSize: '8'
              partitionCount: '8'
              replicationFactor: '4'
            """)
    }

    @Test func r14RenamesGatewayVariables() throws {
        let s = try step("values.gateway-env")
        #expect(try yaml(s) == """
            orchestration:
              env:
                # Gateway variables, renamed ZEEBE_GATEWAY_* → ZEEBE_BROKER_GATEWAY_*
                - name: ZEEBE_BROKER_GATEWAY_CLUSTER_MESSAGECOMPRESSION
                  value: GZIP
                - name: ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT
                  value: 500ms
            """)
        #expect(s.blocks[0].file == "camunda-values.yml")
    }

    @Test func r15KeepsThreeCompressionVariables() throws {
        let s = try step("values.message-compression", ScenarioFixture(compression: .snappy))
        #expect(try yaml(s) == """
            orchestration:
              env:
                - name: ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION  # old prefix, kept ONLY for the importer until post-migration
                  value: SNAPPY
                - name: ZEEBE_BROKER_CLUSTER_MESSAGECOMPRESSION  # broker (unchanged)
                  value: SNAPPY
                - name: ZEEBE_BROKER_GATEWAY_CLUSTER_MESSAGECOMPRESSION  # embedded gateway (renamed)
                  value: SNAPPY
            """)
        #expect(s.notes.map(\.kind) == [.correction])
        #expect(s.notes[0].reference == "rules.md §E.2c")
    }

    @Test func r16SwitchesChartExportersOffForManualExporters() throws {
        let s = try step("values.exporter-switch")
        #expect(try yaml(s) == "orchestration:\n  exporters:\n    camunda:\n      enabled: false\n    zeebe:\n      enabled: false")
        #expect(s.notes.first?.kind == .correction)
    }

    @Test func r17KeepsLegacyExportersVerbatim() throws {
        #expect(try yaml(step("values.legacy-exporters")) == """
            orchestration:
              env:
                # Existing 8.7 exporters: keep unchanged during migration
                - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_CLASSNAME
                  value: io.camunda.zeebe.exporter.ElasticsearchExporter
                - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_ARGS_URL
                  value: http://camunda-elasticsearch-master-hl.ns-zero.svc.cluster.local:9200
                - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_CLASSNAME
                  value: io.camunda.zeebe.exporter.ElasticsearchExporter
                - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_ARGS_URL
                  value: http://camunda-elasticsearch-master-hl.ns-one.svc.cluster.local:9200
            """)
    }

    @Test func r18AddsOneCamundaExporterPerRegionWithConnectURL() throws {
        let s = try step("values.camunda-exporters")
        #expect(try yaml(s) == """
            orchestration:
              env:
                # New region 0 Camunda Exporter
                - name: ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION0_CLASSNAME
                  value: io.camunda.exporter.CamundaExporter
                - name: ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION0_ARGS_CONNECT_URL
                  value: http://camunda-elasticsearch-master-hl.ns-zero.svc.cluster.local:9200

                # New region 1 Camunda Exporter
                - name: ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION1_CLASSNAME
                  value: io.camunda.exporter.CamundaExporter
                - name: ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION1_ARGS_CONNECT_URL
                  value: http://camunda-elasticsearch-master-hl.ns-one.svc.cluster.local:9200
            """)
        #expect(s.notes.map(\.reference) == ["rules.md §E.2b"])
    }

    @Test func r18OpenSearchSetsTheConnectType() throws {
        let block = try yaml(step("values.camunda-exporters", ScenarioFixture(type: .opensearch)))
        #expect(block.contains("- name: ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION0_ARGS_CONNECT_TYPE\n      value: opensearch"))
        #expect(block.contains("- name: ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION1_ARGS_CONNECT_TYPE\n      value: opensearch"))
        let legacy = try yaml(step("values.legacy-exporters", ScenarioFixture(type: .opensearch)))
        #expect(legacy.contains("- name: ZEEBE_BROKER_EXPORTERS_OPENSEARCHREGION0_CLASSNAME\n      value: io.camunda.zeebe.exporter.opensearch.OpensearchExporter"))
    }

    @Test func r18SharedStorageWithManualExportersDefinesOneCamundaExporter() throws {
        let s = try step("values.camunda-exporters", ScenarioFixture(layout: .shared))
        let block = try yaml(s)
        #expect(block.contains("ZEEBE_BROKER_EXPORTERS_CAMUNDASHARED_ARGS_CONNECT_URL\n      value: http://search.example.com:9200"))
        #expect(!block.contains("CAMUNDAREGION"))
        #expect(s.notes.contains { $0.kind == .inference })
    }

    @Test func r19HelmManagedEnablesBothChartExporters() throws {
        let s = try step("values.helm-managed-exporters", ScenarioFixture(layout: .shared, management: .helmManaged))
        #expect(try yaml(s) == "orchestration:\n  exporters:\n    camunda:\n      enabled: true\n    zeebe:\n      enabled: true")
    }

    @Test func r20MigrationSwitchInBaseFileForPerRegionStorage() throws {
        let s = try step("values.data-migration")
        #expect(s.blocks.count == 1)
        #expect(s.blocks[0].file == "camunda-values.yml")
        #expect(s.blocks[0].content == "orchestration:\n  migration:\n    data:\n      enabled: true")
    }

    @Test func r20MigrationSwitchInOverlaysForSharedStorage() throws {
        let s = try step("values.data-migration", ScenarioFixture(layout: .shared))
        #expect(s.blocks.map(\.file) == ["region0/camunda-values.yml", "region1/camunda-values.yml"])
        #expect(s.blocks[0].content.hasSuffix("enabled: true"))
        #expect(s.blocks[1].content.hasSuffix("enabled: false"))
        #expect(s.notes.map(\.reference) == ["rules.md §E.2g"])
    }

    @Test func r24ReCreatesUsersWithoutPasswords() throws {
        let s = try step("values.authentication", ScenarioFixture(extra: "basicAuthUsers: [alice, bob]\nconnectors: true"))
        let users = try yaml(s, 1)
        #expect(users.contains("- username: alice") && users.contains("- username: bob") && users.contains("- username: connectors"))
        #expect(users.contains("password: <choose a password>"))
        #expect(users.contains("admin:\n          users:\n            - alice\n            - bob"))
        #expect(s.notes.contains { $0.kind == .warning })
    }

    @Test func r25UnprotectedAPICorrectsTheGuide() throws {
        let s = try step("values.api-security", ScenarioFixture(api: .unprotected))
        #expect(try yaml(s) == """
            orchestration:
              security:
                authentication:
                  unprotectedApi: true
                authorizations:
                  enabled: false
            """)
        #expect(s.notes.first?.kind == .correction)
        #expect(s.notes.first?.reference == "rules.md §E.2d")
        #expect(s.notes.first?.text.contains("`unprotectedApi: true`") == true)
        #expect(try step("values.api-security").blocks.isEmpty)
    }

    @Test func r37HelmUpgradeIsPinnedWithContextNamespaceAndFilesInOrder() throws {
        let fixture = ScenarioFixture(extra: "valuesFiles: { directory: /ops/camunda, base: camunda-values.yml, region0: region0/camunda-values.yml, region1: region1/camunda-values.yml }")
        #expect(try step("upgrade.helm.region1", fixture).commands == ["""
            helm upgrade camunda camunda/camunda-platform \\
              --version 13.10.2 \\
              --kube-context ctx-one \\
              --namespace ns-one \\
              -f /ops/camunda/values-8.8/camunda-values.yml \\
              -f /ops/camunda/values-8.8/region1/camunda-values.yml
            """])
    }

    @Test func r37PerRegionFullFilesPassOneFile() throws {
        let fixture = ScenarioFixture(extra: "valuesFiles: { directory: /ops, region0: a.yml, region1: \"b c.yml\" }")
        #expect(try step("upgrade.helm.region1", fixture).commands[0].hasSuffix("--namespace ns-one \\\n  -f '/ops/values-8.8/b c.yml'"))
    }

    @Test func r41WaitsOnlyWhereTheMigrationRuns() throws {
        let perRegion = Planner().plan(try ScenarioFixture().scenario)
        #expect(perRegion.steps.filter { $0.rules.first == "R41" }.map(\.id) == ["migration.watch", "migration.complete.region0", "migration.complete.region1"])
        let shared = Planner().plan(try ScenarioFixture(layout: .shared).scenario)
        #expect(shared.steps.filter { $0.rules.first == "R41" }.map(\.id) == ["migration.watch", "migration.complete.region0"])
        #expect(try step("migration.complete.region1").commands.contains(
            "kubectl --context ctx-one -n ns-one get job/camunda-zeebe-migration-data -o jsonpath='{.status.conditions[?(@.status==\"True\")].type}'"))
        #expect(try !step("migration.complete.region1").commands.contains { $0.contains("--timeout=45m") }, "no serial 45-minute wait")
    }

    @Test func r42RestartsTheImporterInTheRightCluster() throws {
        let s = try step("troubleshooting.restart-importer.region1")
        #expect(s.commands.contains(#"kubectl --context ctx-one -n ns-one delete pods -l "app.kubernetes.io/component=orchestration-importer""#))
        #expect(!s.required)
        #expect(s.notes.map(\.reference) == ["rules.md §E.2i", "camunda/camunda#56595"], "no released image is known to carry #56596")
    }

    @Test func r52DisablesEachLegacyExporterOnceThroughRegion0() throws {
        let s = try step("post.exporters.disable")
        #expect(s.commands == [
            "kubectl --context ctx-zero -n ns-zero port-forward services/camunda-zeebe-gateway 9600:9600",
            #"curl -s -w '\nHTTP %{http_code}\n' -XPOST 'http://localhost:9600/actuator/exporters/elasticsearchregion0/disable'"#,
            "curl -s -XGET 'http://localhost:9600/actuator/cluster' | jq .lastChange",
            #"curl -s -w '\nHTTP %{http_code}\n' -XPOST 'http://localhost:9600/actuator/exporters/elasticsearchregion1/disable'"#,
            "curl -s -XGET 'http://localhost:9600/actuator/cluster' | jq .lastChange",
        ])
        let confirm = try step("post.exporters.confirm")
        #expect(confirm.blocks[0].content == """
            {"exporterId":"elasticsearchregion0","status":"DISABLED"}
            {"exporterId":"elasticsearchregion1","status":"DISABLED"}
            {"exporterId":"camundaregion0","status":"ENABLED"}
            {"exporterId":"camundaregion1","status":"ENABLED"}
            """)
    }

    @Test func r52HelmManagedUsesTheChartsExporterIDs() throws {
        let s = try step("post.exporters.disable", ScenarioFixture(type: .opensearch, layout: .shared, management: .helmManaged))
        #expect(s.commands.contains(#"curl -s -w '\nHTTP %{http_code}\n' -XPOST 'http://localhost:9600/actuator/exporters/opensearch/disable'"#))
        #expect(try step("post.exporters.confirm", ScenarioFixture(layout: .shared, management: .helmManaged)).blocks[0].content
            == "{\"exporterId\":\"elasticsearch\",\"status\":\"DISABLED\"}\n{\"exporterId\":\"camundaexporter\",\"status\":\"ENABLED\"}")
    }

    @Test func r48ContextPathMovesEveryActuatorURL() throws {
        let runbook = Planner().plan(try ScenarioFixture(extra: "contextPath: /camunda").scenario)
        let curls = runbook.steps.flatMap(\.commands).filter { $0.contains("localhost:9600") }
        #expect(!curls.isEmpty)
        #expect(curls.allSatisfy { $0.contains("localhost:9600/camunda/actuator/") })
    }

    @Test func r53ListsTheLegacyVariablesToDeleteAndWarnsBefore8825() throws {
        let s = try step("post.values.remove-legacy-exporters")
        #expect(s.blocks[0].content.components(separatedBy: "\n") == [
            "ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_CLASSNAME", "ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_ARGS_URL",
            "ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_CLASSNAME", "ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_ARGS_URL",
        ])
        #expect(s.notes.isEmpty, "13.10.2 has the 8.8.25 fix")
        let old = try step("post.values.remove-legacy-exporters", ScenarioFixture(extra: "chart: { from: 12.7.6, to: 13.4.2 }").replacingChart())
        #expect(old.notes.map(\.kind) == [.warning])
        #expect(old.notes[0].text.contains("13.4.2"))
    }

    @Test func r55SwitchesMigrationOffAndR59ShowsTheGreenfieldEnv() throws {
        let off = try step("post.values.migration-off")
        #expect(off.blocks[0].content.contains("ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION"))
        #expect(off.blocks[0].content.contains("camunda-values.yml: orchestration.migration.data.enabled"))
        let end = try yaml(step("post.end-state"))
        #expect(!end.contains("ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION"))
        #expect(!end.contains("ELASTICSEARCHREGION"))
        #expect(end.contains("ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION1_ARGS_CONNECT_URL"))
        #expect(end.contains("ZEEBE_BROKER_GATEWAY_CLUSTER_MESSAGECOMPRESSION"))
        let optimizeEnd = try yaml(step("post.end-state", ScenarioFixture(optimize: true)))
        #expect(optimizeEnd.contains("ELASTICSEARCHREGION0_ARGS_URL"), "Optimize keeps the legacy exporters")
    }
}

extension ScenarioFixture {
    /// The fixture with its `chart:` line replaced by the one in `extra`.
    func replacingChart() -> ScenarioFixture {
        var copy = self
        copy.chartLine = extra
        copy.extra = ""
        return copy
    }
}
