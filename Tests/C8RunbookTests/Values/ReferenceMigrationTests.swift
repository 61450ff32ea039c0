@testable import C8Runbook
import Foundation
import Testing

/// The acceptance test of `c8runbook values`: Camunda's 8.7 reference values (c8-multi-region stable/8.7) against
/// Camunda's own 8.8 files, item by item on every rule-driven row of rules.md §D (class a: D1–D16, D26).
@Suite("Reference values: c8runbook values agrees with Camunda's 8.8 files", .enabled(if: SharedFixtures.available))
struct ReferenceMigrationTests {
    typealias Support = ValuesTestSupport

    struct Item: CustomStringConvertible, Sendable {
        let id: String
        let probe: @Sendable (ValuesNode) -> String
        /// Present (not "absent") in the expected file at this stage: guards against two absences agreeing.
        let presentIn: Set<MigrationStage>
        var description: String { id }
    }

    static let brokerEnv = ["ZEEBE_BROKER_CLUSTER_INITIALCONTACTPOINTS", "ZEEBE_BROKER_CLUSTER_MEMBERSHIP_PROBETIMEOUT",
                            "ZEEBE_BROKER_CLUSTER_MEMBERSHIP_PROBEINTERVAL", "ZEEBE_BROKER_EXPERIMENTAL_RAFT_SNAPSHOTREQUESTTIMEOUT",
                            "ZEEBE_BROKER_CLUSTER_MESSAGECOMPRESSION"]
    static let legacy = ["ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_CLASSNAME", "ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_ARGS_URL",
                         "ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_CLASSNAME", "ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_ARGS_URL"]
    static let camunda = ["ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION0_CLASSNAME", "ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION0_ARGS_CONNECT_URL",
                          "ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION1_CLASSNAME", "ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION1_ARGS_CONNECT_URL"]
    static let gateway = ["ZEEBE_BROKER_GATEWAY_CLUSTER_MESSAGECOMPRESSION", "ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT",
                          "ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_PROBEINTERVAL"]

    static func envItem(_ id: String, _ names: [String], _ presentIn: Set<MigrationStage> = Set(MigrationStage.allCases)) -> Item {
        Item(id: id, probe: { root in names.map { "\($0)=\(Support.env(root, $0))" }.joined(separator: ", ") }, presentIn: presentIn)
    }

    static let items: [Item] = [
        Item(id: "D1 global.elasticsearch.disableExporter", probe: { Support.scalar($0, "global.elasticsearch.disableExporter") }, presentIn: []),
        Item(id: "D2 orchestration.exporters.camunda.enabled", probe: { Support.scalar($0, "orchestration.exporters.camunda.enabled") }, presentIn: [.migration, .final]),
        Item(id: "D2 orchestration.exporters.zeebe.enabled", probe: { Support.scalar($0, "orchestration.exporters.zeebe.enabled") }, presentIn: [.migration, .final]),
        envItem("D3 CAMUNDA_DATA_BACKUP_REPOSITORYNAME", ["CAMUNDA_DATA_BACKUP_REPOSITORYNAME"]),
        Item(id: "D3 operate and tasklist blocks", probe: { "\(Support.scalar($0, "operate")) \(Support.scalar($0, "tasklist"))" }, presentIn: []),
        Item(id: "D4 zeebe block", probe: { Support.scalar($0, "zeebe") }, presentIn: []),
        Item(id: "D4 orchestration block", probe: { Support.scalar($0, "orchestration") }, presentIn: [.migration, .final]),
        Item(id: "D5 orchestration.clusterSize", probe: { Support.scalar($0, "orchestration.clusterSize") }, presentIn: [.migration, .final]),
        Item(id: "D5 orchestration.partitionCount", probe: { Support.scalar($0, "orchestration.partitionCount") }, presentIn: [.migration, .final]),
        Item(id: "D5 orchestration.replicationFactor", probe: { Support.scalar($0, "orchestration.replicationFactor") }, presentIn: [.migration, .final]),
        Item(id: "D6 orchestration.pvcSize", probe: { Support.scalar($0, "orchestration.pvcSize") }, presentIn: [.migration, .final]),
        Item(id: "D7 orchestration.resources moved (values are class b)", probe: { Support.scalar($0, "orchestration.resources") }, presentIn: [.migration, .final]),
        Item(id: "D8 orchestration.logLevel", probe: { Support.scalar($0, "orchestration.logLevel") }, presentIn: [.migration, .final]),
        Item(id: "D9 zeebeGateway and replicas", probe: { "\(Support.scalar($0, "zeebeGateway")) \(Support.scalar($0, "orchestration.replicas"))" }, presentIn: []),
        envItem("D10 gateway env renamed", gateway),
        envItem("D11 old-prefix compression for the importer", ["ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION"], [.migration]),
        envItem("D12 legacy exporters", legacy, [.migration]),
        envItem("D13 Camunda exporters", camunda),
        Item(id: "D14 orchestration.migration.data.enabled", probe: { Support.scalar($0, "orchestration.migration.data.enabled") }, presentIn: [.migration]),
        envItem("D15 broker env", brokerEnv),
        envItem("D16 CAMUNDA_DATA_SNAPSHOTPERIOD", ["CAMUNDA_DATA_SNAPSHOTPERIOD"]),
        envItem("D16 no ZEEBE_BROKER_DATA_SNAPSHOTPERIOD", ["ZEEBE_BROKER_DATA_SNAPSHOTPERIOD"], []),
        Item(id: "D26 no orchestration.security", probe: { Support.scalar($0, "orchestration.security") }, presentIn: []),
    ]

