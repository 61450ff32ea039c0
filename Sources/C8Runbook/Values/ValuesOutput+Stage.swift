import Foundation

extension ValuesOutput {
    /// One run's write: the open folders (by path relative to the out-dir), the folders it created, and the temporary
    /// files waiting to be renamed.
    final class Stage {
        let root: String
        let shown: String
        let parent: Int32
        private var folders: [String: Int32] = [:]
        /// Created folders, parents first: removed (children first) when the write is abandoned.
        private var created: [(folder: Int32, name: String)] = []
        private var createdRoot = false
        private var staged: [Staged] = []
        /// Temporary files of the files being written that a killed run left in their folders (`TemporaryFile.isStaged`),
        /// removed once this run's files are in.
        private var leftovers: [(folder: Int32, path: String, leaf: String)] = []

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
            // Before this run's own temporary file exists, so that it can never be taken for a leftover.
            for leaf in Self.stagedFiles(in: fd, of: name) {
                leftovers.append((fd, relative.isEmpty ? leaf : relative + "/" + leaf, leaf))
            }
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

        /// Renames every temporary file into place, removes the leftovers of a killed run, then flushes the folders
        /// (and the parent when the out-dir is new).
        /// - Returns: the leftovers removed, relative to the out-dir, sorted.
        func commit() throws(ValuesError) -> [String] {
            for entry in staged {
                guard let file = entry.file.take() else { continue }
                if let code = file.rename(to: entry.name) {
                    throw fail("'\(entry.folder.isEmpty ? entry.name : entry.folder + "/" + entry.name)': \(SystemCall.describe(code))")
                }
            }
            var removed: [String] = []
            for leftover in leftovers {
                var status = stat()
                guard fstatat(leftover.folder, leftover.leaf, &status, AT_SYMLINK_NOFOLLOW) == 0, status.st_mode & S_IFMT == S_IFREG,
                      unlinkat(leftover.folder, leftover.leaf, 0) == 0 else { continue }
                removed.append(leftover.path)
            }
            // Some file systems refuse fsync on a folder; the renames have happened either way.
            for fd in folders.values { _ = fsync(fd) }
            if createdRoot { _ = fsync(parent) }
            return removed.sorted()
        }

        /// The names in the open folder `fd` that are temporary files of `name` (`.NAME.HEX.c8runbook-tmp`, exactly the
        /// pattern `TemporaryFile` creates), in no particular order. A folder that cannot be listed has none.
        static func stagedFiles(in fd: Int32, of name: String) -> [String] {
            // `fdopendir` owns the descriptor it is given; the copy shares the folder, the original stays open.
            let copy = dup(fd)
            guard copy >= 0 else { return [] }
            guard let listing = fdopendir(copy) else {
                close(copy)
                return []
            }
            defer { closedir(listing) }
            rewinddir(listing)
            var found: [String] = []
            while let entry = readdir(listing) {
                let leaf = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if TemporaryFile.isStaged(leaf, for: name) { found.append(leaf) }
            }
            return found
        }

        /// Removes every temporary file and every folder this run created (the out-dir too when it made it).
        func abandon() {
            staged.removeAll()
            for (fd, name) in created.reversed() { unlinkat(fd, name, AT_REMOVEDIR) }
            if createdRoot { unlinkat(parent, URL(fileURLWithPath: root).lastPathComponent, AT_REMOVEDIR) }
        }
    }
}
