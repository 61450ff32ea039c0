import Foundation
import Testing

/// A progress log belongs to one deployment and one scenario file; the tracker matches the page.
@Suite(.enabled(if: ProgressBinary.available)) struct ProgressDeploymentTests {
    static let log = "c8runbook-progress.json"

    struct Snapshot: Equatable {
        var bytes: Data, mode: mode_t, uid: uid_t, gid: gid_t, inode: ino_t

        init(_ url: URL) throws {
            var status = stat()
            guard stat(url.path, &status) == 0 else { throw CocoaError(.fileNoSuchFile) }
            bytes = try Data(contentsOf: url)
            (mode, uid, gid, inode) = (status.st_mode, status.st_uid, status.st_gid, status.st_ino)
        }
    }

    @Test func withoutAScenarioTheLogsOwnScenarioIsUsedNeverTheBuiltInExample() throws {
        let folder = try ProgressBinary.folderWithScenario()
        let first = try ProgressBinary.run(["tick", "prepare.storage-layout", "--scenario", "scenario.yml"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let absolute = folder.appendingPathComponent("scenario.yml").standardizedFileURL.path
        let header = try #require(String(decoding: try Data(contentsOf: folder.appendingPathComponent(Self.log)), as: UTF8.self).split(separator: "\n").first)
        #expect(header.contains(#""scenario":"\#(absolute)""#))
        for command in [["tick", "prepare.versions"], ["status"], ["next"], ["untick", "prepare.versions"]] {
            let result = try ProgressBinary.run(command, in: folder)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stderr.hasPrefix("note: using the scenario this progress log was started with: \(absolute)\n"))
            #expect(!result.stderr.contains("built-in example"))
        }
    }

    /// A log written by an older c8runbook records no scenario: without --scenario it is refused (64), untouched.
    @Test func aVersionOneLogWithoutScenarioIsRefused() throws {
        let folder = try ProgressBinary.folderWithScenario()
        let path = folder.appendingPathComponent(Self.log)
        try Data(contentsOf: BuiltBinary.packageRoot.appendingPathComponent("Tests/C8RunbookTests/Progress/Fixtures/v1-reference.json")).write(to: path)
        let before = try Snapshot(path)
        for command in [["tick", "prepare.versions"], ["status"], ["next"]] {
            let result = try ProgressBinary.run(command, in: folder)
            #expect(result.status == 64)
            #expect(result.stderr == "c8runbook-progress.json: error: this progress log does not record its scenario file (an older c8runbook wrote it); give --scenario once\n")
            #expect(result.stdout.isEmpty)
        }
        #expect(try Snapshot(path) == before)
        // With --scenario, the first write converts it.
        let tick = try ProgressBinary.run(["tick", "prepare.storage-version.region0", "--scenario", "scenario.yml"], in: folder)
        #expect(tick.status == 0, "\(tick.stderr)")
        #expect(try ProgressBinary.run(["status"], in: folder).status == 0)
    }

    @Test func aLogOfAnotherDeploymentIsRefusedUntouched() throws {
        let folder = try ProgressBinary.folderWithScenario()
        _ = try ProgressBinary.run(["tick", "prepare.storage-layout", "--scenario", "scenario.yml"], in: folder)
        let other = try String(contentsOf: folder.appendingPathComponent("scenario.yml"), encoding: .utf8)
            .replacingOccurrences(of: "namespace: camunda-paris", with: "namespace: camunda-berlin")
        try Data(other.utf8).write(to: folder.appendingPathComponent("other.yml"))
        let path = folder.appendingPathComponent(Self.log)
        let before = try Snapshot(path)
        for command in [["tick", "prepare.versions"], ["untick", "prepare.storage-layout"], ["status"], ["next"], ["generate"]] {
            let result = try ProgressBinary.run(command + ["--scenario", "other.yml", "--progress", Self.log], in: folder)
            #expect(result.status == 65, "\(command)")
            #expect(result.stderr.hasSuffix("c8runbook-progress.json: error: this progress log tracks release 'camunda', region 0 'cluster-london' / 'camunda-london', region 1 'cluster-paris' / 'camunda-paris', elasticsearch per-region, not release 'camunda', region 0 'cluster-london' / 'camunda-london', region 1 'cluster-paris' / 'camunda-berlin', elasticsearch per-region of 'other.yml'; give the log of that deployment with --progress; it was left untouched\n"), "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try Snapshot(path) == before)
    }

    @Test func aScenarioWithPlaceholdersIsRefusedUnlessForced() throws {
        let folder = try ProgressBinary.folderWithScenario()
        let text = try String(contentsOf: folder.appendingPathComponent("scenario.yml"), encoding: .utf8)
            .replacingOccurrences(of: "kubeContext: cluster-paris", with: "kubeContext: TODO-kube-context-region1")
        try Data(text.utf8).write(to: folder.appendingPathComponent("scenario.yml"))
        let refused = try ProgressBinary.run(["tick", "prepare.storage-layout", "--scenario", "scenario.yml"], in: folder)
        #expect(refused.status == 3)
        #expect(refused.stderr.hasSuffix("error: the scenario still has placeholders: regions[1].kubeContext 'TODO-kube-context-region1'; replace them first, or use --force to record anyway\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(Self.log).path))
        let forced = try ProgressBinary.run(["tick", "prepare.storage-layout", "--scenario", "scenario.yml", "--force"], in: folder)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.contains("warning: ticked with --force although the scenario still has placeholders: regions[1].kubeContext 'TODO-kube-context-region1'\n"))
        let events = try ProgressCommandsTests.lines(folder.appendingPathComponent(Self.log)).dropFirst()
        #expect(events.first?["forced"] as? Bool == true)
    }

    @Test func aProgressPathThatDoesNotExistIsSaidSo() throws {
        let folder = try ProgressBinary.folderWithScenario()
        for command in [["status"], ["next"], ["generate"], ["generate", "--format", "html"]] {
            let result = try ProgressBinary.run(command + ["--scenario", "scenario.yml", "--progress", "typo.json"], in: folder)
            #expect(result.status == 66, "\(command)")
            #expect(result.stderr.hasSuffix("typo.json: error: no such progress file\n"), "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("typo.json").path))
    }

    @Test func notesOfTicksAndUnticksAppearInStatusAndTheRunbook() throws {
        let folder = try ProgressBinary.folderWithScenario()
        _ = try ProgressBinary.run(["tick", "prepare.storage-layout", "--scenario", "scenario.yml", "--by", "alice", "--note", "both <ES> green"], in: folder)
        _ = try ProgressBinary.run(["tick", "prepare.versions", "--scenario", "scenario.yml", "--by", "bob"], in: folder)
        let untick = try ProgressBinary.run(["untick", "prepare.versions", "--scenario", "scenario.yml", "--by", "carol", "--note", "wrong *chart*"], in: folder)
        #expect(untick.status == 0)
        let status = try ProgressBinary.run(["status", "--scenario", "scenario.yml"], in: folder)
        #expect(status.stdout.contains("prepare.storage-layout  alice at "))
        #expect(status.stdout.contains(": “both <ES> green”\n"))
        #expect(status.stdout.contains("Reopened (unticked)\n  prepare.versions  carol at "))
        #expect(status.stdout.contains(": “wrong *chart*”\n"))
        let markdown = try ProgressBinary.run(["generate", "--scenario", "scenario.yml", "--progress", Self.log], in: folder)
        #expect(markdown.stdout.contains(" · done by alice at "))
        #expect(markdown.stdout.contains(": “both \\<ES\\> green”\n"))
        #expect(markdown.stdout.contains("- [ ] `prepare.versions` · once, for both regions · "))
        #expect(markdown.stdout.contains(" · reopened by carol at "))
        #expect(markdown.stdout.contains(": “wrong \\*chart\\*”\n"))
        let html = try ProgressBinary.run(["generate", "--format", "html", "--scenario", "scenario.yml", "--progress", Self.log], in: folder)
        #expect(html.stdout.contains(": “both &lt;ES&gt; green”</p>"))
        #expect(html.stdout.contains("Reopened by <strong>carol</strong> at "))
        #expect(html.stdout.contains(": “wrong *chart*”</p>"))
    }

    @Test func statusReportsFutureAndOutOfOrderTimes() throws {
        let folder = try ProgressBinary.folderWithScenario()
        _ = try ProgressBinary.run(["tick", "prepare.storage-layout", "--scenario", "scenario.yml"], in: folder)
        let path = folder.appendingPathComponent(Self.log)
        let lines = String(decoding: try Data(contentsOf: path), as: UTF8.self).split(separator: "\n")
        let future = lines[1].replacingOccurrences(of: #""at":"20"#, with: #""at":"2999-01-01T00:00:00Z","old":"20"#)
            .replacingOccurrences(of: #","old":"[^"]*""#, with: "", options: .regularExpression)
        let earlier = lines[1].replacingOccurrences(of: #""at":"[^"]*""#, with: #""at":"2000-01-01T00:00:00Z""#, options: .regularExpression)
        try Data((lines + [Substring(future), Substring(earlier)]).joined(separator: "\n").appending("\n").utf8).write(to: path)
        let status = try ProgressBinary.run(["status", "--scenario", "scenario.yml"], in: folder)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Event times to check (2; a machine's clock may be wrong)\n"))
        #expect(status.stdout.contains("  line 3: prepare.storage-layout at 2999-01-01T00:00:00Z is later than now ("))
        #expect(status.stdout.contains("  line 4: prepare.storage-layout at 2000-01-01T00:00:00Z is earlier than the event before it (2999-01-01T00:00:00Z)\n"))
    }

    /// Another writer holds the lock: after a second the command says it is waiting, then records once it may.
    @Test func waitingForAnotherWritersLockIsSaid() throws {
        let folder = try ProgressBinary.folderWithScenario()
        _ = try ProgressBinary.run(["tick", "prepare.storage-layout", "--scenario", "scenario.yml"], in: folder)
        let lock = open(folder.appendingPathComponent(Self.log + ".lock").path, O_RDONLY)
        #expect(flock(lock, LOCK_EX) == 0)
        let process = Process()
        process.executableURL = BuiltBinary.url
        process.arguments = ["tick", "prepare.versions", "--scenario", "scenario.yml"]
        process.currentDirectoryURL = folder
        let err = Pipe(), out = Pipe()
        process.standardError = err
        process.standardOutput = out
        try process.run()
        var stderr = Data()
        while !String(decoding: stderr, as: UTF8.self).contains("\n") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            stderr.append(chunk)
        }
        #expect(String(decoding: stderr, as: UTF8.self) == "note: waiting for another c8runbook writing 'c8runbook-progress.json' to finish (lock 'c8runbook-progress.json.lock')\n")
        #expect(process.isRunning, "it waits for the lock")
        flock(lock, LOCK_UN)
        close(lock)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try ProgressCommandsTests.lines(folder.appendingPathComponent(Self.log)).count == 3)
    }
}