    static func expectedFile(_ stage: MigrationStage) -> String {
        SharedFixtures.path("fixtures/c8-multi-region/8.8/" + (stage == .migration ? "camunda-values-migration.yml" : "camunda-values.yml"))
    }

    static func migrate(_ stage: MigrationStage) throws -> ValuesMigrationResult {
        let input = try Support.referenceInput()
        return ValuesMigration.migrate(input, scenario: try Support.inferredScenario(input), stage: stage)
    }

    @Test("base file: every class (a) item of rules.md §D", arguments: MigrationStage.allCases)
    func classA(stage: MigrationStage) throws {
        let result = try Self.migrate(stage)
        let ours = try Support.parse(try #require(result.files.first { $0.path == "camunda-values.yml" }).text)
        let theirs = try ValuesReader.load(path: Self.expectedFile(stage)).root
        for item in Self.items {
            let expected = item.probe(theirs)
            #expect(item.probe(ours) == expected, "\(item.id)")
            if item.presentIn.contains(stage) { #expect(!expected.contains("absent"), "\(item.id) should be present in Camunda's file") }
        }
    }

    @Test("overlays stay byte-identical to 8.7 and to Camunda's 8.8 overlays", arguments: MigrationStage.allCases)
    func overlays(stage: MigrationStage) throws {
        let result = try Self.migrate(stage)
        for region in ["region0", "region1"] {
            let file = try #require(result.files.first { $0.path == "\(region)/camunda-values.yml" })
            #expect(!file.changed)
            #expect(file.text == (try SharedFixtures.text("fixtures/c8-multi-region/8.8/\(region)/camunda-values.yml")))
        }
    }

    @Test("class (b)/(c) differences keep the team's values and are reported as kept")
    func classBKept() throws {
        let result = try Self.migrate(.migration)
        let ours = try Support.parse(result.files[0].text)
        #expect(Support.env(ours, "ZEEBE_BROKER_DATA_DISKUSAGECOMMANDWATERMARK") == "0.85")     // D17
        #expect(Support.env(ours, "ZEEBE_LOG_APPENDER") == "Stackdriver")                         // D18
        #expect(Support.env(ours, "ZEEBE_BROKER_BACKPRESSURE_AIMD_REQUESTTIMEOUT") == "1s")      // D19
        #expect(Support.env(ours, "CAMUNDA_PERSISTENT_SESSIONS_ENABLED") == "absent")            // D20
        #expect(Support.scalar(ours, "connectors.enabled") == "bool:false")                     // D21
        #expect(Support.scalar(ours, "elasticsearch.master.resources.requests.cpu") == "string:100m") // D22
        #expect(Support.scalar(ours, "orchestration.resources.limits.cpu") == "string:512m")    // D7 values
        let kept = result.changes.filter { $0.kind == .kept }.map(\.path)
        for name in ["ZEEBE_BROKER_DATA_DISKUSAGECOMMANDWATERMARK", "ZEEBE_LOG_APPENDER", "ZEEBE_BROKER_BACKPRESSURE_AIMD_REQUESTTIMEOUT"] {
            #expect(kept.contains("orchestration.env[\(name)]"))
        }
    }

    @Test("every change names its rule and, for changed input, its input line")
    func changesCarryRulesAndLocations() throws {
        let result = try Self.migrate(.migration)
        let rules = Set(result.changes.compactMap(\.rule))
        #expect(rules.isSuperset(of: ["R11", "R12", "R13", "R14", "R15", "R16", "R17", "R18", "R20", "R21", "R23", "R25", "R29"]))
        let disable = try #require(result.changes.first { $0.path == "global.elasticsearch.disableExporter" })
        #expect(disable.rule == "R16")
        #expect(disable.source?.line == 26)
        let snapshot = try #require(result.changes.first { $0.path == "orchestration.env[CAMUNDA_DATA_SNAPSHOTPERIOD]" })
        #expect(snapshot.source?.line == 55)
    }

    @Test("untouched parts keep their text: the Elasticsearch block and its init script")
    func untouchedText() throws {
        let result = try Self.migrate(.migration)
        let input = try SharedFixtures.text("fixtures/c8-multi-region/8.7/camunda-values.yml")
        let block = String(input[input.range(of: "elasticsearch:\n    enabled: true")!.lowerBound...])
        #expect(result.files[0].text.hasSuffix(block))
        #expect(result.files[0].text.hasPrefix(String(input.prefix(upTo: input.range(of: "    elasticsearch:\n        disableExporter")!.lowerBound))))
    }

    @Test("the same input gives the same bytes")
    func deterministic() throws {
        let first = try Self.migrate(.migration), second = try Self.migrate(.migration)
        #expect(first.files.map(\.text) == second.files.map(\.text))
        #expect(ChangeReport(result: first, scenarioName: "x").rendered(as: .json) == ChangeReport(result: second, scenarioName: "x").rendered(as: .json))
    }
}
