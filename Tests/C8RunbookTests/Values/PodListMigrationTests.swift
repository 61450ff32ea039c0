@testable import C8Runbook
import Foundation
import Testing

/// Field cases 02 and 03 (Zeebe cluster TLS) and their kind: merging the broker's and gateway's pod lists, and what
/// the migration importer and Job need to join the cluster (issue 9 items 3 and 4).
@Suite("c8runbook values: pod lists and the migration pods")
struct PodListMigrationTests {
    typealias Support = ValuesTestSupport

    static var caseFolder: String { SharedFixtures.path("cases/values/02-tls-duplicate-volumes") }
    static var casesAvailable: Bool { TestPaths.shared.map { FileManager.default.fileExists(atPath: $0.appendingPathComponent("cases/values/02-tls-duplicate-volumes").path) } ?? false }

    /// The base file of case 02 with `edit` applied to its text, and the case's two overlays.
    static func input(_ edit: (String) -> String = { $0 }) throws -> ValuesInput {
        let folder = caseFolder
        let base = edit(try String(contentsOfFile: folder + "/camunda-values.yml", encoding: .utf8))
        return ValuesInput(files: [
            .init(role: .base, document: try ValuesReader.read(base, file: "camunda-values.yml"), relativePath: "camunda-values.yml"),
            .init(role: .overlay(region: 0), document: try ValuesReader.load(path: folder + "/region0/camunda-values.yml"), relativePath: "region0/camunda-values.yml"),
            .init(role: .overlay(region: 1), document: try ValuesReader.load(path: folder + "/region1/camunda-values.yml"), relativePath: "region1/camunda-values.yml"),
        ])
    }

    static func migrate(_ input: ValuesInput, _ stage: MigrationStage) throws -> (ValuesMigrationResult, ValuesNode) {
        let result = ValuesMigration.migrate(input, scenario: try Support.inferredScenario(input), stage: stage)
        return (result, try Support.parse(result.files[0].text))
    }

    static func names(_ root: ValuesNode, _ path: String, _ field: String = "name") -> [String] {
        root.node(at: path)?.items?.compactMap { $0.value[field]?.text } ?? []
    }

    @Test("case 02: the identical TLS volume and mount of zeebe and zeebeGateway become one", .enabled(if: casesAvailable))
    func identicalVolumesBecomeOne() throws {
        let (result, root) = try Self.migrate(try Self.input(), .migration)
        #expect(result.problems.isEmpty)
        #expect(Self.names(root, "orchestration.extraVolumes") == ["zeebe-tls"])
        #expect(Self.names(root, "orchestration.extraVolumeMounts", "mountPath") == ["/etc/tls/"])
    }

    @Test("same volume name with another definition, or another volume on the same path, is an error naming both places", .enabled(if: casesAvailable))
    func conflictingDefinitions() throws {
        // The gateway's Secret differs: one name, two definitions.
        let renamedSecret = try Self.input { text in
            let marker = "zeebeGateway:"
            let split = text.range(of: marker)!
            return String(text[..<split.lowerBound]) + String(text[split.lowerBound...]).replacingOccurrences(of: "secretName: camunda-zeebe-tls", with: "secretName: gateway-tls")
        }
        let (first, _) = try Self.migrate(renamedSecret, .migration)
        let message = try #require(first.problems.first).description
        #expect(message.contains("zeebeGateway.extraVolumes volume named 'zeebe-tls'"))
        #expect(message.hasPrefix("camunda-values.yml:"))
        #expect(message.contains("conflicts with the one in orchestration.extraVolumes at camunda-values.yml:"))

        // Another volume mounted on the same path (trailing slash or not).
        let otherVolume = try Self.input { text in
            let split = text.range(of: "zeebeGateway:")!
            return String(text[..<split.lowerBound]) + String(text[split.lowerBound...])
                .replacingOccurrences(of: "name: zeebe-tls", with: "name: gateway-tls")
                .replacingOccurrences(of: "mountPath: /etc/tls/", with: "mountPath: /etc/tls")
        }
        let (second, _) = try Self.migrate(otherVolume, .migration)
        #expect(second.problems.contains { $0.description.contains("mounts on the path '/etc/tls'") })
    }

    @Test("case 03: the old-prefix cluster TLS variables and the certificate reach the importer and the Job; --stage final removes them", .enabled(if: casesAvailable))
    func migrationPodsGetClusterTLS() throws {
        let (result, root) = try Self.migrate(try Self.input(), .migration)
        #expect(result.problems.isEmpty)
        for suffix in ["ENABLED", "CERTIFICATECHAINPATH", "PRIVATEKEYPATH"] {
            #expect(Support.env(root, "ZEEBE_GATEWAY_CLUSTER_SECURITY_\(suffix)") != "absent")
            #expect(Support.env(root, "ZEEBE_BROKER_GATEWAY_CLUSTER_SECURITY_\(suffix)") != "absent")
        }
        for block in ["orchestration.importer", "orchestration.migration.data"] {
            #expect(Self.names(root, "\(block).extraVolumes") == ["zeebe-tls"])
            #expect(Self.names(root, "\(block).extraVolumeMounts", "mountPath") == ["/etc/tls/"])
        }
        #expect(result.changes.contains { $0.path == "orchestration.importer.extraVolumes" && $0.rule == "R15" })

        let (_, final) = try Self.migrate(try Self.input(), .final)
        #expect(Support.env(final, "ZEEBE_GATEWAY_CLUSTER_SECURITY_ENABLED") == "absent")
        #expect(Support.env(final, "ZEEBE_BROKER_GATEWAY_CLUSTER_SECURITY_ENABLED") == "true")
        #expect(final.node(at: "orchestration.importer") == nil)
        #expect(final.node(at: "orchestration.migration") == nil)
    }

