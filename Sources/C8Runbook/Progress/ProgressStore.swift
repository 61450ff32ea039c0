import Foundation

/// A progress file on disk. Reading needs no lock (a rename swaps whole files); every change reads, appends and
/// replaces the file while holding an exclusive lock on `<file>.lock`, so two operators ticking at the same
/// moment are both recorded and a crash leaves the old file or the new one.
public struct ProgressStore: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// A separate lock file, because the rename gives the progress file a new inode: a lock on the data file
    /// itself would be held on a file that is no longer there.
    public var lockPath: String { path + ".lock" }

    /// The progress recorded so far, or nil when there is no file yet.
    public func load() throws(ProgressError) -> ProgressFile? {
        guard let data = try DurableFile.read(path, limit: ProgressFile.maximumSize) else { return nil }
        return try ProgressFile.decode(data, path: path)
    }

    /// Reads the file under the lock (an empty log when there is none), lets `change` append events, stamps the
    /// runbook's fingerprint and writes the result durably. A file that is not valid progress is refused before
    /// `change` runs and is never written; when `change` throws, nothing is written either.
    public func update<Result>(
        runbookFingerprint: String,
        _ change: (inout ProgressFile) throws(ProgressError) -> Result
    ) throws(ProgressError) -> Result {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .io(path: path, reason: "cannot create the progress file: no folder '\(folder)'")
        }
        return try DurableFile.withExclusiveLock(lockPath) { () throws(ProgressError) -> Result in
            let current = try load() ?? ProgressFile(runbookFingerprint: runbookFingerprint)
            var updated = current
            let result = try change(&updated)
            // Append-only: `change` may add events, never edit or drop one (checked cheaply: count and last event).
            precondition(updated.events.count >= current.events.count
                && (current.events.isEmpty || updated.events[current.events.count - 1] == current.events.last),
                "the progress log is append-only")
            updated.formatVersion = ProgressFile.formatVersion
            updated.runbookFingerprint = runbookFingerprint
            // Nothing appended and the same runbook: nothing to write (an untick of an open step creates no file).
            if updated.events.count != current.events.count || updated.runbookFingerprint != current.runbookFingerprint {
                try DurableFile.replace(path, with: updated.encoded())
            }
            return result
        }
    }
}
