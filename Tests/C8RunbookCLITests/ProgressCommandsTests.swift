import Foundation
import Testing

/// `tick`, `untick`, `status`, `next` and `generate --progress`, run as the built binary.
@Suite(.enabled(if: ProgressBinary.available)) struct ProgressCommandsTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Every line of a version-2 log, as JSON objects.
    static func lines(_ url: URL) throws -> [[String: Any]] {
        try String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map { try json(String($0)) }
    }

    @Test func tickWritesBesideTheScenarioAndStatusReadsIt() throws {
        let folder = try ProgressBinary.folderWithScenario()
        let tick = try ProgressBinary.run(["tick", "prepare.storage-layout", "--scenario", "scenario.yml", "--by", "alice", "--note", "both ES checked"], in: folder)
        #expect(tick.status == 0, "\(tick.stderr)")
        #expect(tick.stdout.hasPrefix("ticked prepare.storage-layout (alice, "))
        #expect(tick.stdout.contains("required steps done; next: prepare.versions\n"))
        let file = folder.appendingPathComponent("c8runbook-progress.json")
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(FileManager.default.fileExists(atPath: file.path + ".lock"))

        let status = try ProgressBinary.run(["status", "--scenario", "scenario.yml"], in: folder)
        #expect(status.status == 0)
        #expect(status.stdout.hasPrefix("c8runbook-progress.json: 1 of "))
        #expect(status.stdout.contains("prepare.storage-layout  alice at "))
        #expect(status.stdout.contains("“both ES checked”"))
        #expect(!status.stdout.contains("█"), "no bars when standard output is not a terminal")
        // The hint names the scenario as given, so that it works pasted where status ran (a bare 'c8runbook next'
        // finds no log from another folder).
        #expect(status.stdout.hasSuffix("('c8runbook next --scenario scenario.yml' shows the commands)\n"), "\(status.stdout)")

        let report = try Self.json(try ProgressBinary.run(["status", "--scenario", "scenario.yml", "--format", "json"], in: folder).stdout)
        #expect((report["required"] as? [String: Int])?["done"] == 1)
        #expect(report["next"] as? [String] == ["prepare.versions"])

        let next = try ProgressBinary.run(["next", "--scenario", "scenario.yml"], in: folder)
        #expect(next.stdout.hasPrefix("Next (prepare): 1 step\n\n== prepare.versions: "))
        #expect(next.stdout.hasSuffix("When done: c8runbook tick --scenario scenario.yml prepare.versions\n"), "the tick command names the same scenario")
    }

    /// Without a log and without --scenario, a tick started a log for the built-in example (Camunda's reference
    /// clusters) with only a note; a team noticed at its next command. Now refused (64), nothing written.
    @Test func withoutALogOrAScenarioNothingIsStarted() throws {
        let folder = try ProgressBinary.folderWithScenario()
        for command in [["tick", "prepare.storage-layout"], ["untick", "prepare.storage-layout"], ["status"], ["next"]] {
            let result = try ProgressBinary.run(command, in: folder)
            #expect(result.status == 64, "\(command)")
            #expect(result.stderr == "c8runbook-progress.json: error: no progress log yet, and no --scenario to start one with: give --scenario with your deployment's scenario file (c8runbook init writes one; c8runbook example -o FILE writes the built-in example's); nothing was written\n", "\(command)")
            #expect(result.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("c8runbook-progress.json").path))
    }

    @Test func theProgressFileIsBesideTheScenarioUnlessGiven() throws {
        let folder = try ProgressBinary.folderWithScenario()
        let tick = try ProgressBinary.run(["tick", "prepare.storage-layout", "--scenario", "scenario.yml"], in: folder)
        #expect(tick.status == 0, "\(tick.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("c8runbook-progress.json").path))
        let explicit = try ProgressBinary.run(["tick", "prepare.storage-layout", "--scenario", "scenario.yml", "--progress", "elsewhere.json"], in: folder)
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("elsewhere.json").path))
    }

    /// `values.write-files` names the scenario file in its command: however the path is typed, a tick stays valid,
    /// while `next` shows the command with the path as typed.
    @Test func theScenarioPathAsTypedDoesNotMakeTicksStale() throws {
        let folder = try ProgressBinary.folderWithScenario()
        _ = try ProgressBinary.run(["tick", "prepare.storage-layout", "--scenario", "./scenario.yml"], in: folder)
        let absolute = folder.appendingPathComponent("scenario.yml").path
        let next = try ProgressBinary.run(["next", "--all", "--scenario", absolute], in: folder)
        #expect(next.stdout.contains("\nc8runbook values --scenario \(absolute) "))
        let tick = try ProgressBinary.run(["tick", "values.write-files", "--scenario", "./scenario.yml"], in: folder)
        #expect(tick.status == 0, "\(tick.stderr)")
        let report = try Self.json(try ProgressBinary.run(["status", "--format", "json", "--scenario", absolute], in: folder).stdout)
        #expect((report["stale"] as? [Any])?.isEmpty == true)
        #expect((report["required"] as? [String: Int])?["done"] == 2)
    }

    @Test func anUnknownStepIsAUsageErrorWithSuggestions() throws {
        let folder = try ProgressBinary.folderWithScenario()
        let result = try ProgressBinary.run(["tick", "upgrade.helm.regoin0", "--scenario", "scenario.yml"], in: folder)
        #expect(result.status == 64)
        #expect(result.stderr == "error: no step 'upgrade.helm.regoin0' in this runbook (did you mean 'upgrade.helm.region0', 'upgrade.helm.region1', 'upgrade.helm-repo'?)\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("c8runbook-progress.json").path))
    }

    @Test func theGuardrailRefusesAndForceRecords() throws {
        let folder = try ProgressBinary.folderWithScenario()
        _ = try ProgressBinary.run(["tick", "prepare.storage-layout", "--scenario", "scenario.yml"], in: folder)
        let path = folder.appendingPathComponent("c8runbook-progress.json")
        let before = try Data(contentsOf: path)
        let refused = try ProgressBinary.run(["tick", "post.exporters.disable", "--scenario", "scenario.yml"], in: folder)
        #expect(refused.status == 3)
        #expect(refused.stderr == "error: cannot tick 'post.exporters.disable': 'migration.watch', 'migration.complete.region0', 'migration.complete.region1' and 'post.precondition' are not done (O5: Legacy exporters are disabled only after every data-migration job is Complete, and only if Optimize is not used.); tick those first, or use --force to record it anyway\n")
        #expect(try Data(contentsOf: path) == before)

        let forced = try ProgressBinary.run(["tick", "post.exporters.disable", "--force", "--by", "carol", "--scenario", "scenario.yml"], in: folder)
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("warning: ticked 'post.exporters.disable' with --force: 'migration.watch', 'migration.complete.region0', 'migration.complete.region1' and 'post.precondition' are not done (O5: "))
        let events = try Self.lines(path).dropFirst()
        #expect(events.last?["forced"] as? Bool == true && events.last?["by"] as? String == "carol")
    }

    @Test(arguments: ["{ \"formatVersion\": 1, \"runbookFing", "{\"formatVersion\": 9, \"events\": []}", "{\"name\": \"left-pad\"}", "garbage"])
    func aFileThatIsNotProgressIsRefusedAndLeftAlone(_ content: String) throws {
        let folder = try ProgressBinary.folderWithScenario()
        let path = folder.appendingPathComponent("c8runbook-progress.json")
        try Data(content.utf8).write(to: path)
        for command in [["tick", "prepare.storage-layout"], ["untick", "prepare.storage-layout"], ["status"], ["next"]] {
            let result = try ProgressBinary.run(command + ["--scenario", "scenario.yml"], in: folder)
            #expect(result.status == 65, "\(command): \(result.stderr)")
            #expect(result.stderr.hasPrefix("c8runbook-progress.json: error: "))
            #expect(result.stderr.hasSuffix("it was left untouched\n"))
            #expect(result.stdout.isEmpty)
        }
        #expect(try Data(contentsOf: path) == Data(content.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            == ["c8runbook-progress.json", "scenario.yml"], "refused before the lock: nothing is created")
    }

    @Test func requireCompleteFailsWhileARequiredStepIsOpen() throws {
        let folder = try ProgressBinary.folderWithScenario()
        let result = try ProgressBinary.run(["status", "--require-complete", "--scenario", "scenario.yml"], in: folder)
        #expect(result.status == 3)
        #expect(result.stderr.hasSuffix(" required steps are still open\n"))
    }

    @Test func generateShowsTheTicks() throws {
        let folder = try ProgressBinary.folderWithScenario()
        _ = try ProgressBinary.run(["tick", "prepare.storage-layout", "--by", "alice", "--scenario", "scenario.yml"], in: folder)
        let result = try ProgressBinary.run(["generate", "--scenario", "scenario.yml", "--progress", "c8runbook-progress.json"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("- [x] `prepare.storage-layout` · "))
        #expect(result.stdout.contains(" · done by alice at "))
        #expect(result.stdout.contains("- [ ] `prepare.versions` · "))
        let missing = try ProgressBinary.run(["generate", "--scenario", "scenario.yml", "--progress", "nope.json"], in: folder)
        #expect(missing.status == 66 && missing.stderr.hasSuffix("nope.json: error: no such progress file\n"))
        let json = try ProgressBinary.run(["generate", "--format", "json", "--progress", "c8runbook-progress.json"], in: folder)
        #expect(json.status == 64)
    }

    /// Two shells ticking at the same moment through the real command: every tick is recorded.
    @Test func twoShellsTickingAtOnceAreBothRecorded() throws {
        let folder = try ProgressBinary.folderWithScenario()
        _ = try ProgressBinary.run(["tick", "prepare.storage-layout", "--scenario", "scenario.yml"], in: folder)
        let shells = ["prepare.storage-version.region0", "prepare.storage-version.region1"].map { step in
            Thread.detachNewThreadAndReturn {
                (0..<8).map { _ in (try? ProgressBinary.run(["tick", step, "--scenario", "scenario.yml"], in: folder).status) ?? -1 }
            }
        }
        #expect(shells.map { $0.wait() } == [[Int32]](repeating: [Int32](repeating: 0, count: 8), count: 2))
        #expect(try Self.lines(folder.appendingPathComponent("c8runbook-progress.json")).count == 18, "the header and 17 events")
    }
}

