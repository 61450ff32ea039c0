import Foundation
@testable import C8Runbook

/// Runbooks, clocks and folders for the progress tests.
enum ProgressFixtures {
    static let referenceYAML = Scenario.exampleYAML

    /// The runbook of the reference scenario, planned once.
    static let reference: Runbook = runbook(referenceYAML)

    static func runbook(_ yaml: String) -> Runbook {
        Planner().plan(try! Scenario.parse(yaml: yaml, file: "scenario.yml"))
    }

    static let clock = ProgressClock.fixed(Date(timeIntervalSince1970: 1_795_000_000))  // 2026-11-19T…Z

    static func recorder(_ runbook: Runbook = reference) -> ProgressRecorder {
        ProgressRecorder(runbook: runbook, clock: clock, host: "test-host")
    }

    /// A fresh empty folder under the temporary directory, or in memory (/dev/shm) when `memory` and the system has
    /// one: the process tests write thousands of times, and fsync on a real disk costs milliseconds each.
    static func folder(memory: Bool = false) -> URL {
        let shm = URL(fileURLWithPath: "/dev/shm")
        let base = memory && FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        let url = base.appendingPathComponent("c8runbook-progress-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Ticks `ids` in order (forcing nothing) and returns the file.
    static func ticked(_ ids: [String], runbook: Runbook = reference, by: String = "alice") throws -> ProgressFile {
        var file = ProgressFile(runbookFingerprint: runbook.fingerprint)
        for id in ids {
            _ = try recorder(runbook).apply(.init(action: .tick, steps: [id], by: by), to: &file)
        }
        return file
    }

    /// Ticks whatever `next` offers until `stop` says so; returns the file. Fails after 200 rounds.
    static func walk(_ runbook: Runbook = reference, until stop: (ProgressState) -> Bool) throws -> ProgressFile {
        var file = ProgressFile(runbookFingerprint: runbook.fingerprint)
        for _ in 0..<200 {
            let state = ProgressState(runbook: runbook, file: file)
            if stop(state) || state.next().isEmpty { return file }
            _ = try recorder(runbook).apply(.init(action: .tick, steps: state.next().map(\.id), by: "walker"), to: &file)
        }
        return file
    }

    /// The reference scenario with one line replaced.
    static func referenceReplacing(_ old: String, with new: String) -> String {
        precondition(referenceYAML.contains(old), "the reference scenario has no '\(old)'")
        return referenceYAML.replacingOccurrences(of: old, with: new)
    }
}
