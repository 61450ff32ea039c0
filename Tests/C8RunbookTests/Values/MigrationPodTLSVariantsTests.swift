@testable import C8Runbook
import Foundation
import Testing

/// Field case 03's kind (what the migration importer and Job need to join a TLS cluster) in the shapes teams write it:
/// the certificate under the 8.7 image's `/usr/local/zeebe` (values stopped with exit 70: the verifier took the
/// image-path rewrite for a changed value), and the gateway's TLS variables in the region files while the
/// certificate volume is the base file's (exit 70: the importer got the variables but not the certificate).
@Suite("c8runbook values: the migration pods' cluster TLS, other layouts")
struct MigrationPodTLSVariantsTests {
    typealias Support = ValuesTestSupport

    static var caseFolder: String { SharedFixtures.path("cases/values/03-tls-importer-not-configured") }
    static var caseAvailable: Bool {
        TestPaths.shared.map { FileManager.default.fileExists(atPath: $0.appendingPathComponent("cases/values/03-tls-importer-not-configured").path) } ?? false
    }

    /// Case 03's files, each edited by `edit(relative path, text)`.
    static func input(_ edit: (String, String) -> String) throws -> ValuesInput {
        let roles: [(String, ValuesInput.Role)] = [("camunda-values.yml", .base), ("region0/camunda-values.yml", .overlay(region: 0)),
                                                   ("region1/camunda-values.yml", .overlay(region: 1))]
        return ValuesInput(files: try roles.map { path, role in
            let text = edit(path, try String(contentsOfFile: caseFolder + "/" + path, encoding: .utf8))
            return .init(role: role, document: try ValuesReader.read(text, file: path), relativePath: path)
        })
    }

    static func migrateAndVerify(_ input: ValuesInput) throws -> ValuesMigrationResult {
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(result.problems.isEmpty)
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
        return result
    }

    @Test("a certificate under /usr/local/zeebe: the variables, the old-prefix copies and the importer's mounts all move to /usr/local/camunda, and the verifier takes it",
          .enabled(if: caseAvailable))
    func certificateUnderImagePath() throws {
        let input = try Self.input { _, text in
            text.replacingOccurrences(of: "/etc/tls/", with: "/usr/local/zeebe/tls/").replacingOccurrences(of: "\"/etc/tls", with: "\"/usr/local/zeebe/tls")
        }
        let result = try Self.migrateAndVerify(input)
        let root = try Support.parse(result.files[0].text)
        #expect(Support.env(root, "ZEEBE_GATEWAY_CLUSTER_SECURITY_PRIVATEKEYPATH") == "/usr/local/camunda/tls/zeebeCluster.key")
        #expect(Support.env(root, "ZEEBE_BROKER_GATEWAY_CLUSTER_SECURITY_PRIVATEKEYPATH") == "/usr/local/camunda/tls/zeebeCluster.key")
        #expect(Support.env(root, "ZEEBE_BROKER_NETWORK_SECURITY_PRIVATEKEYPATH") == "/usr/local/camunda/tls/zeebeCluster.key")
        let mounts = root.node(at: "orchestration.importer.extraVolumeMounts")?.items?.compactMap { $0.value["mountPath"]?.text }
        #expect(mounts == ["/usr/local/camunda/tls/"])
    }

    static let gatewaySecurity = """
                - name: ZEEBE_GATEWAY_CLUSTER_SECURITY_ENABLED
                  value: "true"
                - name: ZEEBE_GATEWAY_CLUSTER_SECURITY_CERTIFICATECHAINPATH
                  value: "/etc/tls/chainZeebeCluster.pem"
                - name: ZEEBE_GATEWAY_CLUSTER_SECURITY_PRIVATEKEYPATH
                  value: "/etc/tls/zeebeCluster.key"

        """

    @Test("the gateway's TLS variables in the region files, its certificate volume in the base file: the base file gives the importer and the Job the certificate",
          .enabled(if: caseAvailable))
    func variablesInRegionFiles() throws {
        let input = try Self.input { path, text in
            if path == "camunda-values.yml" { return text.replacingOccurrences(of: Self.gatewaySecurity, with: "") }
            return text + "zeebeGateway:\n    env:\n        - name: ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION\n          value: GZIP\n" + Self.gatewaySecurity
        }
        #expect(!input.files[0].document.text.contains("ZEEBE_GATEWAY_CLUSTER_SECURITY"))
        let result = try Self.migrateAndVerify(input)
        let base = try Support.parse(result.files[0].text)
        for block in ["importer", "migration.data"] {
            #expect(base.node(at: "orchestration.\(block).extraVolumes")?.items?.compactMap { $0.value["name"]?.text } == ["zeebe-tls"])
            #expect(base.node(at: "orchestration.\(block).extraVolumeMounts")?.items?.compactMap { $0.value["mountPath"]?.text } == ["/etc/tls/"])
        }
        let region0 = try Support.parse(result.files[1].text)
        #expect(Support.env(region0, "ZEEBE_GATEWAY_CLUSTER_SECURITY_CERTIFICATECHAINPATH") == "/etc/tls/chainZeebeCluster.pem")
        #expect(!result.changes.contains { $0.kind == .review && $0.message.contains("which no zeebeGateway.extraVolumeMounts entry provides") })
    }
}
