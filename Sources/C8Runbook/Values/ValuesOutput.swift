import Foundation

/// Writes the 8.8 files and the report into an output folder, all or nothing: everything is first written to a
/// staging folder beside it (a fresh, unpredictable name), then moved in, under an exclusive lock on the parent
/// folder so that two runs into one folder never mix their files. A new folder appears whole (one rename), an
/// existing one is swapped whole; termination signals wait until the write is done, and staging folders left by
/// a SIGKILL are removed by the next run. An input file is never overwritten.
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
        let parent = target.deletingLastPathComponent()
        let manager = FileManager.default
        // Ctrl-C, SIGTERM, SIGHUP and SIGQUIT wait until the folder is whole and the staging folder gone (a few
        // milliseconds); only SIGKILL can leave a staging folder, which the next run removes.
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        // One run at a time into a folder: an exclusive lock on the parent folder, held until the files are in.
        let lock = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lock >= 0 else { throw .cannotWrite(path: directory, reason: "its parent folder cannot be opened: \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw .cannotWrite(path: directory, reason: "cannot lock its parent folder: \(String(cString: strerror(errno)))") }
        // Looked at under the lock: another run may have just created it.
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue { throw .cannotWrite(path: directory, reason: "it exists and is not a folder") }
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
        // mkdtemp makes it 0700; the folder it becomes has the old folder's mode, or the umask's.
        var status = stat()
        if exists, stat(target.path, &status) == 0 {
            chmod(staging.path, status.st_mode & 0o7777)
        } else {
            let mask = umask(0)
            umask(mask)
            chmod(staging.path, 0o777 & ~mask)
        }
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
            // An existing folder: what else it holds is hard-linked into the staging folder, then the two are
            // swapped in one step, so a kill leaves the old folder or the new one, never a mix.
            if try linkOthers(of: target, into: staging, except: Set(files.map(\.path))), exchange(staging.path, target.path) {
                try? manager.removeItem(at: staging)
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

    /// Hard links in `staging` to every file of `target` the run does not write. False when a name is in the way
    /// (a folder where a file goes, a link that fails): the caller then moves its files in one by one.
    private static func linkOthers(of target: URL, into staging: URL, except written: Set<String>) throws -> Bool {
        let manager = FileManager.default
        guard let paths = manager.enumerator(atPath: target.path)?.allObjects as? [String] else { return false }
        for path in paths where !written.contains(path) {
            let source = target.appendingPathComponent(path), copy = staging.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: source.path, isDirectory: &isDirectory) || (try? manager.destinationOfSymbolicLink(atPath: source.path)) != nil else { continue }
            if isDirectory.boolValue, (try? manager.destinationOfSymbolicLink(atPath: source.path)) == nil {
                var existing: ObjCBool = false
                if manager.fileExists(atPath: copy.path, isDirectory: &existing) { if !existing.boolValue { return false }; continue }
                try manager.createDirectory(at: copy, withIntermediateDirectories: true)
                continue
            }
            if manager.fileExists(atPath: copy.path) { return false }
            try manager.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            if link(source.path, copy.path) != 0 { return false }
        }
        return true
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Swaps two paths atomically (Linux `renameat2` with `RENAME_EXCHANGE`, looked up at run time since the C
    /// headers hide it); false where the C library or the file system lacks it.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    }
}
