import Foundation
import Testing
@testable import C8Runbook

/// Durability across processes: concurrent writers and writers killed at any moment.
@Suite struct ProgressProcessTests {
    /// Not a test of its own: the body of the worker processes the tests below start (skipped in a normal run).
    @Test(.enabled(if: ProgressWorker.request != nil)) func progressWorker() throws {
        try ProgressWorker.run(try #require(ProgressWorker.request))
    }

    @Test(.enabled(if: ProgressWorker.canSpawn), .timeLimit(.minutes(1)))
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

    static let rounds = 12

    /// Start a writer, let it record a few ticks, SIGKILL it — mid-write as often as not — and read the file.
    @Test(.enabled(if: ProgressWorker.canSpawn), .timeLimit(.minutes(1)))
    func aWriterKilledAtAnyMomentNeverLeavesAnUnreadableFile() throws {
        let folder = ProgressFixtures.folder(memory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("progress.json").path
        let store = ProgressStore(path: path)
        var recorded = 0
        for round in 0..<Self.rounds {
            let worker = try ProgressWorker.spawn(path: path, by: "round\(round)", count: 0)
            // Wait until the writer has appended 1 to 4 more events (a state, not a time), then kill it.
            let target = recorded + 1 + round % 4
            let deadline = Date().addingTimeInterval(20)
            while (try store.load()?.events.count ?? 0) < target {
                #expect(Date() < deadline, "the writer made no progress")
                if Date() >= deadline { break }
                usleep(500)
            }
            kill(worker.processIdentifier, SIGKILL)
            worker.waitUntilExit()
            #expect(worker.terminationReason == .uncaughtSignal)
            let file = try #require(try store.load(), "round \(round): the file is unreadable")
            #expect(file.events.count >= target)
            #expect(file.events.prefix(recorded).allSatisfy { $0.by.hasPrefix("round") })
            recorded = file.events.count
        }
        // The survivors' history is intact and in order: every round's ticks come after the previous round's.
        let rounds = try #require(try store.load()).events.map { Int($0.by.dropFirst("round".count))! }
        #expect(rounds == rounds.sorted())
        #expect(Set(rounds) == Set(0..<Self.rounds))
    }
}
