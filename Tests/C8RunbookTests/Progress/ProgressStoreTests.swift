import Foundation
import Testing
@testable import C8Runbook

@Suite struct ProgressStoreTests {
    static let runbook = ProgressFixtures.reference

    static func tick(_ ids: [String], in store: ProgressStore, force: Bool = false) throws(ProgressError) -> [ProgressRecorder.Outcome] {
        try store.update(runbookFingerprint: runbook.fingerprint) { (file: inout ProgressLog) throws(ProgressError) in
            try ProgressFixtures.recorder().apply(.init(action: .tick, steps: ids, by: "alice", force: force), to: &file)
        }
    }

    @Test func theFirstTickCreatesTheFileAndLaterTicksAppend() throws {
        let folder = ProgressFixtures.folder()
        let store = ProgressStore(path: folder.appendingPathComponent("progress.json").path)
        #expect(try store.load() == nil)
        _ = try Self.tick(["prepare.storage-layout"], in: store)
        _ = try Self.tick(["prepare.versions", "prepare.keep-setup"], in: store)
        let file = try #require(try store.load())
        #expect(file.events.map(\.step) == ["prepare.storage-layout", "prepare.versions", "prepare.keep-setup"])
        #expect(file.runbookFingerprint == Self.runbook.fingerprint)
        #expect(file.events.allSatisfy { $0.at == ProgressFixtures.clock.timestamp() && $0.host == "test-host" && $0.by == "alice" })
        #expect(FileManager.default.fileExists(atPath: store.lockPath))
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["progress.json", "progress.json.lock"])
    }

    @Test func timesAreUTCToTheSecond() {
        #expect(ProgressClock.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(ProgressClock.format(Date(timeIntervalSince1970: 1_795_000_000.7)) == "2026-11-18T11:06:40Z")
        #expect(ProgressClock.isTimestamp("2026-11-18T11:06:40Z") && !ProgressClock.isTimestamp("2026-11-18 09:46"))
    }

    @Test func aRefusedRequestWritesNothing() throws {
        let store = ProgressStore(path: ProgressFixtures.folder().appendingPathComponent("progress.json").path)
        _ = try Self.tick(["prepare.storage-layout"], in: store)
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        // The second id is blocked (O5): the first, which is fine on its own, is not recorded either.
        #expect(throws: ProgressError.self) { try Self.tick(["prepare.versions", "post.exporters.disable"], in: store) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == before)
    }

    /// Every refused kind of file is left byte for byte as it was, and no temporary file appears.
    @Test(arguments: ProgressFileCodecTests.refused.indices) func aFileThatIsNotProgressIsNeverOverwritten(_ index: Int) throws {
        let (name, text, matches) = ProgressFileCodecTests.refused[index]
        let folder = ProgressFixtures.folder()
        let path = folder.appendingPathComponent("p.json").path
        let original = Data(text.utf8)
        try original.write(to: URL(fileURLWithPath: path))
        let store = ProgressStore(path: path)
        do {
            _ = try Self.tick(["prepare.storage-layout"], in: store)
            Issue.record("\(name): the file was accepted")
        } catch {
            let relocated: ProgressError = switch error {
            case let .invalid(_, at, reason): .invalid(path: "p.json", at: at, reason: reason)
            case let .invalidLine(location, reason): .invalidLine(C8Runbook.SourceLocation(file: "p.json", line: location.line, column: location.column), reason: reason)
            case let .futureVersion(_, version): .futureVersion(path: "p.json", version: version)
            default: error
            }
            #expect(matches(relocated), "\(name): \(error)")
            #expect(error.exitStatus == .dataError)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original, "\(name): the file changed")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".p.json.tmp").path))
    }

    @Test func aFolderOrAMissingDirectoryIsAnIOError() throws {
        let folder = ProgressFixtures.folder()
        #expect(throws: ProgressError.io(path: folder.path, reason: "not a regular file")) {
            _ = try ProgressStore(path: folder.path).load()
        }
        let nowhere = ProgressStore(path: folder.appendingPathComponent("missing/p.json").path)
        #expect {
            _ = try Self.tick(["prepare.storage-layout"], in: nowhere)
        } throws: { error in
            guard let error = error as? ProgressError, case let .io(path, reason) = error else { return false }
            return path == nowhere.path && reason == "cannot create the progress file: no folder '\(folder.path)/missing'"
                && error.exitStatus == .cannotCreate
        }
    }

    @Test func aRequestThatRecordsNothingCreatesNoFile() throws {
        let store = ProgressStore(path: ProgressFixtures.folder().appendingPathComponent("p.json").path)
        let outcomes = try store.update(runbookFingerprint: Self.runbook.fingerprint) { (file: inout ProgressLog) throws(ProgressError) in
            try ProgressFixtures.recorder().apply(.init(action: .untick, steps: ["prepare.versions"], by: "alice"), to: &file)
        }
        #expect(outcomes == [.notTicked(step: "prepare.versions")])
        #expect(!FileManager.default.fileExists(atPath: store.path))
    }

    @Test func aRewriteKeepsTheFilesPermissions() throws {
        let store = ProgressStore(path: ProgressFixtures.folder().appendingPathComponent("p.json").path)
        _ = try Self.tick(["prepare.storage-layout"], in: store)
        try FileManager.default.setAttributes([.posixPermissions: 0o664], ofItemAtPath: store.path)
        _ = try Self.tick(["prepare.versions"], in: store)
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o664)
        #expect(try store.load()?.events.count == 2)
    }

    @Test func aLeftoverTemporaryFileFromAKilledWriterIsReplaced() throws {
        let folder = ProgressFixtures.folder()
        let store = ProgressStore(path: folder.appendingPathComponent("p.json").path)
        try Data("{ half a file".utf8).write(to: folder.appendingPathComponent(".p.json.tmp"))
        _ = try Self.tick(["prepare.storage-layout"], in: store)
        #expect(try store.load()?.events.count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".p.json.tmp").path))
    }

    /// Two threads with their own lock descriptors exclude each other like two processes do (flock locks belong to
    /// the open file description). The process-level test is in ProgressProcessTests.
    @Test func concurrentWritersInOneProcessLoseNothing() async throws {
        let store = ProgressStore(path: ProgressFixtures.folder().appendingPathComponent("p.json").path)
        _ = try Self.tick(["prepare.storage-layout"], in: store)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for step in ["prepare.versions", "prepare.keep-setup"] {
                group.addTask {
                    for _ in 0..<50 { _ = try Self.tick([step], in: store) }
                }
            }
            try await group.waitForAll()
        }
        let events = try #require(try store.load()).events
        #expect(events.count == 101)
        #expect(events.filter { $0.step == "prepare.versions" }.count == 50)
    }
}
