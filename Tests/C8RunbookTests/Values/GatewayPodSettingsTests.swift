@testable import C8Runbook
import Foundation
import Testing

/// The gateway's pod settings (`zeebeGateway.podSecurityContext`, `nodeSelector`, `tolerations`, `javaOpts`, …) have
/// an 8.8 place, `orchestration.<key>`, which the broker's settings already fill: the gateway runs in the
/// orchestration pods, and so do the migration importer and Job (CHART 13.12.7 `orchestration/importer-deployment.yaml`
/// reads `orchestration.podSecurityContext`, `nodeSelector`, `tolerations`). The report said each one was dropped
/// because "the tool knows no 8.8 equivalent", also when it was the broker's own setting written twice.
@Suite("c8runbook values: the gateway's pod settings")
struct GatewayPodSettingsTests {
    typealias Support = ValuesTestSupport

    static func migrate(zeebe: String, gateway: String) throws -> ValuesMigrationResult {
        let input = try Support.referenceInput(zeebe: zeebe, gateway: gateway)
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(result.problems.isEmpty)
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
        return result
    }

    static let settings = "    podSecurityContext:\n        runAsNonRoot: true\n    tolerations:\n        - key: dedicated\n          operator: Equal\n          value: camunda\n          effect: NoSchedule\n"

    @Test("a setting identical in zeebe and zeebeGateway is kept once, not reported as dropped", .enabled(if: SharedFixtures.available))
    func identicalSettings() throws {
        let result = try Self.migrate(zeebe: Self.settings, gateway: Self.settings.replacingOccurrences(of: "runAsNonRoot: true", with: "runAsNonRoot: yes"))
        let root = try Support.parse(result.files[0].text)
        #expect(root.node(at: "orchestration.tolerations")?.items?.count == 1)
        #expect(!result.changes.contains { $0.kind == .review && $0.path.hasPrefix("zeebeGateway.") })
        #expect(result.changes.filter { $0.path.hasPrefix("zeebeGateway.") && $0.message.contains("identical to zeebe.") }.count == 2)
    }

    @Test("a gateway setting that differs from the broker's, or that the broker leaves to the chart's default, is a review naming orchestration's key",
          .enabled(if: SharedFixtures.available))
    func differingSettings() throws {
        let result = try Self.migrate(zeebe: "    javaOpts: -Xmx2g\n", gateway: "    javaOpts: -Xmx512m\n    nodeSelector:\n        pool: gateways\n")
        let reviews = result.changes.filter { $0.kind == .review && $0.path.hasPrefix("zeebeGateway.") }
        #expect(reviews.map(\.path).sorted() == ["zeebeGateway.javaOpts", "zeebeGateway.nodeSelector"])
        #expect(reviews.allSatisfy { !$0.message.contains("knows no 8.8 equivalent") && $0.message.contains("orchestration.") })
        #expect(reviews.first { $0.path == "zeebeGateway.javaOpts" }?.message.contains("differs from orchestration.javaOpts") == true)
        #expect(reviews.first { $0.path == "zeebeGateway.nodeSelector" }?.message.contains("orchestration.nodeSelector is not set") == true)
    }

    /// The reference input with `broker` appended to the base file's zeebe.env and `gateway` to its zeebeGateway.env.
    static func envInput(broker: String, gateway: String) throws -> ValuesInput {
        try Support.editingBase(try Support.referenceInput()) {
            let gatewayLast = "        - name: ZEEBE_GATEWAY_CLUSTER_MEMBERSHIP_PROBEINTERVAL\n          value: 2s\n"
            return $0.replacingOccurrences(of: "          value: 1s\n", with: "          value: 1s\n" + broker)
                .replacingOccurrences(of: gatewayLast, with: gatewayLast + gateway)
        }
    }

    @Test("a gateway env entry whose name the broker's env also sets keeps the broker's entry: one identical is kept once, one that differs is a review without its value",
          .enabled(if: SharedFixtures.available))
    func gatewayEnvConflictingWithTheBrokers() throws {
        let input = try Self.envInput(
            broker: "        - name: JAVA_TOOL_OPTIONS\n          value: -Xmx2g -XX:+ExitOnOutOfMemoryError\n        - name: HTTPS_PROXY\n          value: http://proxy.corp:3128\n        - name: TZ\n          value: UTC\n",
            gateway: "        - name: JAVA_TOOL_OPTIONS\n          value: -Xmx512m\n        - name: HTTPS_PROXY\n          value: http://proxy-gw.corp:3128\n        - name: TZ\n          value: 'UTC'\n")
        let scenario = try Support.inferredScenario(input)
        for (_, result, root) in try Support.verifiedStages(input, scenario) {
            // The Orchestration Cluster's pods are the brokers' StatefulSet: their heap and proxy stay the broker's.
            #expect(Support.env(root, "JAVA_TOOL_OPTIONS") == "-Xmx2g -XX:+ExitOnOutOfMemoryError")
            #expect(Support.env(root, "HTTPS_PROXY") == "http://proxy.corp:3128")
            let env = root.node(at: "orchestration.env")?.items?.compactMap(\.value.envName) ?? []
            #expect(env.filter { $0 == "JAVA_TOOL_OPTIONS" || $0 == "HTTPS_PROXY" || $0 == "TZ" }.count == 3)
            let reviews = result.changes.filter { $0.kind == .review && ["orchestration.env[JAVA_TOOL_OPTIONS]", "orchestration.env[HTTPS_PROXY]", "orchestration.env[TZ]"].contains($0.path) }
            let conflicts = reviews.filter { $0.message.contains("the broker's entry is kept") }
            #expect(conflicts.map(\.path).sorted() == ["orchestration.env[HTTPS_PROXY]", "orchestration.env[JAVA_TOOL_OPTIONS]"])
            #expect(conflicts.allSatisfy { !$0.message.contains("proxy") && !$0.message.contains("Xmx") })
            #expect(!reviews.contains { $0.message.contains("appeared twice") })
        }
    }

