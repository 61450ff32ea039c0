import Foundation

/// Writes the 8.8 files and the report into an output folder, all or nothing: everything is first written to a
/// temporary folder beside it, then moved in. An input file is never overwritten.
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
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).c8runbook-\(ProcessInfo.processInfo.processIdentifier).tmp")
        let manager = FileManager.default
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
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
