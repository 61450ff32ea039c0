import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The only file that talks to the C library for progress: an exclusive `flock` on a lock file, and a crash-safe
/// replace (temporary file in the same folder, `fsync`, `rename`, `fsync` of the folder). Nothing from C leaks out:
/// callers see `ProgressError.io` with the path and `strerror` text.
enum DurableFile {
    /// Runs `body` while holding an exclusive lock on `lockPath` (created if missing, never deleted: deleting a
    /// lock file lets two processes lock two different files). The lock is released when the descriptor closes,
    /// including when the process dies.
    static func withExclusiveLock<T>(_ lockPath: String, _ body: () throws(ProgressError) -> T) throws(ProgressError) -> T {
        // Read-only is enough for flock, so operators who share the folder need not own the lock file.
        let fd = open(lockPath, O_RDONLY | O_CREAT | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure(lockPath, "cannot open lock file") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure(lockPath, "cannot lock") }
        }
        return try body()
    }

    /// The whole file, or nil when it does not exist.
    static func read(_ path: String, limit: Int) throws(ProgressError) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw failure(path, "cannot open")
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw failure(path, "cannot stat") }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw ProgressError.io(path: path, reason: "not a regular file")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while data.count <= limit {
            let count = buffer.withUnsafeMutableBytes { Glue.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot read")
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    /// Replaces `path` with `data` so that a crash at any moment leaves the old file or the new one, never a mix:
    /// write `.<name>.tmp` beside it, flush it to disk, rename it over the target, flush the folder entry.
    /// The caller holds the lock, so the fixed temporary name is never shared; a leftover from a killed writer is
    /// simply truncated and reused.
    static func replace(_ path: String, with data: Data) throws(ProgressError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure(temporary, "cannot create temporary file") }
        // The new file keeps the old one's permissions (a team may have made it group-writable).
        var existing = stat()
        if stat(path, &existing) == 0 { _ = fchmod(fd, existing.st_mode & 0o7777) }
        var written = 0
        let ok: Bool = data.withUnsafeBytes { bytes in
            while written < bytes.count {
                let count = Glue.write(fd, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
        guard ok, fsync(fd) == 0 else {
            let error = failure(temporary, "cannot write")
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let error = failure(path, "cannot replace")
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

    private static func failure(_ path: String, _ what: String) -> ProgressError {
        .io(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// `read` and `write` of the C library, named apart from Foundation's members of the same name.
private enum Glue {
    static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Darwin)
        Darwin.read(fd, buffer, count)
        #elseif canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Musl.read(fd, buffer, count)
        #endif
    }

    static func write(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Darwin)
        Darwin.write(fd, buffer, count)
        #elseif canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Musl.write(fd, buffer, count)
        #endif
    }
}
