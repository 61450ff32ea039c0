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
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT wait until the write is done (a few milliseconds); only SIGKILL can leave a
/// temporary file (`.NAME.HEX.c8runbook-tmp`), which no later run reads.
public enum ValuesOutput {
    /// - Parameters:
    ///   - files: paths relative to `directory` (no `.`, `..` or empty component, each once, none inside another)
///     and their text.
    ///   - directory: the out-dir as the user typed it; created when missing (its parent must exist).
    ///   - inputs: every file the command reads; the out-dir must be none of them and hold none of them.
    /// - Throws: `ValuesError.cannotWrite` (exit 73).
    public static func write(_ files: [(path: String, text: String)], to directory: String, inputs: [String]) throws(ValuesError) {
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
        do {
            try stage.openRoot()
            for file in files { try stage.add(file.path, text: file.text) }
        } catch {
            stage.abandon()
            throw error
        }
        try stage.commit()
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

/// One run's write: the open folders (by path relative to the out-dir), the folders it created, and the temporary
/// files waiting to be renamed.
private final class Stage {
    let root: String
    let shown: String
    let parent: Int32
    private var folders: [String: Int32] = [:]
    /// Created folders, parents first: removed (children first) when the write is abandoned.
    private var created: [(folder: Int32, name: String)] = []
    private var createdRoot = false
    private var staged: [Staged] = []

    final class Staged {
        let folder: String
        let name: String
        var file: TemporaryFile?
        init(folder: String, name: String, file: consuming TemporaryFile) {
            self.folder = folder
            self.name = name
            self.file = consume file
        }
    }

    init(root: String, shownAs shown: String, parent: Int32) {
        self.root = root
        self.shown = shown
        self.parent = parent
    }

    deinit {
        staged.removeAll()
        for fd in folders.values { close(fd) }
    }

    func fail(_ reason: String) -> ValuesError { .cannotWrite(path: shown, reason: reason) }

    /// Opens the out-dir (following a link, as the user named it), creating it when missing.
    func openRoot() throws(ValuesError) {
        var status = stat()
        if stat(root, &status) != 0 {
            guard errno == ENOENT else { throw fail(SystemCall.describe(errno)) }
            let name = URL(fileURLWithPath: root).lastPathComponent
            guard mkdirat(parent, name, 0o777) == 0 else { throw fail(SystemCall.describe(errno)) }
            createdRoot = true
        } else if status.st_mode & S_IFMT != S_IFDIR {
            throw fail("it exists and is not a folder")
        }
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw fail(SystemCall.describe(errno)) }
        folders[""] = fd
    }

    /// The open subfolder `relative` ("" for the out-dir), each component opened without following a link and
    /// created when missing.
    private func folder(_ relative: String) throws(ValuesError) -> Int32 {
        if let fd = folders[relative] { return fd }
        let slash = relative.lastIndex(of: "/")
        let above = slash.map { String(relative[..<$0]) } ?? ""
        let name = slash.map { String(relative[relative.index(after: $0)...]) } ?? relative
        let parentFD = try folder(above)
        var status = stat()
        if fstatat(parentFD, name, &status, AT_SYMLINK_NOFOLLOW) != 0 {
            guard errno == ENOENT else { throw fail("'\(relative)': \(SystemCall.describe(errno))") }
            guard mkdirat(parentFD, name, 0o777) == 0 else { throw fail("cannot create '\(relative)': \(SystemCall.describe(errno))") }
            created.append((parentFD, name))
        } else if status.st_mode & S_IFMT == S_IFLNK {
            throw fail("'\(relative)' is a symbolic link; refusing to write through it (replace it with a folder or choose another --out-dir)")
        } else if status.st_mode & S_IFMT != S_IFDIR {
            throw fail("'\(relative)' exists and is not a folder")
        }
        let fd = openat(parentFD, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw fail("'\(relative)': \(SystemCall.describe(errno))") }
        folders[relative] = fd
        return fd
    }

    /// Writes `text` to a temporary file beside `path`, with the mode, owner and group of the file it replaces.
    func add(_ path: String, text: String) throws(ValuesError) {
        let slash = path.lastIndex(of: "/")
        let relative = slash.map { String(path[..<$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let fd = try folder(relative)
        var existing = stat()
        var replaces = false
        if fstatat(fd, name, &existing, AT_SYMLINK_NOFOLLOW) == 0 {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: replaces = true
            case S_IFLNK: throw fail("'\(path)' is a symbolic link; refusing to write through it (remove it or choose another --out-dir)")
            case S_IFDIR: throw fail("'\(path)' is a folder")
            default: throw fail("'\(path)' is not a regular file")
            }
        } else if errno != ENOENT {
            throw fail("'\(path)': \(SystemCall.describe(errno))")
        }
        let folderPath = relative.isEmpty ? root : root + "/" + relative
        let temporary: TemporaryFile
        do { temporary = try TemporaryFile(in: fd, folderPath: folderPath, name: name, reportedAs: path) } catch {
            throw fail("'\(path)': \(Self.reason(error))")
        }
        if let code = SystemCall.writeAll(temporary.fd, text) { throw fail("'\(path)': \(SystemCall.describe(code))") }
        if replaces {
            if existing.st_uid != geteuid() || existing.st_gid != getegid(),
               fchown(temporary.fd, existing.st_uid, existing.st_gid) != 0 {
                throw fail("'\(path)': cannot keep its owner and group (\(existing.st_uid):\(existing.st_gid)): \(SystemCall.describe(errno))")
            }
            guard fchmod(temporary.fd, existing.st_mode & 0o7777) == 0 else { throw fail("'\(path)': \(SystemCall.describe(errno))") }
        } else {
            let mask = umask(0)
            umask(mask)
            guard fchmod(temporary.fd, 0o666 & ~mask) == 0 else { throw fail("'\(path)': \(SystemCall.describe(errno))") }
        }
        if let code = temporary.flush() { throw fail("'\(path)': \(SystemCall.describe(code))") }
        staged.append(Staged(folder: relative, name: name, file: temporary))
    }

    private static func reason(_ error: OutputError) -> String {
        if case let .cannotWrite(_, reason) = error { return reason }
        return error.description
    }

    /// Renames every temporary file into place, then flushes the folders (and the parent when the out-dir is new).
    func commit() throws(ValuesError) {
        for entry in staged {
            guard let file = entry.file.take() else { continue }
            if let code = file.rename(to: entry.name) {
                throw fail("'\(entry.folder.isEmpty ? entry.name : entry.folder + "/" + entry.name)': \(SystemCall.describe(code))")
            }
        }
        // Some file systems refuse fsync on a folder; the renames have happened either way.
        for fd in folders.values { _ = fsync(fd) }
        if createdRoot { _ = fsync(parent) }
    }

    /// Removes every temporary file and every folder this run created (the out-dir too when it made it).
    func abandon() {
        staged.removeAll()
        for (fd, name) in created.reversed() { unlinkat(fd, name, AT_REMOVEDIR) }
        if createdRoot { unlinkat(parent, URL(fileURLWithPath: root).lastPathComponent, AT_REMOVEDIR) }
    }
}
