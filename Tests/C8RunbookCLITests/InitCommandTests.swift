import Foundation
import Testing

@Suite(.serialized) struct InitCommandTests {
    @Test(.enabled(if: ValuesCLIFixtures.hasShared)) func referenceValuesGiveALoadableScenarioWithFourPlaceholders() throws {
        let shared = try #require(ValuesCLIFixtures.shared)
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ValuesCLIFixtures.copy(shared.appendingPathComponent("fixtures/c8-multi-region/8.7"), to: folder, as: "in")
        let result = try BuiltBinary.run(["init"] + ValuesCLIFixtures.arguments("in"), in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("# from camunda-values.yml:64\n  type: elasticsearch"))
        #expect(result.stdout.contains("kubeContext: TODO-kube-context-region0"))
        #expect(result.stdout.contains("\ntitle: TODO-title\n") && result.stdout.contains("\n  from: TODO-chart-version-12.x\n"))
        #expect(result.stderr == """
            note: placeholder left in title: give --title or write a title for the runbook (the values do not name the deployment)
            note: placeholder left in chart.from: the installed 12.x chart is not in the values: `helm list` in either region shows it (chart camunda-platform-12.N.N is 12.N.N); give --chart-from or write it, the rollback restores this version
            note: placeholder left in regions[0].kubeContext: give --kube-context0 or write region 0's kube context
            note: placeholder left in regions[1].kubeContext: give --kube-context1 or write region 1's kube context
            warning: region 0's zeebe.env sets no ZEEBE_BROKER_DATA_BACKUP_STORE: the Zeebe backup of prepare.backup cannot be taken, so the upgrade would have no way back; configure a backup store (S3, GCS or Azure, ZEEBE_BROKER_DATA_BACKUP_*) with the 8.7 chart before the upgrade window
            warning: region 1's zeebe.env sets no ZEEBE_BROKER_DATA_BACKUP_STORE: the Zeebe backup of prepare.backup cannot be taken, so the upgrade would have no way back; configure a backup store (S3, GCS or Azure, ZEEBE_BROKER_DATA_BACKUP_*) with the 8.7 chart before the upgrade window
            warning: in/camunda-values.yml:62:18: zeebe.env[ZEEBE_BROKER_CLUSTER_INITIALCONTACTPOINTS].value is 'PLACEHOLDER', the placeholder of Camunda's reference values: write the value your cluster runs with before the upgrade (c8runbook carries it into the 8.8 files as written)

            """)
        // The written scenario is accepted by the commands that read scenarios.
        try result.stdout.write(to: folder.appendingPathComponent("scenario.yml"), atomically: true, encoding: .utf8)
        let rules = try BuiltBinary.run(["rules", "--scenario", "scenario.yml"], in: folder)
        #expect(rules.status == 0, "\(rules.stderr)")
    }

    @Test func variantWithOptionsWritesAFileAndWarnsAboutTheSecretWithoutItsValue() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ValuesCLIFixtures.copy(ValuesCLIFixtures.variant, to: folder, as: "in")
        let result = try BuiltBinary.run(["init"] + ValuesCLIFixtures.arguments("in") + [
            "--release", "camunda", "--chart-from", "12.7.6", "--title", "Variant", "--kube-context0", "eu", "--kube-context1", "us", "--namespace0", "team-eu", "--namespace1", "team-us",
            "-o", "scenario.yml"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "warning: in/camunda-values.yml:33:14: plaintext secret (secret-named key, value not shown) in 'connectors.env[CONNECTORS_API_TOKEN]': move it into a Kubernetes Secret in both regions' namespaces (kubectl --context <context> -n <namespace> create secret generic ...) and reference it from the env entry with valueFrom.secretKeyRef (the Secret's name and key) in place of value, then remove the plaintext (rules.md R05)\nwarning: region 0's zeebe.env sets no ZEEBE_BROKER_DATA_BACKUP_STORE: the Zeebe backup of prepare.backup cannot be taken, so the upgrade would have no way back; configure a backup store (S3, GCS or Azure, ZEEBE_BROKER_DATA_BACKUP_*) with the 8.7 chart before the upgrade window\nwarning: region 1's zeebe.env sets no ZEEBE_BROKER_DATA_BACKUP_STORE: the Zeebe backup of prepare.backup cannot be taken, so the upgrade would have no way back; configure a backup store (S3, GCS or Azure, ZEEBE_BROKER_DATA_BACKUP_*) with the 8.7 chart before the upgrade window\n")
        let scenario = try String(contentsOf: folder.appendingPathComponent("scenario.yml"), encoding: .utf8)
        #expect(scenario.contains("type: opensearch"))
        #expect(scenario.contains("layout: shared"))
        #expect(scenario.contains("messageCompression: NONE"))
        #expect(!scenario.contains("DO-NOT-PRINT"))
    }

    @Test func conflictingOverlaysExit65AndWriteNothing() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try ValuesCLIFixtures.copy(ValuesCLIFixtures.variant, to: folder, as: "in")
        try FileManager.default.removeItem(at: input.appendingPathComponent("region1/camunda-values.yml"))
        try FileManager.default.copyItem(at: input.appendingPathComponent("region0/camunda-values.yml"), to: input.appendingPathComponent("region1/camunda-values.yml"))
        let result = try BuiltBinary.run(["init"] + ValuesCLIFixtures.arguments("in") + ["-o", "scenario.yml"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr == "in/region1/camunda-values.yml:5:15: error: global.multiregion.regionId 0 is already claimed by 'in/region0/camunda-values.yml'; the two region files must say 0 and 1\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("scenario.yml").path))
    }

    @Test func missingInputExits66AndNoInputExits64() throws {
        let missing = try BuiltBinary.run(["init", "--values", "/nonexistent/camunda-values.yml"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "/nonexistent/camunda-values.yml: error: no such file\n")
        let usage = try BuiltBinary.run(["init", "--region0-values", "a.yml"])
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("Error: give --values BASE"))
    }
}