    @Test("a region file's gateway env entry named as a base file's broker entry keeps the broker's in that region too",
          .enabled(if: SharedFixtures.available))
    func regionGatewayEnvConflictingWithTheBaseBrokers() throws {
        var input = try Self.envInput(broker: "        - name: JAVA_TOOL_OPTIONS\n          value: -Xmx2g\n", gateway: "")
        let region0 = input.files[1].document
        input.files[1].document = try ValuesReader.read(region0.text + "zeebeGateway:\n    env:\n        - name: JAVA_TOOL_OPTIONS\n          value: -Xmx512m\n", file: region0.path)
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(result.problems.isEmpty)
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
        let file = try #require(result.files.first { $0.path.hasSuffix("region0/camunda-values.yml") })
        let root = try Support.parse(file.text)
        #expect(Support.env(root, "JAVA_TOOL_OPTIONS") == "-Xmx2g")
        #expect(root.node(at: "orchestration.env")?.items?.filter { $0.value.envName == "JAVA_TOOL_OPTIONS" }.count == 1)
        let review = result.changes.filter { $0.kind == .review && $0.path == "orchestration.env[JAVA_TOOL_OPTIONS]" }
        #expect(review.count == 1)
        // That region's file sets it only in zeebeGateway.env: it is not carried over the brokers' JVM options.
        #expect(review.first?.message.contains("JAVA_TOOL_OPTIONS is not carried") == true)
    }

    @Test("a gateway's JAVA_TOOL_OPTIONS with none in the broker's env is not carried over the brokers' javaOpts (13.x renders javaOpts as JAVA_TOOL_OPTIONS before orchestration.env, the later wins): a review without its value, base or region file",
          .enabled(if: SharedFixtures.available))
    func gatewayJavaToolOptionsOverTheBrokersJavaOpts() throws {
        var input = try Self.envInput(broker: "", gateway: "        - name: JAVA_TOOL_OPTIONS\n          value: -Xmx512m\n")
        let region1 = input.files[2].document
        input.files[2].document = try ValuesReader.read(region1.text + "zeebeGateway:\n    env:\n        - name: JAVA_TOOL_OPTIONS\n          value: -Xmx768m\n", file: region1.path)
        let scenario = try Support.inferredScenario(input)
        for stage in [MigrationStage.migration, .final] {
            let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
            #expect(result.problems.isEmpty)
            #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
            for file in result.files {
                let root = try Support.parse(file.text)
                #expect(Support.env(root, "JAVA_TOOL_OPTIONS") == "absent", "\(file.path)")
            }
            let reviews = result.changes.filter { $0.kind == .review && $0.path == "orchestration.env[JAVA_TOOL_OPTIONS]" }
            #expect(reviews.count == 2)
            #expect(reviews.allSatisfy { $0.message.contains("orchestration.javaOpts") && !$0.message.contains("Xmx") })
            #expect(!result.changes.contains { $0.path == "orchestration.env[JAVA_TOOL_OPTIONS]" && $0.kind != .review })
        }
    }

    @Test("a volume and mount written with YAML 1.1 spellings of one value (0644 and 420, yes and true) in the two blocks are one, as Helm reads them",
          .enabled(if: SharedFixtures.available))
    func yaml11Spellings() throws {
        let volume = "    extraVolumes:\n        - name: tls\n          secret:\n              secretName: zeebe-tls\n              defaultMode: MODE\n"
            + "    extraVolumeMounts:\n        - name: tls\n          mountPath: /etc/tls\n          readOnly: RO\n"
        let result = try Self.migrate(zeebe: volume.replacingOccurrences(of: "MODE", with: "0644").replacingOccurrences(of: "RO", with: "yes"),
                                      gateway: volume.replacingOccurrences(of: "MODE", with: "420").replacingOccurrences(of: "RO", with: "true"))
        let root = try Support.parse(result.files[0].text)
        #expect(root.node(at: "orchestration.extraVolumes")?.items?.count == 1)
        #expect(root.node(at: "orchestration.extraVolumeMounts")?.items?.count == 1)
    }

    @Test("booleans and numbers compare as Helm reads them", arguments: [
        ("yes", "true", true), ("On", "TRUE", true), ("no", "true", false), ("0644", "420", true), ("0x1A4", "420", true),
        ("0o644", "420", true), ("4_20", "420", true), ("1e3", "1000.0", true), ("08", "8", false), ("421", "420", false), ("-Xmx1g", "-Xmx2g", false), ("a", "a", true),
    ])
    func canonicalScalars(a: String, b: String, same: Bool) throws {
        let root = try Support.parse("a: \(a)\nb: \(b)\n")
        #expect(try #require(root["a"]).isEquivalent(to: try #require(root["b"])) == same)
    }
}
