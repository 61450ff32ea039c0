import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A progress log on disk. Reading needs no lock (writers only append whole lines, or rename a whole new file into
/// place); every change happens while holding an exclusive lock on `<file>.lock`: read, let the change append
/// events, then append their lines with `O_APPEND` and `fsync`. Two operators ticking at the same moment are both
/// recorded; a crash leaves every complete line, and at most a torn last line that readers ignore and the next
/// writer cuts. A symlinked log is read, locked and written at its target.
public struct ProgressStore: Sendable {
    /// The path as given (in messages).
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// How much of a log a locked scan maps at once: more than a line may hold (`ProgressFile.maximumLine`), so that
    /// every run that starts at a line holds all of it or proves it too long.
    static let mappedRun = 1 << 22

    /// Where the log really is: the path with symbolic links followed (also a link to a file not made yet).
    public var target: String { DurableFile.resolve(path) }

    /// A separate lock file beside the target, because converting a version-1 log renames a new file over it:
    /// a lock on the data file itself would then be held on a file that is no longer there.
    public var lockPath: String { target + ".lock" }

    /// The whole log, every event built (tests, fuzzing); nil when there is no file.
    public func load() throws(ProgressError) -> ProgressFile? {
        guard let data = try DurableFile.read(target, limit: ProgressFile.maximumSize, name: path) else { return nil }
        return try ProgressFile.decode(data, path: path)
    }

    /// What the commands need of the log, in one pass over its bytes; nil when there is no file. `now` (the log's
    /// time format) reports events later than it.
    public func scan(now: String? = ProgressClock.system.timestamp()) throws(ProgressError) -> ProgressLog? {
        guard let file = try DurableFile.Reader(target, name: path) else { return nil }
        return try scan(file, now: now)
    }

    /// Only what the first line says: the deployment and scenario of a version-2 log (no event read; `count` 0),
    /// or, for a version-1 file, the whole file read as `scan` does. nil when there is no file.
    public func header() throws(ProgressError) -> ProgressLog? {
        guard let file = try DurableFile.Reader(target, name: path) else { return nil }
        if let first = try file.firstLine(limit: 64 * 1024), file.size <= ProgressFile.maximumSize,
           let header = try ProgressFile.readHeader(first, path: path) {
            return ProgressLog(deployment: header.deployment, scenario: header.scenario)
        }
        return try scan(file, now: nil)
    }

    /// `mappedRun`: the caller holds the lock, so no other writer can cut the file while it is read in place, that
    /// many bytes at a time (any size reads the same log; tests use small ones to put run ends everywhere).
    func scan(_ file: DurableFile.Reader, now: String?, mappedRun: Int? = nil) throws(ProgressError) -> ProgressLog {
        let first = try file.firstLine(limit: 64 * 1024)
        if file.size == 0 { throw .corrupt(path: path, reason: "the file is empty") }
        if file.size > ProgressFile.maximumSize { throw .corrupt(path: path, reason: "larger than \(ProgressFile.maximumSize >> 20) MiB") }
        guard let first, let header = try ProgressFile.readHeader(first, path: path) else {
            let data = try file.all(limit: ProgressFile.maximumSize)
            let version1 = try ProgressFile.decodeVersion1(data, path: path)
            var log = ProgressLog(version1, now: now)
            log.version1 = version1
            log.completeLength = data.count
            return log
        }
        var scanner = LogScanner(header: header, path: path, now: now)
        if let mappedRun {
            // Read in place rather than copied, a run at a time (memory stays flat), each run from the line the one
            // before left unfinished. What no run finishes (a torn last line, a line too long, a file that cannot be
            // mapped) is read below, as without the lock.
            while scanner.consumed < file.size {
                let before = scanner.consumed
                let done: Void? = try file.withMapping(offset: before, count: min(mappedRun, file.size - before)) { bytes throws(ProgressError) in
                    try scanner.lines(bytes)
                }
                if done == nil || scanner.consumed == before { break }
            }
        }
        try file.seek(to: scanner.consumed)
        try scanner.read { buffer throws(ProgressError) in try file.read(into: buffer) }
        return try scanner.finish(fetch: { offset, length throws(ProgressError) in try file.read(at: offset, count: length) })
    }

    /// Reads the log under the lock (an empty log for `deployment` when there is none), refuses a log of another
    /// deployment, lets `change` append events, and writes them: appended to a version-2 log; a version-1 log (or a
    /// new one) is written whole as version 2 and renamed into place, keeping the file's owner, group and mode.
    /// Every appended event is stamped with `runbookFingerprint`. A file that is not valid progress, or of another
    /// deployment, is refused before `change` runs and never written; when `change` throws, nothing is written.
    /// `deployment` nil: not checked (tests). `waiting` is called once when another writer has held the lock for a
    /// second.
    public func update<Result>(
        runbookFingerprint: String, deployment: ProgressDeployment? = nil, scenario: String? = nil,
        waiting: (@Sendable () -> Void)? = nil,
        _ change: (inout ProgressLog) throws(ProgressError) -> Result
    ) throws(ProgressError) -> Result {
        let target = self.target
        let folder = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .io(path: path, reason: "cannot create the progress file: no folder '\((path as NSString).deletingLastPathComponent)'")
        }
        return try DurableFile.withExclusiveLock(lockPath, waiting: waiting) { () throws(ProgressError) -> Result in
            let file = try DurableFile.Reader(target, name: path, writable: true)
            var log = try file.map { file throws(ProgressError) in try scan(file, now: nil, mappedRun: Self.mappedRun) }
                ?? ProgressLog(deployment: deployment, scenario: scenario)
            if let deployment, let recorded = log.deployment, recorded != deployment {
                throw .otherDeployment(path: path, recorded: recorded, scenario: scenario, given: deployment)
            }
            let before = log.count
            let result = try change(&log)
            precondition(log.count == before + log.appended.count, "the progress log is append-only")
            if log.appended.isEmpty { return result }  // An untick of an open step creates no file.
            let events = log.appended.map { event -> ProgressEvent in
                var event = event
                event.runbook = runbookFingerprint
                return event
            }
            if let file, log.version1 == nil {
                try file.append(ProgressFile.lines(events), cuttingTo: log.tornLength > 0 ? log.completeLength : nil)
            } else {
                // New, or converted from version 1: the header records the deployment now in hand.
                var whole = ProgressFile(runbookFingerprint: runbookFingerprint, events: (log.version1?.events ?? []) + events,
                                         deployment: log.deployment ?? deployment, scenario: log.version1 == nil ? log.scenario : scenario)
                whole.formatVersion = ProgressFile.formatVersion
                try DurableFile.replace(target, with: whole.encoded(), name: path)
            }
            return result
        }
    }
}
