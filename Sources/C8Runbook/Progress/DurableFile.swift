import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The only file that talks to the C library for progress: an exclusive `flock` on a lock file, reading, appending
/// with `fsync`, and a crash-safe replace (temporary file in the same folder, `fsync`, `rename`, `fsync` of the folder). Nothing from C leaks out:
/// callers see `ProgressError.io` with the path and `strerror` text.
enum DurableFile {
    /// `path` with symbolic links followed, also when the last link points to a file that does not exist yet.
    static func resolve(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { break }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { break }
            let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        return current
    }

    /// Runs `body` while holding an exclusive lock on `lockPath` (created if missing, never deleted: deleting a
    /// lock file lets two processes lock two different files). The lock is released when the descriptor closes,
    /// including when the process dies. When another process holds the lock, `waiting` is called once after a
    /// second (from another thread), unless the lock came first.
    static func withExclusiveLock<T>(_ lockPath: String, waiting: (@Sendable () -> Void)? = nil,
                                     _ body: () throws(ProgressError) -> T) throws(ProgressError) -> T {
        // Read-only is enough for flock, so operators who share the folder need not own the lock file.
        let fd = open(lockPath, O_RDONLY | O_CREAT | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure(lockPath, "cannot open lock file") }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw failure(lockPath, "cannot lock") }
            let pending = Pending()
            if let waiting {
                DispatchQueue.global().asyncAfter(deadline: .now() + 1) { if pending.claim() { waiting() } }
            }
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else { _ = pending.claim(); throw failure(lockPath, "cannot lock") }
            }
            _ = pending.claim()
        }
        return try body()
    }

    /// Whether the "waiting" message is still due: the first of the timer and the lock claims it.
    private final class Pending: @unchecked Sendable {
        private let lock = NSLock()
        private var open = true
        func claim() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            let was = open
            open = false
            return was
        }
    }

    /// The whole file, or nil when it does not exist. `name` names it in errors.
    static func read(_ path: String, limit: Int, name: String) throws(ProgressError) -> Data? {
        guard let reader = try Reader(path, name: name) else { return nil }
        return try reader.all(limit: limit)
    }

    /// An open regular file, read from its start or at an offset, and appended to.
    final class Reader {
        let fd: Int32
        let name: String
        let size: Int

        /// nil when the file does not exist; an error for anything but a regular file.
        init?(_ path: String, name: String, writable: Bool = false) throws(ProgressError) {
            let fd = open(path, (writable ? O_RDWR | O_APPEND : O_RDONLY) | O_CLOEXEC)
            guard fd >= 0 else {
                if errno == ENOENT { return nil }
                throw failure(name, writable ? "cannot open for writing" : "cannot open")
            }
            var status = stat()
            guard fstat(fd, &status) == 0 else { close(fd); throw failure(name, "cannot stat") }
            guard (status.st_mode & S_IFMT) == S_IFREG else {
                close(fd)
                throw ProgressError.io(path: name, reason: "not a regular file")
            }
            self.fd = fd
            self.name = name
            self.size = Int(status.st_size)
        }

        deinit { close(fd) }

        /// The next `read(into:)` reads from `offset`.
        func seek(to offset: Int) throws(ProgressError) {
            guard lseek(fd, off_t(offset), SEEK_SET) == off_t(offset) else { throw failure(name, "cannot read") }
        }

        /// Runs `body` on the file's bytes from `offset` (`count` of them, within `size`) mapped read-only in place
        /// rather than copied (`MAP_PRIVATE`; on Linux `MAP_POPULATE` fills the page table in one call instead of a
        /// fault per page), and unmaps them; nil, without running `body`, when the file cannot be mapped (then read
        /// it). Only for a caller holding the lock: were another process to cut the file while it is mapped, reading
        /// a page past the new end would kill this one (SIGBUS), where `read` would merely stop early.
        func withMapping<T>(offset: Int, count: Int,
                            _ body: (UnsafeBufferPointer<UInt8>) throws(ProgressError) -> T) throws(ProgressError) -> T? {
            guard count > 0, offset >= 0, offset + count <= size else { return nil }
            let page = max(1, sysconf(Int32(_SC_PAGESIZE)))
            let start = offset - offset % page, length = count + offset % page
            #if os(Linux)
            let flags = MAP_PRIVATE | MAP_POPULATE
            #else
            let flags = MAP_PRIVATE
            #endif
            guard let mapping = mmap(nil, length, PROT_READ, flags, fd, off_t(start)),
                  mapping != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
            defer { munmap(mapping, length) }
            return try body(UnsafeBufferPointer(start: (mapping + offset % page).assumingMemoryBound(to: UInt8.self), count: count))
        }

        /// Reads into `buffer` from the current offset; 0 at the end.
        func read(into buffer: UnsafeMutableRawBufferPointer) throws(ProgressError) -> Int {
            while true {
                let count = SystemCall.read(fd, buffer.baseAddress, buffer.count)
                if count >= 0 { return count }
                if errno != EINTR { throw failure(name, "cannot read") }
            }
        }

        func read(at offset: Int, count: Int) throws(ProgressError) -> [UInt8] {
            var bytes = [UInt8](repeating: 0, count: count)
            var done = 0
            while done < count {
                let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { throw failure(name, "cannot read") }
                done += got
            }
            return bytes
        }

        /// The first line without its line feed, if there is one within `limit` bytes.
        func firstLine(limit: Int) throws(ProgressError) -> [UInt8]? {
            let bytes = try read(at: 0, count: min(limit, size))
            return bytes.firstIndex(of: 0x0A).map { Array(bytes[..<$0]) }
        }

        func all(limit: Int) throws(ProgressError) -> Data {
            try seek(to: 0)
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while data.count <= limit {
                let count = try buffer.withUnsafeMutableBufferPointer { bytes throws(ProgressError) in try read(into: UnsafeMutableRawBufferPointer(bytes)) }
                if count == 0 { break }
                data.append(contentsOf: buffer[0..<count])
            }
            return data
        }

        /// Cuts a torn last line (`cuttingTo`: the length of the complete lines), then appends `data` in one write
        /// (the descriptor is `O_APPEND`) and flushes it to disk. The caller holds the lock.
        func append(_ data: Data, cuttingTo length: Int?) throws(ProgressError) {
            if let length, ftruncate(fd, off_t(length)) != 0 { throw failure(name, "cannot cut the torn last line") }
            if let failed = data.withUnsafeBytes({ SystemCall.writeAll(fd, $0) }) {
                errno = failed
                let error = failure(name, "cannot write")
                // A line cut short would be torn; cut it now rather than leave it for the next writer.
                _ = ftruncate(fd, off_t(length ?? size))
                throw error
            }
            guard fsync(fd) == 0 else { throw failure(name, "cannot write") }
        }
    }

    /// Replaces `path` with `data` so that a crash at any moment leaves the old file or the new one, never a mix:
    /// write `.<name>.tmp` beside it, flush it to disk, rename it over the target, flush the folder entry. The new
    /// file keeps the old one's mode, owner and group; when they cannot be kept (another user's file), nothing is
    /// replaced. The caller holds the lock, so the fixed temporary name is never shared; a leftover from a killed
    /// writer is simply truncated and reused. `name` names the file in errors.
    static func replace(_ path: String, with data: Data, name: String) throws(ProgressError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp").path
        _ = unlink(temporary)  // O_EXCL below: a leftover, or a planted link, is removed rather than followed.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
        guard fd >= 0 else { throw failure(temporary, "cannot create temporary file") }
        var existing = stat()
        if stat(path, &existing) == 0 {
            guard fchown(fd, existing.st_uid, existing.st_gid) == 0 else {
                let error = ProgressError.io(path: name, reason: "cannot convert the log keeping its owner and group (uid \(existing.st_uid), gid \(existing.st_gid)); run the command once as its owner")
                close(fd)
                unlink(temporary)
                throw error
            }
            _ = fchmod(fd, existing.st_mode & 0o7777)
        }
        let failed = data.withUnsafeBytes { SystemCall.writeAll(fd, $0) }
        if let failed { errno = failed }
        guard failed == nil, fsync(fd) == 0 else {
            let error = failure(temporary, "cannot write")
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let error = failure(name, "cannot replace")
            unlink(temporary)
            throw error
        }
        let directory = open(folder, O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            // Some file systems refuse fsync on a folder; the rename has happened either way.
            _ = fsync(directory)
            close(directory)
        }
    }

    fileprivate static func failure(_ path: String, _ what: String) -> ProgressError {
        .io(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}

private func failure(_ path: String, _ what: String) -> ProgressError { DurableFile.failure(path, what) }
