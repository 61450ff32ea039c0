import Foundation
import Testing

/// `values` refuses, with one line and exit 65 and nothing written, what would break the 8.8 pods (field case 02's
/// kind) or what the verifier finds broken in the files about to be written.
@Suite(.serialized) struct ValuesVerificationCLITests {
    static let case02: URL? = ValuesCLIFixtures.shared?.appendingPathComponent("cases/values/02-tls-duplicate-volumes")

    /// Case 02 copied, its base file edited, `init` run; returns the folder.
    func prepare(_ edit: (String) -> String) throws -> URL {
        let folder = try BuiltBinary.temporaryFolder()
        let input = try ValuesCLIFixtures.copy(try #require(Self.case02), to: folder, as: "in")
        let base = input.appendingPathComponent("camunda-values.yml")
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: input.path)
        for sub in ["region0", "region1"] { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: input.appendingPathComponent(sub).path) }
        let text = try String(contentsOf: base, encoding: .utf8)
        try FileManager.default.removeItem(at: base)
        try edit(text).write(to: base, atomically: true, encoding: .utf8)
        let initResult = try BuiltBinary.run(["init"] + ValuesCLIFixtures.arguments("in") + ["--kube-context0", "a", "--kube-context1", "b", "-o", "scenario.yml"], in: folder)
        #expect(initResult.status == 0, "\(initResult.stderr)")
        return folder
    }

    func values(_ folder: URL) throws -> BuiltBinary.Result {
        try BuiltBinary.run(["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments("in") + ["--out-dir", "out"], in: folder)
    }

    @Test("case 02 as given: one TLS volume and mount, exit 0", .enabled(if: case02 != nil))
    func case02Passes() throws {
        let folder = try prepare { $0 }
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try values(folder)
        #expect(result.status == 0, "\(result.stderr)")
        let base = try String(contentsOf: folder.appendingPathComponent("out/camunda-values.yml"), encoding: .utf8)
        #expect(base.components(separatedBy: "secretName: camunda-zeebe-tls").count == 4)  // orchestration, importer, migration Job
    }

    @Test("one volume name with two definitions: exit 65 naming both places, nothing written", .enabled(if: case02 != nil))
    func conflictingVolume() throws {
        let folder = try prepare { text in
            let split = text.range(of: "zeebeGateway:")!
            return String(text[..<split.lowerBound]) + text[split.lowerBound...].replacingOccurrences(of: "secretName: camunda-zeebe-tls", with: "secretName: other")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try values(folder)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("in/camunda-values.yml:"))
        #expect(result.stderr.contains("zeebeGateway.extraVolumes volume named 'zeebe-tls' conflicts with the one in orchestration.extraVolumes at in/camunda-values.yml:"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test("a broker extra port on the gRPC port of the 13.x Service: the verifier stops with exit 65, nothing written", .enabled(if: case02 != nil))
    func verifierStopsPortClash() throws {
        let folder = try prepare { $0.replacingOccurrences(of: "zeebe:\n    clusterSize: 8\n", with: "zeebe:\n    service:\n        extraPorts:\n            - name: custom\n              port: 26500\n    clusterSize: 8\n") }
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try values(folder)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("error: region 0: 'orchestration.service.extraPorts[custom]' (R13): port 26500 is also orchestration.service.grpcPort"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test("generate --values-dir runs the same verifier: the port clash is one line, exit 65, no runbook written", .enabled(if: case02 != nil))
    func generateVerifiesTheReviewedFiles() throws {
        let folder = try prepare { $0.replacingOccurrences(of: "zeebe:\n    clusterSize: 8\n", with: "zeebe:\n    service:\n        extraPorts:\n            - name: custom\n              port: 26500\n    clusterSize: 8\n") }
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "--values-dir", "in", "-o", "RUNBOOK.md"], in: folder)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("error: region 0: 'orchestration.service.extraPorts[custom]' (R13): port 26500 is also orchestration.service.grpcPort"))
        #expect(result.stderr.split(separator: "\n").filter { !$0.hasPrefix("warning: ") }.count == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("RUNBOOK.md").path))
        // The same files without the clash: the runbook is written, with the reviewed diffs.
        let clean = try prepare { $0 }
        defer { try? FileManager.default.removeItem(at: clean) }
        let ok = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "--values-dir", "in", "-o", "RUNBOOK.md"], in: clean)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try String(contentsOf: clean.appendingPathComponent("RUNBOOK.md"), encoding: .utf8).contains("```diff"))
    }
}
