import Foundation
import Testing

/// The reading and inference field cases as a user runs them (the commands of each case's README), with the
/// built binary: the right files, or one error line, exit 65 and nothing written.
@Suite(.serialized, .enabled(if: ValuesCLIFixtures.hasShared))
struct FieldCaseCommandTests {
    static func caseFolder(_ name: String, in folder: URL) throws -> URL {
        let source = ValuesCLIFixtures.shared!.appendingPathComponent("cases/values/\(name)")
        let target = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: target)
        // The shared copies are read-only; the test writes scenario.yml and out/ beside them.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
        return target
    }

    static let contexts = ["--kube-context0", "a", "--kube-context1", "b"]

    @Test func crlfBaseGivesACRLFEightEightFileAndNoCopyOfTheInput() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dir = try Self.caseFolder("01-crlf-corrupts-output", in: folder)
        let initResult = try BuiltBinary.run(["init"] + ValuesCLIFixtures.arguments(".") + Self.contexts + ["-o", "scenario.yml"], in: dir)
        #expect(initResult.status == 0, "\(initResult.stderr)")
        for stage in ["migration", "final"] {
            let result = try BuiltBinary.run(["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments(".")
                                             + ["--out-dir", "out-\(stage)", "--stage", stage], in: dir)
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOf: dir.appendingPathComponent("out-\(stage)/camunda-values.yml"), encoding: .utf8)
            #expect(text.hasPrefix("---\r\n"))
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            #expect(text.components(separatedBy: "\r\nglobal:").count == 2)
            #expect(!text.contains("\r\nzeebe:") && text.contains("\r\norchestration:"))
            // The output is input again: init reads it without a duplicate key (it refuses it as 8.8 values).
            let again = try BuiltBinary.run(["init", "--values", "out-\(stage)/camunda-values.yml", "--region0-values", "region0/camunda-values.yml",
                                             "--region1-values", "region1/camunda-values.yml"] + Self.contexts, in: dir)
            #expect(again.status == 65)
            #expect(again.stderr.contains("these are already 8.8 values"), "\(again.stderr)")
        }
    }

    @Test(arguments: [
        ("05-chart-exporter-silently-disabled", true, "the chart's own exporter 'elasticsearch' is enabled"),
        ("06-same-exporter-id-different-storage", false, "exporter ELASTICSEARCH2 writes to a different storage in each region"),
        ("08-single-region-file-accepted", false, "not dual-region values"),
        ("09-helm-template-in-url-unclear-error", true, "Helm template expression '{{ .Release.Name }}' in zeebe.env ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_ARGS_URL"),
        ("14-duplicate-key-location", true, "camunda-values.yml:57:1: error: duplicate key 'optimize' (first at 25:1); Helm uses this later one"),
    ])
    func refusedWithOneLineAndNothingWritten(name: String, layered: Bool, message: String) throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dir = try Self.caseFolder(name, in: folder)
        let files = layered ? ValuesCLIFixtures.arguments(".") : ["--region0-values", "region0.yaml", "--region1-values", "region1.yaml"]
        let result = try BuiltBinary.run(["init"] + files + Self.contexts + ["-o", "scenario.yml"], in: dir)
        #expect(result.status == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("scenario.yml").path))
    }

    /// Runs of both stages into one folder at once, several times: the folder always holds one stage's files.
    @Test func concurrentRunsIntoOneFolderNeverMixStages() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dir = try Self.caseFolder("01-crlf-corrupts-output", in: folder)
        #expect(try BuiltBinary.run(["init"] + ValuesCLIFixtures.arguments(".") + Self.contexts + ["-o", "scenario.yml"], in: dir).status == 0)
        for _ in 0..<4 {
            let processes = try ["migration", "final", "migration", "final"].map { stage -> Process in
                let process = Process()
                process.executableURL = BuiltBinary.url
                process.arguments = ["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments(".") + ["--out-dir", "out", "--stage", stage]
                process.currentDirectoryURL = dir
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            processes.forEach { $0.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 })
            let report = try String(contentsOf: dir.appendingPathComponent("out/values-report.md"), encoding: .utf8)
            let base = try String(contentsOf: dir.appendingPathComponent("out/camunda-values.yml"), encoding: .utf8)
            let final = report.hasPrefix("# 8.8 values (final stage)")
            // The migration stage keeps the legacy exporters and switches data migration on; the final stage neither.
            #expect(base.contains("ELASTICSEARCHREGION0_CLASSNAME") != final, "report and files from different stages")
            #expect(base.contains("migration:") != final, "report and files from different stages")
            #expect(!(try FileManager.default.subpathsOfDirectory(atPath: dir.path)).contains { $0.contains(".c8runbook-") })
        }
    }

    /// SIGTERM at whatever point the run has reached (sent as soon as it starts, 12 times): the folder is absent
    /// or whole, and no temporary file is left.
    @Test func terminatedRunsLeaveNoTemporaryFileAndNoHalfFolder() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dir = try Self.caseFolder("01-crlf-corrupts-output", in: folder)
        #expect(try BuiltBinary.run(["init"] + ValuesCLIFixtures.arguments(".") + Self.contexts + ["-o", "scenario.yml"], in: dir).status == 0)
        for round in 0..<12 {
            let out = "out\(round % 3)"
            let process = Process()
            process.executableURL = BuiltBinary.url
            process.arguments = ["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments(".") + ["--out-dir", out]
            process.currentDirectoryURL = dir
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            let written = (try? FileManager.default.subpathsOfDirectory(atPath: dir.appendingPathComponent(out).path)) ?? []
            #expect(written.isEmpty || written.sorted() == ["camunda-values.yml", "region0", "region0/camunda-values.yml", "region1", "region1/camunda-values.yml", "values-report.md"], "\(written)")
            #expect(!(try FileManager.default.subpathsOfDirectory(atPath: dir.path)).contains { $0.contains(".c8runbook-") })
        }
    }

    @Test func templatedReleaseIsSubstitutedFromTheReleaseOption() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dir = try Self.caseFolder("09-helm-template-in-url-unclear-error", in: folder)
        let result = try BuiltBinary.run(["init", "--release", "camunda"] + ValuesCLIFixtures.arguments(".") + Self.contexts + ["-o", "scenario.yml"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let scenario = try String(contentsOf: dir.appendingPathComponent("scenario.yml"), encoding: .utf8)
        #expect(scenario.contains("region0: http://camunda-elasticsearch-master-hl.camunda-london.svc.cluster.local:9200"))
    }
}
