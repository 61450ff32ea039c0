import Foundation
import Testing

@Suite(.serialized) struct ValuesCommandTests {
    /// `init` then `values` on the variant, as a new user would.
    func prepareVariant() throws -> URL {
        let folder = try BuiltBinary.temporaryFolder()
        _ = try ValuesCLIFixtures.copy(ValuesCLIFixtures.variant, to: folder, as: "in")
        let initResult = try BuiltBinary.run(["init"] + ValuesCLIFixtures.arguments("in") + [
            "--release", "camunda", "--kube-context0", "eu", "--kube-context1", "us", "--namespace0", "team-eu", "--namespace1", "team-us",
            "-o", "scenario.yml"], in: folder)
        #expect(initResult.status == 0, "\(initResult.stderr)")
        return folder
    }

    @Test func writesTheFilesUnderTheInputLayoutWithAReport() throws {
        let folder = try prepareVariant()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try BuiltBinary.run(["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments("in") + ["--out-dir", "out", "--diff"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent("out").path).sorted()
        #expect(files == ["camunda-values.yml", "region0", "region0/camunda-values.yml", "region1", "region1/camunda-values.yml", "values-report.md"])
        let region1 = try String(contentsOf: folder.appendingPathComponent("out/region1/camunda-values.yml"), encoding: .utf8)
        #expect(region1.hasSuffix("orchestration:\n  # Data migration (importer and migration Job) for the upgrade; remove after the migration (rules.md R20, R55)\n  migration:\n    data:\n      enabled: false\n"))
        #expect(result.stdout.contains("+      value: opensearch\n"))
        #expect(!result.stdout.contains("DO-NOT-PRINT"))
        #expect(!result.stderr.contains("DO-NOT-PRINT"))
        #expect(result.stderr.hasSuffix("note: wrote 3 values files to out (3 rewritten, 0 unchanged) and values-report.md; 1 item(s) to review\n"))
        let report = try String(contentsOf: folder.appendingPathComponent("out/values-report.md"), encoding: .utf8)
        #expect(!report.contains("DO-NOT-PRINT"))
        #expect(report.contains("| `region0/camunda-values.yml` | R20 | `orchestration.migration.data.enabled` |"))
    }

    @Test func jsonReportForTheFinalStage() throws {
        let folder = try prepareVariant()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try BuiltBinary.run(["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments("in") +
                                         ["--out-dir", "out", "--stage", "final", "--report-format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: folder.appendingPathComponent("out/values-report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(report["stage"] as? String == "final")
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.map { $0["changed"] as? Bool } == [true, false, false])
        let base = try String(contentsOf: folder.appendingPathComponent("out/camunda-values.yml"), encoding: .utf8)
        #expect(!base.contains("ZEEBE_BROKER_EXPORTERS_OPENSEARCH_"))
        #expect(!base.contains("migration:"))
    }

    @Test func brokenInputExits65AndLeavesTheOutputFolderAlone() throws {
        let folder = try prepareVariant()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "zeebe:\n  env: [\n".write(to: folder.appendingPathComponent("in/region1/camunda-values.yml"), atomically: true, encoding: .utf8)
        let result = try BuiltBinary.run(["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments("in") + ["--out-dir", "out"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("in/region1/camunda-values.yml:3:1: error: malformed YAML: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesToOverwriteTheInputs() throws {
        let folder = try prepareVariant()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try String(contentsOf: folder.appendingPathComponent("in/camunda-values.yml"), encoding: .utf8)
        let result = try BuiltBinary.run(["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments("in") + ["--out-dir", "in"], in: folder)
        #expect(result.status == 73)
        #expect(result.stderr == "in: error: cannot write: it is or holds the input 'in/camunda-values.yml'; choose another --out-dir (keep the 8.7 files for a rollback)\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("in/camunda-values.yml"), encoding: .utf8) == before)
        // The folder holding the scenario and the inputs, by any name.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("in/up").path, withDestinationPath: "..")
        for out in [".", "in/up"] {
            let result = try BuiltBinary.run(["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments("in") + ["--out-dir", out], in: folder)
            #expect(result.status == 73)
            #expect(result.stderr == "\(out): error: cannot write: it is or holds the input 'scenario.yml'; choose another --out-dir (keep the 8.7 files for a rollback)\n")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("values-report.md").path))
    }

    /// A hostile out-dir: a subfolder that is a link to a folder outside. Refused (73, one line), nothing written
    /// there or in the out-dir.
    @Test func refusesASymlinkedSubfolderOfTheOutDir() throws {
        let folder = try prepareVariant()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("keepdir"), withIntermediateDirectories: true)
        try manager.createDirectory(at: folder.appendingPathComponent("o3"), withIntermediateDirectories: true)
        try "mine\n".write(to: folder.appendingPathComponent("keepdir/camunda-values.yml"), atomically: false, encoding: .utf8)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("o3/region0").path, withDestinationPath: "../keepdir")
        let result = try BuiltBinary.run(["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments("in") + ["--out-dir", "o3"], in: folder)
        #expect(result.status == 73)
        #expect(result.stderr == "o3: error: cannot write: 'region0' is a symbolic link; refusing to write through it (replace it with a folder or choose another --out-dir)\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("keepdir/camunda-values.yml"), encoding: .utf8) == "mine\n")
        #expect(try manager.contentsOfDirectory(atPath: folder.appendingPathComponent("keepdir").path) == ["camunda-values.yml"])
        #expect(try manager.contentsOfDirectory(atPath: folder.appendingPathComponent("o3").path) == ["region0"])
    }

    /// Rerunning into an existing out-dir keeps it and its subfolders in place (a shell inside stays in it) and
    /// keeps what else it holds.
    @Test func rerunKeepsTheOutDirInPlace() throws {
        let folder = try prepareVariant()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments("in") + ["--out-dir", "out"]
        #expect(try BuiltBinary.run(arguments, in: folder).status == 0)
        let out = folder.appendingPathComponent("out")
        #expect(chmod(out.appendingPathComponent("region0").path, 0o700) == 0)
        try "notes\n".write(to: out.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        func inode(_ path: String) -> ino_t { var status = stat(); _ = lstat(path, &status); return status.st_ino }
        let before = [out.path, out.appendingPathComponent("region0").path].map(inode)
        let again = try BuiltBinary.run(arguments + ["--stage", "final"], in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        #expect([out.path, out.appendingPathComponent("region0").path].map(inode) == before)
        var status = stat()
        #expect(lstat(out.appendingPathComponent("region0").path, &status) == 0 && status.st_mode & 0o7777 == 0o700)
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "notes\n")
        #expect(try String(contentsOf: out.appendingPathComponent("values-report.md"), encoding: .utf8).hasPrefix("# 8.8 values (final stage)"))
    }

    /// Every regular file under `folder` with its bytes, for "nothing changed" checks.
    func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? [] {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
            }
        }
        return files
    }

    /// The diff reports what is written: when standard output cannot take it, nothing is written, and the one error
    /// line says so; a new out-dir is not even created.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "skipped: this system has no /dev/full"))
    func aDiffThatCannotBeWrittenLeavesNothingWritten() throws {
        let folder = try prepareVariant()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments("in") + ["--out-dir", "out", "--diff"]
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let fresh = try OutputSafetyTests.run(arguments, stdout: full, in: folder)
        #expect(fresh.status == 74)
        #expect(fresh.stderr == "<stdout>: error: cannot write the diff: No space left on device; nothing was written to 'out'\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))

        // Over the files of an earlier run (migration stage), a final-stage run whose diff is lost changes nothing.
        #expect(try BuiltBinary.run(Array(arguments.dropLast()), in: folder).status == 0)
        let out = folder.appendingPathComponent("out")
        let before = try contents(out)
        let final = try OutputSafetyTests.run(arguments + ["--stage", "final"], stdout: full, in: folder)
        #expect(final.status == 74)
        #expect(final.stderr.split(separator: "\n").count == 1)
        #expect(try contents(out) == before, "no file changed, no temporary file left")
        // A closed pipe the same.
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let closed = try OutputSafetyTests.run(arguments + ["--stage", "final"], stdout: pipe.fileHandleForWriting, in: folder)
        #expect(closed.status == 74)
        #expect(closed.stderr == "<stdout>: error: cannot write the diff: Broken pipe; nothing was written to 'out'\n")
        #expect(try contents(out) == before)
        // With somewhere to go, the same run writes the diff and then the files.
        let written = try BuiltBinary.run(arguments + ["--stage", "final"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("\n+"))
        #expect(try contents(out) != before)
    }

    /// A SIGKILL during `values` can leave its staged files behind; the next run into the folder removes them (only
    /// its own pattern, only for the files it writes, only in the folders it writes) and says so in one line.
    @Test func theNextRunRemovesTheTemporaryFilesOfAKilledRun() throws {
        let folder = try prepareVariant()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments("in") + ["--out-dir", "out"]
        #expect(try BuiltBinary.run(arguments, in: folder).status == 0)
        let out = folder.appendingPathComponent("out")
        let stale = [".camunda-values.yml.9e3779b97f4a7c15.c8runbook-tmp", "region1/.camunda-values.yml.c0ffee.c8runbook-tmp"]
        let mine = [".camunda-values.yml.9e3779b97f4a7c15.c8runbook-tmp~", ".camunda-values.yml.backup.c8runbook-tmp", "region1/.notes.md.c0ffee.c8runbook-tmp"]
        for name in stale + mine { try "half\n".write(to: out.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        let result = try BuiltBinary.run(arguments, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let notes = result.stderr.split(separator: "\n").filter { $0.contains("interrupted run") }
        #expect(notes == ["note: removed 2 temporary file(s) an interrupted run left in out: \(stale.joined(separator: ", "))"])
        for name in stale { #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path)) }
        for name in mine { #expect(try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8) == "half\n", "\(name) untouched") }
        let again = try BuiltBinary.run(arguments, in: folder)
        #expect(!again.stderr.contains("interrupted run"))
    }
}
