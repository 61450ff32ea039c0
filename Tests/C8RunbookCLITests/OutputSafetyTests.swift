import Foundation
import Testing

/// `-o FILE` replaces nothing but the regular file the user named (issue 11 item 1), and standard output that is
/// closed or full is one error line and exit 74. Each test checks the exact outcome: exit code, the one line on
/// standard error, and the files untouched (bytes, mode, owner, group, inode).
@Suite struct OutputSafetyTests {
    /// What must not change about a file.
    struct FileState: Equatable, CustomStringConvertible {
        var bytes: Data
        var type: mode_t
        var mode: mode_t
        var owner: uid_t
        var group: gid_t
        var inode: UInt64

        init(_ url: URL) throws {
            var status = stat()
            guard lstat(url.path, &status) == 0 else { throw CocoaError(.fileNoSuchFile) }
            type = status.st_mode & S_IFMT
            mode = status.st_mode & 0o7777
            owner = status.st_uid
            group = status.st_gid
            inode = UInt64(status.st_ino)
            bytes = type == S_IFREG ? try Data(contentsOf: url) : Data()
        }

        var description: String { "type \(String(type, radix: 8)) mode \(String(mode, radix: 8)) \(owner):\(group) inode \(inode), \(bytes.count) bytes" }
    }

    static var isRoot: Bool { geteuid() == 0 }

    /// A folder with the reference scenario as `scenario.yml`.
    static func folder() throws -> URL {
        let folder = try BuiltBinary.temporaryFolder()
        try FileManager.default.copyItem(at: BuiltBinary.packageRoot.appendingPathComponent("Runbooks/reference/scenario.yml"),
                                         to: folder.appendingPathComponent("scenario.yml"))
        return folder
    }

    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    static func expectOneLine(_ result: BuiltBinary.Result, status: Int32, _ fragment: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("note: ") && !$0.hasPrefix("warning: ") }
        #expect(lines.count == 1, "one error line, got:\n\(result.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.contains(fragment) == true, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }

    // MARK: Inputs

    @Test func theScenarioByAnyNameIsRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("scenario.yml")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("alias.yml").path, withDestinationPath: "scenario.yml")
        try FileManager.default.linkItem(at: scenario, to: folder.appendingPathComponent("hard.yml"))
        let before = try FileState(scenario)
        for (given, output) in [("scenario.yml", "scenario.yml"), ("scenario.yml", "./alias.yml"), ("alias.yml", "scenario.yml"),
                                ("hard.yml", "scenario.yml"), ("scenario.yml", folder.appendingPathComponent("hard.yml").path)] {
            let result = try BuiltBinary.run(["generate", "--scenario", given, "-o", output], in: folder)
            Self.expectOneLine(result, status: 73, "\(output): error: refusing to write: it is '\(given)', an input of this command")
            #expect(try FileState(scenario) == before)
        }
        #expect(Self.entries(folder) == ["alias.yml", "hard.yml", "scenario.yml"], "no temporary file left")
    }

    @Test func theProgressLogTemplatesAndValuesFilesAreRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        let progress = folder.appendingPathComponent("progress.json")
        #expect(try BuiltBinary.run(["tick", "--scenario", "scenario.yml", "--progress", "progress.json", "--force", "prepare.versions"], in: folder).status == 0)
        try manager.createDirectory(at: folder.appendingPathComponent("tpl/steps"), withIntermediateDirectories: true)
        let template = folder.appendingPathComponent("tpl/steps/upgrade.helm.mustache")
        try Data("# Upgrade region {{region.id}}\n".utf8).write(to: template)
        let values = BuiltBinary.packageRoot.appendingPathComponent("Tests/C8RunbookCLITests/BadInput/values-malformed")
        for name in ["region0", "region1"] {
            try manager.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let base = folder.appendingPathComponent("camunda-values.yml")
        try Data("global:\n  identity:\n    auth:\n      enabled: false\n".utf8).write(to: base)
        for name in ["region0", "region1"] {
            try Data("zeebe:\n  env: []\n".utf8).write(to: folder.appendingPathComponent("\(name)/camunda-values.yml"))
        }
        _ = values
        let cases: [([String], URL)] = [
            (["generate", "--scenario", "scenario.yml", "--progress", "progress.json", "-o", "progress.json"], progress),
            (["generate", "--scenario", "scenario.yml", "--templates", "tpl", "-o", "tpl/steps/upgrade.helm.mustache"], template),
            (["generate", "--scenario", "scenario.yml", "--values-dir", ".", "-o", "camunda-values.yml"], base),
            (["init", "--values", "camunda-values.yml", "--region0-values", "region0/camunda-values.yml",
              "--region1-values", "region1/camunda-values.yml", "-o", "region1/camunda-values.yml"], folder.appendingPathComponent("region1/camunda-values.yml")),
        ]
        for (arguments, file) in cases {
            let before = try FileState(file)
            let result = try BuiltBinary.run(arguments, in: folder)
            Self.expectOneLine(result, status: 73, "error: refusing to write: it is '")
            #expect(try FileState(file) == before, "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
    }

    /// `-o` through a link to a values file the scenario names, without `--values-dir`: refused, resolved as the
    /// scenario resolves it (its own folder, or `valuesFiles.directory`).
    @Test func aValuesFileTheScenarioNamesIsRefusedWithoutValuesDir() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        let reference = try String(contentsOf: folder.appendingPathComponent("scenario.yml"), encoding: .utf8)
        let elsewhere = folder.appendingPathComponent("values")
        for (directory, values) in [(nil, folder), (elsewhere.path, elsewhere)] {
            let line = "  directory: /srv/camunda/dual-region     # absolute; every relative path is read from here (default: this file's folder)\n"
            #expect(reference.contains(line))
            try reference.replacingOccurrences(of: line, with: directory.map { "  directory: \($0)\n" } ?? "")
                .write(to: folder.appendingPathComponent("sc.yml"), atomically: false, encoding: .utf8)
            try manager.createDirectory(at: values.appendingPathComponent("region1"), withIntermediateDirectories: true)
            let file = values.appendingPathComponent("region1/camunda-values.yml")
            try "mine: 8.7\n".write(to: file, atomically: false, encoding: .utf8)
            try? manager.removeItem(at: folder.appendingPathComponent("sl.md"))
            try manager.createSymbolicLink(atPath: folder.appendingPathComponent("sl.md").path, withDestinationPath: file.path)
            let before = try FileState(file)
            let result = try BuiltBinary.run(["generate", "--scenario", "sc.yml", "-o", "sl.md"], in: folder)
            Self.expectOneLine(result, status: 73, "sl.md: error: refusing to write: it is '\(file.path)', an input of this command")
            #expect(try FileState(file) == before)
        }
    }

    // MARK: What is written through, what is replaced

    @Test func devicesAndFIFOsAreWrittenThroughNotReplaced() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("runbook.fifo")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let fifoBefore = try FileState(fifo)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo.path]
        let pipe = Pipe()
        reader.standardOutput = pipe
        try reader.run()
        let result = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "-o", "runbook.fifo"], in: folder)
        let read = pipe.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(String(decoding: read, as: UTF8.self).hasPrefix("# Camunda 8.7 → 8.8 dual-region upgrade runbook"))
        #expect(try FileState(fifo) == fifoBefore, "the FIFO is still a FIFO")

        let stdout = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "-o", "/dev/stdout"], in: folder)
        #expect(stdout.status == 0)
        #expect(stdout.stdout.hasPrefix("# Camunda 8.7 → 8.8"))
        // Standard error to a file: the runbook is larger than a pipe holds.
        let log = folder.appendingPathComponent("stderr.log")
        #expect(FileManager.default.createFile(atPath: log.path, contents: nil))
        let process = Process()
        process.executableURL = BuiltBinary.url
        process.arguments = ["generate", "--scenario", "scenario.yml", "-o", "/dev/stderr"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOf: log, encoding: .utf8).hasPrefix("# Camunda 8.7 → 8.8"))
    }

    @Test func aCharacterDeviceMadeWithMknodStaysADevice() throws {
        guard Self.isRoot else {
            print("skipped: mknod needs root")
            return
        }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = folder.appendingPathComponent("null-device")
        let made = try BuiltBinary.run([device.path, "c", "1", "3"], executable: URL(fileURLWithPath: "/usr/bin/mknod"))
        #expect(made.status == 0, "mknod: \(made.stderr)")
        let before = try FileState(device)
        let result = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "-o", "null-device"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileState(device) == before)
        #expect(Self.entries(folder) == ["null-device", "scenario.yml"])
    }

    @Test func aSymlinkIsKeptAndItsTargetReplaced() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("docs/RUNBOOK.md")
        try Data("old\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("RUNBOOK.md").path, withDestinationPath: "docs/RUNBOOK.md")
        let result = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "-o", "RUNBOOK.md"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("RUNBOOK.md").path) == "docs/RUNBOOK.md")
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("# Camunda 8.7 → 8.8"))
        #expect(Self.entries(folder.appendingPathComponent("docs")) == ["RUNBOOK.md"], "no temporary file left")
    }

    @Test func modeOwnerAndGroupAreKept() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("RUNBOOK.md")
        try Data("old\n".utf8).write(to: output)
        #expect(chmod(output.path, 0o600) == 0)
        if Self.isRoot {
            #expect(chown(output.path, 1234, 5678) == 0)
        } else {
            print("skipped the owner and group part: chown needs root")
        }
        let before = try FileState(output)
        let result = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "-o", "RUNBOOK.md"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let after = try FileState(output)
        #expect(after.mode == 0o600 && after.owner == before.owner && after.group == before.group, "\(before) → \(after)")
        #expect(after.bytes != before.bytes)
        #expect(Self.entries(folder) == ["RUNBOOK.md", "scenario.yml"])
    }

    @Test func aReadOnlyFileIsRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("RUNBOOK.md")
        try Data("signed off\n".utf8).write(to: output)
        #expect(chmod(output.path, 0o444) == 0)
        let before = try FileState(output)
        let result = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "-o", "RUNBOOK.md"], in: folder)
        Self.expectOneLine(result, status: 73, "RUNBOOK.md: error: cannot write: it is read-only (mode 0444)")
        #expect(try FileState(output) == before)
        #expect(Self.entries(folder) == ["RUNBOOK.md", "scenario.yml"])
    }

    @Test func aFileTheUserMayNotWriteIsRefused() throws {
        guard Self.isRoot, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            print("skipped: running as another user needs root and setpriv")
            return
        }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder anyone may write in (so rename would succeed), holding root's 0644 file.
        #expect(chmod(folder.path, 0o777) == 0)
        #expect(chmod(folder.appendingPathComponent("scenario.yml").path, 0o644) == 0)
        let output = folder.appendingPathComponent("RUNBOOK.md")
        try Data("root's\n".utf8).write(to: output)
        #expect(chmod(output.path, 0o644) == 0)
        let before = try FileState(output)
        let result = try BuiltBinary.run(["--reuid=65534", "--regid=65534", "--clear-groups", BuiltBinary.url.path,
                                          "generate", "--scenario", "scenario.yml", "-o", "RUNBOOK.md"],
                                         in: folder, executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        Self.expectOneLine(result, status: 73, "RUNBOOK.md: error: cannot write: Permission denied")
        #expect(try FileState(output) == before)
        #expect(Self.entries(folder) == ["RUNBOOK.md", "scenario.yml"])
    }

    // MARK: Temporary files

    @Test(arguments: [("TERM", SIGTERM), ("INT", SIGINT), ("HUP", SIGHUP)])
    func aSignalLeavesNoTemporaryFile(_ name: String, _ number: Int32) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("RUNBOOK.md")
        try Data("old\n".utf8).write(to: output)
        let before = try FileState(output)
        let process = Process()
        process.executableURL = BuiltBinary.url
        process.arguments = ["generate", "--scenario", "scenario.yml", "-o", "RUNBOOK.md"]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(["C8RUNBOOK_TEST_SIGNAL": name]) { $1 }
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == number)
        #expect(try FileState(output) == before)
        #expect(Self.entries(folder) == ["RUNBOOK.md", "scenario.yml"])
    }

    @Test func aFileSizeLimitIsAnErrorNotAKill() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("RUNBOOK.md")
        try Data("old\n".utf8).write(to: output)
        let before = try FileState(output)
        // 8 KiB: the runbook (about 75 KB) does not fit; SIGXFSZ would kill the process.
        let result = try BuiltBinary.run(["-c", "ulimit -f 8 && exec \"$0\" generate --scenario scenario.yml -o RUNBOOK.md", BuiltBinary.url.path],
                                         in: folder, executable: URL(fileURLWithPath: "/bin/sh"))
        Self.expectOneLine(result, status: 73, "RUNBOOK.md: error: cannot write: File too large")
        #expect(try FileState(output) == before)
        #expect(Self.entries(folder) == ["RUNBOOK.md", "scenario.yml"])
    }

    @Test func aPlantedLinkAtTheOldTemporaryNameIsNotFollowed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("precious\n".utf8).write(to: victim)
        let before = try FileState(victim)
        // The names the tool used before: `.NAME.PID.tmp`; a process id is easy to guess.
        for pid in 1...64 {
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(".RUNBOOK.md.\(pid).tmp").path, withDestinationPath: "victim.txt")
        }
        let result = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "-o", "RUNBOOK.md"], in: folder)
        #expect(result.status == 0)
        #expect(try FileState(victim) == before)
        #expect(Self.entries(folder).filter { !$0.hasPrefix(".RUNBOOK.md.") } == ["RUNBOOK.md", "scenario.yml", "victim.txt"])
        #expect(Self.entries(folder).filter { $0.hasPrefix(".") }.count == 64, "only the planted links")
    }

    // MARK: Standard output

    /// Runs the binary with standard output going to `stdout`.
    static func run(_ arguments: [String], stdout: FileHandle, in folder: URL? = nil) throws -> BuiltBinary.Result {
        let process = Process()
        process.executableURL = BuiltBinary.url
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let err = Pipe()
        process.standardOutput = stdout
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return BuiltBinary.Result(status: process.terminationStatus, stdout: "", stderr: String(decoding: stderr, as: UTF8.self))
    }

    static let stdoutCommands: [[String]] = [
        ["generate", "--scenario", "scenario.yml"], ["generate", "--scenario", "scenario.yml", "-o", "-"], ["rules"],
        ["example"], ["status", "--scenario", "scenario.yml"], ["--help"],
    ]

    @Test(arguments: stdoutCommands) func aFullStandardOutputIsExit74(_ arguments: [String]) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try Self.run(arguments, stdout: full, in: folder)
        Self.expectOneLine(result, status: 74, "<stdout>: error: cannot write: No space left on device")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test(arguments: stdoutCommands) func aClosedPipeIsExit74(_ arguments: [String]) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try Self.run(arguments, stdout: pipe.fileHandleForWriting, in: folder)
        Self.expectOneLine(result, status: 74, "<stdout>: error: cannot write: Broken pipe")
    }
}
