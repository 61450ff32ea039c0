import Foundation
@testable import C8Runbook

/// A second process for the durability tests: this test binary run again with `--filter progressWorker` and
/// `C8RUNBOOK_PROGRESS_WORKER=path|name|count` in its environment. It ticks one step `count` times (0: until
/// killed) through `ProgressStore` and `ProgressRecorder`, exactly as `c8runbook tick` does, but without planning
/// the runbook for every tick, so that a thousand ticks take seconds.
enum ProgressWorker {
    static let environmentKey = "C8RUNBOOK_PROGRESS_WORKER"
    static let step = "prepare.storage-layout"

    struct Request {
        var path: String
        var by: String
        var count: Int
    }

    static var request: Request? {
        guard let value = ProcessInfo.processInfo.environment[environmentKey] else { return nil }
        let parts = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let count = Int(parts[2]) else { return nil }
        return Request(path: parts[0], by: parts[1], count: count)
    }

    /// This test binary, when it can be run again (Linux: /proc/self/exe of an `.xctest` executable).
    static let executable: URL? = {
        let url = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return FileManager.default.isExecutableFile(atPath: url.path) && url.path.hasSuffix(".xctest") ? url : nil
    }()

    static var canSpawn: Bool { executable != nil && request == nil }

    static func run(_ request: Request) throws {
        let runbook = ProgressFixtures.reference
        let store = ProgressStore(path: request.path)
        let recorder = ProgressRecorder(runbook: runbook, host: "worker")
        let fingerprint = runbook.fingerprint
        var done = 0
        while request.count == 0 || done < request.count {
            _ = try store.update(runbookFingerprint: fingerprint) { (file: inout ProgressLog) throws(ProgressError) in
                try recorder.apply(.init(action: .tick, steps: [step], by: request.by), to: &file)
            }
            done += 1
        }
    }

    static func spawn(path: String, by: String, count: Int) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--testing-library", "swift-testing", "--filter", "progressWorker"]
        var environment = ProcessInfo.processInfo.environment
        environment[environmentKey] = "\(path)|\(by)|\(count)"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
