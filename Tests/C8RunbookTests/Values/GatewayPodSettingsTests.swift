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