    @Test("TLS with other volume names: one Secret item per file mounted by subPath under /usr/local/zeebe (as camunda-tf-rosa)", .enabled(if: casesAvailable))
    func rosaStyleCertificates() throws {
        let input = try Self.input { text in
            let split = text.range(of: "zeebeGateway:")!
            let gateway = """
                zeebeGateway:
                    env:
                        - name: ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION
                          value: GZIP
                        - name: ZEEBE_GATEWAY_CLUSTER_SECURITY_ENABLED
                          value: "true"
                        - name: ZEEBE_GATEWAY_CLUSTER_SECURITY_CERTIFICATECHAINPATH
                          value: /usr/local/zeebe/config/tls.crt
                        - name: ZEEBE_GATEWAY_CLUSTER_SECURITY_PRIVATEKEYPATH
                          value: /usr/local/zeebe/config/tls.key
                    extraVolumeMounts:
                        - name: certificate
                          mountPath: /usr/local/zeebe/config/tls.crt
                          subPath: tls.crt
                        - name: key
                          mountPath: /usr/local/zeebe/config/tls.key
                          subPath: tls.key
                        - name: unrelated
                          mountPath: /opt/other
                    extraVolumes:
                        - name: certificate
                          secret:
                              secretName: zeebe-local-tls-cert
                              items:
                                  - key: tls.crt
                                    path: tls.crt
                        - name: key
                          secret:
                              secretName: zeebe-local-tls-cert
                              items:
                                  - key: tls.key
                                    path: tls.key
                        - name: unrelated
                          emptyDir: {}

                elasticsearch:
                    enabled: true

                """
            return String(text[..<split.lowerBound]) + gateway
        }
        let (result, root) = try Self.migrate(input, .migration)
        #expect(result.problems.isEmpty)
        for block in ["orchestration.importer", "orchestration.migration.data"] {
            #expect(Self.names(root, "\(block).extraVolumes") == ["certificate", "key"])
            #expect(Self.names(root, "\(block).extraVolumeMounts", "mountPath") == ["/usr/local/camunda/config/tls.crt", "/usr/local/camunda/config/tls.key"])
        }
        #expect(Self.names(root, "orchestration.extraVolumeMounts", "mountPath").contains("/usr/local/camunda/config/tls.crt"))
        #expect(Support.env(root, "ZEEBE_GATEWAY_CLUSTER_SECURITY_PRIVATEKEYPATH") == "/usr/local/camunda/config/tls.key")
        #expect(Support.env(root, "ZEEBE_BROKER_GATEWAY_CLUSTER_SECURITY_CERTIFICATECHAINPATH") == "/usr/local/camunda/config/tls.crt")
    }

    @Test("an overlay that owns its env list gets every entry the rules add to the base's list (Helm arrays replace)", .enabled(if: casesAvailable))
    func overlayOwnedList() throws {
        var input = try Self.input()
        let overlay = """
            global:
                multiregion:
                    regionId: 1
            zeebe:
                env:
                    - name: ZEEBE_BROKER_CLUSTER_INITIALCONTACTPOINTS
                      value: camunda-zeebe-0.camunda-zeebe.camunda-paris.svc.cluster.local:26502
                    # The overlay's list replaces the base's: it must repeat both regions' exporters, which every
                    # broker of the stretched cluster runs (init refuses an exporter defined in one region only).
                    - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_CLASSNAME
                      value: io.camunda.zeebe.exporter.ElasticsearchExporter
                    - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_ARGS_URL
                      value: http://camunda-elasticsearch-master-hl.camunda-london.svc.cluster.local:9200
                    - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_CLASSNAME
                      value: io.camunda.zeebe.exporter.ElasticsearchExporter
                    - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_ARGS_URL
                      value: http://camunda-elasticsearch-master-hl.camunda-paris.svc.cluster.local:9200
            """
        input.files[2].document = try ValuesReader.read(overlay, file: "region1/camunda-values.yml")
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(result.problems.isEmpty)
        let region1 = try Support.parse(result.files[2].text)
        for name in ["ZEEBE_BROKER_GATEWAY_CLUSTER_SECURITY_ENABLED", "ZEEBE_GATEWAY_CLUSTER_SECURITY_PRIVATEKEYPATH",
                     "ZEEBE_BROKER_GATEWAY_CLUSTER_MESSAGECOMPRESSION", "ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION", "CAMUNDA_DATA_BACKUP_REPOSITORYNAME"] {
            #expect(Support.env(region1, name) != "absent", "\(name)")
        }
        #expect(Support.env(region1, "ZEEBE_BROKER_NETWORK_SECURITY_ENABLED") == "absent")  // the overlay replaced zeebe.env in 8.7 too
        #expect(result.changes.contains { $0.file == "region1/camunda-values.yml" && $0.rule == "R31" && $0.kind == .added })
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }
}

