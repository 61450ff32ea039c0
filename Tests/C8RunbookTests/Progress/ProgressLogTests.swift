import Foundation
import Testing
@testable import C8Runbook

/// Format version 2: appended lines, torn last lines, the deployment a log belongs to, conversion of version 1.
@Suite struct ProgressLogTests {
    static let runbook = ProgressFixtures.reference
    static let deployment = ProgressDeployment(runbook.scenario)

    static func tick(_ ids: [String], in store: ProgressStore, deployment: ProgressDeployment? = deployment,
                     scenario: String? = "/teams/payments/scenario.yml", force: Bool = false) throws(ProgressError) {
        _ = try store.update(runbookFingerprint: runbook.fingerprint, deployment: deployment, scenario: scenario) { (log: inout ProgressLog) throws(ProgressError) in
            try ProgressFixtures.recorder().apply(.init(action: .tick, steps: ids, by: "alice", force: force), to: &log)
        }
    }

    /// Bytes, mode, owner, group and inode: what "untouched" means.
    struct Snapshot: Equatable {
        var bytes: Data, mode: mode_t, uid: uid_t, gid: gid_t, inode: ino_t

        init(_ path: String) throws {
            var status = stat()
            guard stat(path, &status) == 0 else { throw CocoaError(.fileNoSuchFile) }
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            mode = status.st_mode
            uid = status.st_uid
            gid = status.st_gid
            inode = status.st_ino
        }
    }