/// A thread whose result can be awaited: the two "shells" above run side by side.
final class ThreadResult<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: T?

    func set(_ value: T) {
        condition.lock()
        self.value = value
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> T {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}

extension Thread {
    static func detachNewThreadAndReturn<T: Sendable>(_ body: @escaping @Sendable () -> T) -> ThreadResult<T> {
        let result = ThreadResult<T>()
        Thread.detachNewThread { result.set(body()) }
        return result
    }
}

@Suite struct GenerateWithProgressTests {
    @Test func htmlAndMarkdownShowWhoTickedWhat() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: BuiltBinary.packageRoot.appendingPathComponent("Runbooks/reference/scenario.yml"),
                                         to: folder.appendingPathComponent("scenario.yml"))
        let tick = try BuiltBinary.run(["tick", "--scenario", "scenario.yml", "prepare.storage-layout", "--by", "alice <ops>"], in: folder)
        #expect(tick.status == 0, "\(tick.stderr)")
        let html = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "--format", "html", "--progress", "c8runbook-progress.json"], in: folder)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.components(separatedBy: "checked=\"checked\"").count == 2, "one box ticked")
        #expect(html.stdout.contains("Done by <strong>alice &lt;ops&gt;</strong> at "))
        #expect(html.stdout.contains("<section class=\"step ticked\" id=\"prepare.storage-layout\">"), "the section is marked, not given the checkbox's class")
        let markdown = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "--progress", "c8runbook-progress.json"], in: folder)
        #expect(markdown.stdout.contains("- [x] `prepare.storage-layout` · once, for both regions · R07 · read-only · done by alice \\<ops\\> at "))
        #expect(markdown.stdout.contains("- [ ] `prepare.versions`"))
    }
}