extension PodListMigrationTests {
    @Test("the verifier catches a migration importer without the certificate the 8.7 gateway mounted", .enabled(if: casesAvailable))
    func verifierCatchesMissingCertificate() throws {
        let input = try Self.input()
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        var files = zip(input.files, result.files).map { ValuesVerifier.File(path: $1.path, role: $0.role, original: $0.document.text, written: $1.text) }
        #expect(ValuesVerifier.problems(files, scenario: scenario, stage: .migration).isEmpty)
        let marker = "    importer:\n"
        let text = files[0].written
        let start = try #require(text.range(of: marker))
        // Only the importer's mount (written after the migration Job's) moves elsewhere.
        files[0].written = String(text[..<start.lowerBound]) + text[start.lowerBound...].replacingOccurrences(of: "mountPath: /etc/tls/", with: "mountPath: /etc/other/")
        let found = ValuesVerifier.problems(files, scenario: scenario, stage: .migration)
        #expect(found.contains { $0.key == "orchestration.importer.extraVolumeMounts" && $0.rule == "R15" && $0.region == 0 })
        #expect(!found.contains { $0.key == "orchestration.migration.data.extraVolumeMounts" })
    }
}

extension PodListMigrationTests {
    @Test("an overlay whose 8.8 env list comes only from its zeebeGateway.env still gets the base's whole list", .enabled(if: casesAvailable))
    func overlayGatewayEnvOnly() throws {
        var input = try Self.input()
        let overlay = """
            global:
                multiregion:
                    regionId: 1
            zeebeGateway:
                env:
                    - name: ZEEBE_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT
                      value: 900ms
                    - name: ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION
                      value: GZIP
                    - name: ZEEBE_GATEWAY_CLUSTER_SECURITY_ENABLED
                      value: "true"
                    - name: ZEEBE_GATEWAY_CLUSTER_SECURITY_CERTIFICATECHAINPATH
                      value: "/etc/tls/chainZeebeCluster.pem"
                    - name: ZEEBE_GATEWAY_CLUSTER_SECURITY_PRIVATEKEYPATH
                      value: "/etc/tls/zeebeCluster.key"
            """
        input.files[2].document = try ValuesReader.read(overlay, file: "region1/camunda-values.yml")
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(result.problems.isEmpty)
        let region1 = try Support.parse(result.files[2].text)
        #expect(Support.env(region1, "ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT") == "900ms")
        for name in ["ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION1_ARGS_URL", "ZEEBE_BROKER_EXPORTERS_CAMUNDAREGION1_ARGS_CONNECT_URL",
                     "ZEEBE_BROKER_NETWORK_SECURITY_ENABLED", "ZEEBE_BROKER_CLUSTER_INITIALCONTACTPOINTS"] {
            #expect(Support.env(region1, name) != "absent", "\(name)")
        }
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }
}

extension PodListMigrationTests {
    @Test("TLS variables in the base, each region's own certificate volume in its overlay: each overlay's importer and Job mount it", .enabled(if: casesAvailable))
    func regionCertificatesInOverlays() throws {
        var input = try Self.input { text in
            let start = text.range(of: "zeebeGateway:")!
            let volumes = text.range(of: "    extraVolumes:\n", range: start.upperBound..<text.endIndex)!
            let end = text.range(of: "\nelasticsearch:")!
            return String(text[..<volumes.lowerBound]) + String(text[end.lowerBound...])
        }
        for region in [0, 1] {
            let overlay = """
                global:
                    multiregion:
                        regionId: \(region)
                zeebeGateway:
                    extraVolumes:
                        - name: zeebe-tls
                          secret:
                              secretName: camunda-zeebe-tls
                    extraVolumeMounts:
                        - name: zeebe-tls
                          readOnly: true
                          mountPath: /etc/tls/
                """
            input.files[1 + region].document = try ValuesReader.read(overlay, file: "region\(region)/camunda-values.yml")
        }
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        #expect(result.problems.isEmpty)
        #expect(!result.changes.contains { $0.kind == .review && $0.path.hasPrefix("orchestration.importer") })
        for region in [0, 1] {
            let root = try Support.parse(result.files[1 + region].text)
            #expect(Self.names(root, "orchestration.importer.extraVolumes") == ["zeebe-tls"])
            #expect(Self.names(root, "orchestration.migration.data.extraVolumeMounts", "mountPath") == ["/etc/tls/"])
        }
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }
}
