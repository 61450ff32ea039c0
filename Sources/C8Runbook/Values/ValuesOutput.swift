import Foundation

/// Writes the 8.8 files and the report into an output folder, all or nothing: everything is first written to a
/// staging folder beside it (a fresh, unpredictable name), then moved in, under an exclusive lock on the parent
/// folder so that two runs into one folder never mix their files. A new folder appears whole (one rename); staging
/// folders left by a killed run are removed by the next run. An input file is never overwritten.
public enum ValuesOutput {
    public static func write(_ files: [(path: String, text: String)], to directory: String, inputs: [String]) throws(ValuesError) {
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let inputPaths = Set(inputs.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path })
        for file in files {
            let destination = target.appendingPathComponent(file.path).standardizedFileURL.resolvingSymlinksInPath().path
            if inputPaths.contains(destination) {
                throw .cannotWrite(path: directory, reason: "it would overwrite the input '\(file.path)'; choose another --out-dir (keep the 8.7 files for a rollback)")
            }
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue { throw .cannotWrite(path: directory, reason: "it exists and is not a folder") }

        let parent = target.deletingLastPathComponent()
        let manager = FileManager.default
        // One run at a time into a folder: an exclusive lock on the parent folder, held until the files are in.
        let lock = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lock >= 0 else { throw .cannotWrite(path: directory, reason: "its parent folder cannot be opened: \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw .cannotWrite(path: directory, reason: "cannot lock its parent folder: \(String(cString: strerror(errno)))") }
        let prefix = ".\(target.lastPathComponent).c8runbook-"
        // Staging folders of runs that were killed (they held this lock while theirs existed).
        for name in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            try? manager.removeItem(at: parent.appendingPathComponent(name))
        }
        var template = Array(parent.appendingPathComponent(prefix + "XXXXXX").path.utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let created else { throw .cannotWrite(path: directory, reason: "cannot create a staging folder beside it: \(String(cString: strerror(errno)))") }
        _ = created
        let staging = URL(fileURLWithPath: String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
        do {
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
            }
            if !exists {
                try manager.moveItem(at: staging, to: target)
                return
            }
            for file in files {
                let destination = target.appendingPathComponent(file.path)
                try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                if rename(staging.appendingPathComponent(file.path).path, destination.path) != 0 {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedFailureReasonErrorKey: String(cString: strerror(errno))])
                }
            }
            try? manager.removeItem(at: staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw .cannotWrite(path: directory, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }
}
