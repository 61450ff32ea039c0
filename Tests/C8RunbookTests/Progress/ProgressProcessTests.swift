import Foundation
import Testing
@testable import C8Runbook

/// Durability across processes: concurrent writers and writers killed at any moment.
@Suite struct ProgressProcessTests {
    /// Not a test of its own: the body of the worker processes the tests below start (skipped in a normal run).
    @Test(.enabled(if: ProgressWorker.request != nil)) func progressWorker() throws {
        try ProgressWorker.run(try #require(ProgressWorker.request))
    }

    @Test(.enabled(if: ProgressWorker.canSpawn), .timeLimit(.minutes(5)))  // a guard against a hang, not a timing: two writers take ~40 s on a loaded 2-core machine
    func twoProcessesTicking500TimesEachRecord1000Events() throws {
        let folder = ProgressFixtures.folder(memory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("progress.json").path
        let workers = try ["one", "two"].map { try ProgressWorker.spawn(path: path, by: $0, count: 500) }
        workers.forEach { $0.waitUntilExit() }
        #expect(workers.map(\.terminationStatus) == [0, 0])
        let events = try #require(try ProgressStore(path: path).load()).events
        #expect(events.count == 1000)
        #expect(events.filter { $0.by == "one" }.count == 500)
        #expect(events.filter { $0.by == "two" }.count == 500)
        // They really ran at the same time: the two writers' events interleave.
        let switches = zip(events, events.dropFirst()).filter { $0.by != $1.by }.count
        #expect(switches > 1)
    }

    /// Start a writer, wait until it has recorded a tick, then SIGKILL it: in odd rounds at once (mostly while it
    /// reads), in even rounds as soon as the file grows again (while it appends and flushes). After every kill the
    /// file must read back with every earlier event, and whatever a kill cut short is at most a torn last line that
    /// the next writer cuts. It runs on the disk, not in memory: a real fsync keeps the write window open.
    @Test(.enabled(if: ProgressWorker.canSpawn), .timeLimit(.minutes(5)))  // a guard against a hang, not a timing: two writers take ~40 s on a loaded 2-core machine
    func aWriterKilledAtAnyMomentNeverLeavesAnUnreadableFile() throws {
        let folder = ProgressFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("progress.json").path
        let store = ProgressStore(path: path)
        var recorded: [ProgressEvent] = []
        var round = 0
        while round < 8 {
            let worker = try ProgressWorker.spawn(path: path, by: "round\(round)", count: 0)
            let deadline = Date().addingTimeInterval(20)
            // A state, not a time: the writer has made progress (and so replaced any leftover temporary file).
            while (try store.load()?.events.count ?? 0) <= recorded.count && Date() < deadline { usleep(200) }
            if round % 2 == 0 {
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                while ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) == size && Date() < deadline {}
            }
            kill(worker.processIdentifier, SIGKILL)
            worker.waitUntilExit()
            #expect(worker.terminationReason == .uncaughtSignal)
            let file = try #require(try store.load(), "round \(round): the file is unreadable")
            #expect(file.events.count > recorded.count, "round \(round): the writer made no progress")
            #expect(Array(file.events.prefix(recorded.count)) == recorded, "round \(round): earlier events changed")
            recorded = file.events
            round += 1
        }
        // Each round's ticks come after the previous round's.
        let rounds = recorded.map { Int($0.by.dropFirst("round".count))! }
        #expect(rounds == rounds.sorted())
        #expect(Set(rounds) == Set(0..<round))
    }
}
