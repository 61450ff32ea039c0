import Foundation

/// Writes the 8.8 files and the report into an output folder, all or nothing, keeping the folder and its subfolders
/// in place (same inodes, modes, owners, groups, setgid bits) and touching nothing but the files it writes:
/// - under an exclusive lock on the out-dir's parent folder, so that two runs into one folder never mix their files;
/// - each file is first written to an exclusive temporary file (`TemporaryFile`, `O_EXCL | O_NOFOLLOW`, a random
///   name) beside its final path, with the mode, owner and group of the file it replaces (a new file: 0666 less the
///   umask, the folder's group), and flushed; missing subfolders are created (0777 less the umask; a setgid folder
///   passes on its group and setgid bit);
/// - then all are renamed into place and the folders flushed.
/// Refused with exit 73, nothing written and every temporary file and created folder removed: an out-dir that is,
/// or holds, an input file; a symbolic link anywhere under the out-dir on the path to a file being written (the
/// out-dir itself may be a link); a folder, device or FIFO where a file goes; any failure before the renames.
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT wait until the write is done (a few milliseconds; with a `report`, also until
/// standard output has taken it, so a pager holding the diff holds the write and the lock); only SIGKILL can leave a
/// temporary file (`.NAME.HEX.c8runbook-tmp`), which no later run reads and the next successful run into the folder
/// removes: only names of exactly that pattern, for a file it writes, in a folder it writes into, under its lock.
public enum ValuesOutput {
    /// - Parameters:
    ///   - files: paths relative to `directory` (no `.`, `..` or empty component, each once, none inside another)
    ///     and their text.
    ///   - directory: the out-dir as the user typed it; created when missing (its parent must exist).
    ///   - inputs: every file the command reads; the out-dir must be none of them and hold none of them.
    ///   - report: text for standard output (the diff of what is written), written once every file is staged and
    ///     before any is renamed in, so that a report that cannot be delivered (a closed pipe, a full device) leaves
    ///     nothing written.
    /// - Returns: the temporary files a killed run had left and this one removed, relative to `directory`, sorted.
    /// - Throws: `ValuesError.cannotWrite` (exit 73); `ValuesError.reportNotDelivered` (exit 74).
    @discardableResult
    public static func write(_ files: [(path: String, text: String)], to directory: String, inputs: [String],
                             report: String? = nil) throws(ValuesError) -> [String] {
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        try refuseInputs(in: target, inputs: inputs, shownAs: directory)
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            if parts.isEmpty || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
                throw .cannotWrite(path: directory, reason: "'\(file.path)' is not a plain path inside the folder")
            }
        }
        // Two files of one run that collide (a name twice, a file where another's folder goes) fail before anything.
        let paths = Set(files.map(\.path))
        if paths.count != files.count { throw .cannotWrite(path: directory, reason: "a file is written twice") }
        for path in paths {
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                if paths.contains(folder) { throw .cannotWrite(path: directory, reason: "'\(folder)' would be both a file and a folder") }
            }
        }
        // Ctrl-C, SIGTERM, SIGHUP and SIGQUIT wait until the files are in and the temporary files gone.
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        // One run at a time into a folder: an exclusive lock on the parent folder, held until the files are in.
        let parent = target.deletingLastPathComponent()
        let lock = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lock >= 0 else { throw .cannotWrite(path: directory, reason: "its parent folder cannot be opened: \(SystemCall.describe(errno))") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw .cannotWrite(path: directory, reason: "cannot lock its parent folder: \(SystemCall.describe(errno))") }
        let stage = Stage(root: target.path, shownAs: directory, parent: lock)
        do throws(ValuesError) {
            try stage.openRoot()
            for file in files { try stage.add(file.path, text: file.text) }
            if let report {
                if let reason = Self.deliver(report) { throw .reportNotDelivered(directory: directory, reason: reason) }
            }
        } catch {
            stage.abandon()
            throw error
        }
        return try stage.commit()
    }

    /// Writes `report` to standard output: nil when it all got there, else why not ("No space left on device").
    private static func deliver(_ report: String) -> String? {
        do { try StandardOutput.write(report) } catch {
            if case let .stream(_, reason) = error { return reason }
            return error.description
        }
        return nil
    }

    /// Refuses an out-dir that is, or holds, one of `inputs` (compared after following links, and by identity).
    private static func refuseInputs(in target: URL, inputs: [String], shownAs directory: String) throws(ValuesError) {
        let folder = realPath(target.path) ?? target.path
        let folderIdentity = FileIdentity(path: target.path)
        for input in inputs {
            let resolved = realPath(input) ?? URL(fileURLWithPath: input).standardizedFileURL.path
            if resolved == folder || resolved.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
                || (folderIdentity != nil && FileIdentity(path: input) == folderIdentity) {
                throw .cannotWrite(path: directory, reason: "it is or holds the input '\(input)'; choose another --out-dir (keep the 8.7 files for a rollback)")
            }
        }
    }
}

/// `path` with every link followed and made absolute, or nil when it does not exist.
private func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