    @Test func eachTickAppendsOneLineAfterAHeaderThatRecordsTheDeployment() throws {
        let folder = ProgressFixtures.folder()
        let store = ProgressStore(path: folder.appendingPathComponent("p.json").path)
        try Self.tick(["prepare.storage-layout"], in: store)
        let first = try Snapshot(store.path)
        try Self.tick(["prepare.versions"], in: store)
        let second = try Snapshot(store.path)
        #expect(second.inode == first.inode, "appended in place, not replaced")
        #expect(second.bytes.prefix(first.bytes.count) == first.bytes, "earlier bytes unchanged")
        let lines = String(decoding: second.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[0] == #"{"deployment":{"regions":[{"kubeContext":"cluster-london","namespace":"camunda-london"},{"kubeContext":"cluster-paris","namespace":"camunda-paris"}],"release":"camunda","storage":"elasticsearch per-region"},"formatVersion":2,"scenario":"/teams/payments/scenario.yml"}"#)
        #expect(lines[2].hasPrefix(#"{"action":"tick","at":"#) && lines[2].hasSuffix(#","runbook":"\#(Self.runbook.fingerprint)","step":"prepare.versions"}"#))
        let file = try #require(try store.load())
        #expect(file.deployment == Self.deployment && file.scenario == "/teams/payments/scenario.yml")
        #expect(file.events.map(\.step) == ["prepare.storage-layout", "prepare.versions"])
    }

    /// A crash mid-write leaves a line without its line feed: readers leave it out, the next writer cuts it, and
    /// every complete event stays.
    @Test(arguments: [#"{"action":"tick","at":"2026-11-1"#, "{", #"{"action":"tick","at":"2026-11-19T00:00:00Z","by":"x","contentHash":"0","forced":false,"host":"h","step":"prepare.keep-setup"}"#])
    func aTornLastLineIsIgnoredAndCutByTheNextWriter(_ torn: String) throws {
        let folder = ProgressFixtures.folder()
        let store = ProgressStore(path: folder.appendingPathComponent("p.json").path)
        try Self.tick(["prepare.storage-layout"], in: store)
        let complete = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: store.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(torn.utf8))
        try handle.close()
        #expect(try store.load()?.events.map(\.step) == ["prepare.storage-layout"])
        #expect(try store.scan()?.count == 1)
        try Self.tick(["prepare.versions"], in: store)
        let after = try Data(contentsOf: URL(fileURLWithPath: store.path))
        #expect(after.prefix(complete.count) == complete)
        #expect(!String(decoding: after, as: UTF8.self).contains(torn + "\n") || torn.hasSuffix("}") == false)
        #expect(try store.load()?.events.map(\.step) == ["prepare.storage-layout", "prepare.versions"])
        #expect(String(decoding: after, as: UTF8.self).split(separator: "\n").count == 3)
    }

    @Test func aBrokenLineBeforeTheLastIsRefusedAndTheFileLeftUntouched() throws {
        let folder = ProgressFixtures.folder()
        let store = ProgressStore(path: folder.appendingPathComponent("p.json").path)
        try Self.tick(["prepare.storage-layout"], in: store)
        try Self.tick(["prepare.versions"], in: store)
        var text = try String(contentsOf: URL(fileURLWithPath: store.path), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"action\":\"tick\"", with: "\"action\":\"done\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.path))
        let before = try Snapshot(store.path)
        #expect(throws: ProgressError.invalidLine(C8Runbook.SourceLocation(file: store.path, line: 2, column: 11), reason: "'action': expected 'tick' or 'untick'")) {
            try Self.tick(["prepare.keep-setup"], in: store)
        }
        #expect(try Snapshot(store.path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["p.json", "p.json.lock"])
    }

    /// A hand edit in another JSON layout still reads, through the strict reader.
    @Test func aLineInAnotherLayoutIsReadStrictly() throws {
        let folder = ProgressFixtures.folder()
        let store = ProgressStore(path: folder.appendingPathComponent("p.json").path)
        try Self.tick(["prepare.storage-layout"], in: store)
        let text = try String(contentsOf: URL(fileURLWithPath: store.path), encoding: .utf8)
            .replacingOccurrences(of: "\"by\":\"alice\"", with: "\"by\" : \"al\\u0069ce\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.path))
        #expect(try store.scan()?.latest["prepare.storage-layout"]?.by == "alice")
        #expect(try store.load()?.events.first?.by == "alice")
    }

    @Test func aLogOfAnotherDeploymentIsRefusedNamingBoth() throws {
        let folder = ProgressFixtures.folder()
        let store = ProgressStore(path: folder.appendingPathComponent("p.json").path)
        try Self.tick(["prepare.storage-layout"], in: store)
        let before = try Snapshot(store.path)
        var other = Self.deployment
        other.regions[1].namespace = "camunda-berlin"
        #expect(throws: ProgressError.otherDeployment(path: store.path, recorded: Self.deployment, scenario: "/teams/other.yml", given: other)) {
            try Self.tick(["prepare.versions"], in: store, deployment: other, scenario: "/teams/other.yml")
        }
        #expect(try Snapshot(store.path) == before)
        let message = ProgressError.otherDeployment(path: "p.json", recorded: Self.deployment, scenario: "/teams/other.yml", given: other).description
        #expect(message == "p.json: error: this progress log tracks release 'camunda', region 0 'cluster-london' / 'camunda-london', region 1 'cluster-paris' / 'camunda-paris', elasticsearch per-region, not release 'camunda', region 0 'cluster-london' / 'camunda-london', region 1 'cluster-paris' / 'camunda-berlin', elasticsearch per-region of '/teams/other.yml'; give the log of that deployment with --progress; it was left untouched")
    }

    @Test func aSymlinkedLogIsLockedAndWrittenAtItsTarget() throws {
        let folder = ProgressFixtures.folder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("shared"), withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("shared/p.json").path
        let link = folder.appendingPathComponent("p.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "shared/p.json")
        let viaLink = ProgressStore(path: link)
        try Self.tick(["prepare.storage-layout"], in: viaLink)  // Creates the target through a dangling link.
        try Self.tick(["prepare.versions"], in: ProgressStore(path: target))
        try Self.tick(["prepare.keep-setup"], in: viaLink)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "shared/p.json", "the link is kept")
        #expect(try ProgressStore(path: target).load()?.events.count == 3)
        #expect(viaLink.lockPath == target + ".lock")
        #expect(!FileManager.default.fileExists(atPath: link + ".lock"), "one lock, beside the target")
    }

    @Test func modeSurvivesAppendsAndTheConversion() throws { try Self.ownership(otherOwner: false) }

    /// As root, the files belong to another user and group (uid and gid 1) before the tool writes them.
    @Test(.enabled(if: getuid() == 0, "needs root to give the files another owner and group"))
    func ownerAndGroupSurviveAppendsAndTheConversion() throws { try Self.ownership(otherOwner: true) }

    static func ownership(otherOwner isRoot: Bool) throws {
        let folder = ProgressFixtures.folder()
        let store = ProgressStore(path: folder.appendingPathComponent("p.json").path)
        try Self.tick(["prepare.storage-layout"], in: store)
        chmod(store.path, 0o660)
        let isRoot = getuid() == 0
        if isRoot { chown(store.path, 1, 1) }
        let before = try Snapshot(store.path)
        try Self.tick(["prepare.versions"], in: store)
        let after = try Snapshot(store.path)
        #expect((after.mode, after.uid, after.gid, after.inode) == (before.mode, before.uid, before.gid, before.inode))
        // A version-1 file is replaced by its conversion: a new inode, the same mode, owner and group.
        let v1 = folder.appendingPathComponent("v1.json").path
        try Data(contentsOf: TestPaths.file("Tests/C8RunbookTests/Progress/Fixtures/v1-reference.json")).write(to: URL(fileURLWithPath: v1))
        chmod(v1, 0o640)
        if isRoot { chown(v1, 1, 1) }
        let old = try Snapshot(v1)
        try Self.tick(["prepare.versions"], in: ProgressStore(path: v1))
        let converted = try Snapshot(v1)
        #expect((converted.mode, converted.uid, converted.gid) == (old.mode, old.uid, old.gid))
        if isRoot { #expect(converted.uid == 1 && converted.gid == 1) }
    }

    /// Real version-1 files written by the tool before version 2 (Fixtures/README.md): read as they are, and
    /// converted by the first write with every event kept.
    @Test(arguments: ["v1-reference.json", "v1-example.json"]) func versionOneLogsAreReadAndConvertedOnTheFirstWrite(_ name: String) throws {
        let original = try Data(contentsOf: TestPaths.file("Tests/C8RunbookTests/Progress/Fixtures/\(name)"))
        let v1 = try ProgressFile.decode(original, path: name)
        #expect(v1.formatVersion == 1 && !v1.events.isEmpty)
        let folder = ProgressFixtures.folder()
        let store = ProgressStore(path: folder.appendingPathComponent("p.json").path)
        try original.write(to: URL(fileURLWithPath: store.path))
        // Reading does not convert.
        let log = try #require(try store.scan())
        #expect(log.formatVersion == 1 && log.count == v1.events.count && log.scenario == nil && log.deployment == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == original)
        try Self.tick(["prepare.storage-layout"], in: store)
        let converted = try #require(try store.load())
        #expect(converted.formatVersion == 2)
        #expect(converted.deployment == Self.deployment && converted.scenario == "/teams/payments/scenario.yml")
        #expect(Array(converted.events.dropLast()) == v1.events, "every version-1 event kept as it was")
        #expect(converted.events.last?.step == "prepare.storage-layout" && converted.events.last?.runbook == Self.runbook.fingerprint)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: store.path)), as: UTF8.self).hasPrefix(#"{"deployment":{"#))
    }

    @Test func timesLaterThanTheClockOrEarlierThanTheEventBeforeAreReported() throws {
        func event(_ step: String, _ at: String) -> ProgressEvent {
            ProgressEvent(action: .tick, step: step, contentHash: "0", by: "alice", at: at, host: "h")
        }
        let file = ProgressFile(runbookFingerprint: "f", events: [
            event("a", "2026-11-19T10:00:00Z"), event("b", "2026-11-19T09:00:00Z"), event("c", "2099-01-01T00:00:00Z"), event("d", "2026-11-19T11:00:00Z"),
        ])
        let path = ProgressFixtures.folder().appendingPathComponent("p.json").path
        try file.encoded().write(to: URL(fileURLWithPath: path))
        let now = "2026-11-20T00:00:00Z"
        let scanned = try #require(try ProgressStore(path: path).scan(now: now))
        let expected = [
            ProgressLog.TimeIssue(kind: .outOfOrder, line: 3, step: "b", at: "2026-11-19T09:00:00Z", reference: "2026-11-19T10:00:00Z"),
            ProgressLog.TimeIssue(kind: .future, line: 4, step: "c", at: "2099-01-01T00:00:00Z", reference: now),
            ProgressLog.TimeIssue(kind: .outOfOrder, line: 5, step: "d", at: "2026-11-19T11:00:00Z", reference: "2099-01-01T00:00:00Z"),
        ]
        #expect(scanned.timeIssues == expected && scanned.timeIssueCount == 3)
        #expect(ProgressLog(file, now: now).timeIssues == expected, "the same from a whole file")
    }

    /// The one-pass scan and the whole-file reading agree on a log that walks the whole runbook.
    @Test func theScanAgreesWithTheWholeFile() throws {
        let file = try ProgressFixtures.walk { _ in false }
        let path = ProgressFixtures.folder().appendingPathComponent("p.json").path
        try file.encoded().write(to: URL(fileURLWithPath: path))
        let scanned = try #require(try ProgressStore(path: path).scan())
        let whole = ProgressLog(file)
        #expect(scanned.count == file.events.count && scanned.latest == whole.latest)
        #expect(ProgressState(runbook: Self.runbook, log: scanned).isComplete)
    }
}
