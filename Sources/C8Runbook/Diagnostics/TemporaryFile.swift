#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The temporary file an output is written to before it is renamed over its target: created exclusively
/// (`O_CREAT | O_EXCL | O_NOFOLLOW`, a random name, mode 0600) in the target's folder, so that nothing planted
/// there (a symlink, another user's file) is ever followed or reused, and removed on every failure and on
/// SIGINT, SIGTERM and SIGHUP. SIGXFSZ is ignored while the tool runs, so that a file-size limit is a failed
/// `write` (EFBIG) that is reported and cleaned up, not a kill that leaves the file behind.
struct TemporaryFile: ~Copyable {
    let fd: Int32
    let path: String
    /// The open folder the file was created in (`init(in:…)`), or -1 when it was created by path.
    private let folder: Int32
    /// The file's own name in `folder`.
    private let leaf: String
    private var kept = false

    /// - Throws: `OutputError.cannotWrite(path: target, …)` with the `strerror` text when the folder does not
    ///   exist or is not writable.
    init(beside target: String, name: String, reportedAs shown: String) throws(OutputError) {
        SignalCleanup.install()
        var lastError: Int32 = EEXIST
        for _ in 0..<16 {
            let candidate = folderPrefix(target) + ".\(name).\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).c8runbook-tmp"
            SignalCleanup.arm(candidate)
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                self.fd = fd
                self.path = candidate
                self.folder = -1
                self.leaf = ""
                return
            }
            lastError = errno
            SignalCleanup.disarm()
            if lastError != EEXIST { break }
        }
        throw .cannotWrite(path: shown, reason: SystemCall.describe(lastError))
    }

    /// The same, created relative to an open folder (`openat`), so that no path component is looked up again
    /// between the checks of the caller and the creation: `folder` stays owned by the caller and must stay open
    /// until this file is renamed or dropped. `folderPath` only names the file for the signal handler.
    /// - Throws: `OutputError.cannotWrite(path: shown, …)` with the `strerror` text.
    init(in folder: Int32, folderPath: String, name: String, reportedAs shown: String) throws(OutputError) {
        SignalCleanup.install()
        var lastError: Int32 = EEXIST
        for _ in 0..<16 {
            let leaf = ".\(name).\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).c8runbook-tmp"
            let candidate = (folderPath.hasSuffix("/") ? folderPath : folderPath + "/") + leaf
            SignalCleanup.arm(candidate)
            let fd = openat(folder, leaf, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                self.fd = fd
                self.path = candidate
                self.folder = folder
                self.leaf = leaf
                return
            }
            lastError = errno
            SignalCleanup.disarm()
            if lastError != EEXIST { break }
        }
        throw .cannotWrite(path: shown, reason: SystemCall.describe(lastError))
    }

    /// True when `leaf` is exactly the name this type gives a temporary file for a target named `name`:
    /// `.NAME.HEX.c8runbook-tmp`, HEX a 64-bit random number in lower-case hexadecimal without leading zeros.
    /// `.NAME.HEX.c8runbook-tmp.bak`, an upper-case or non-hex HEX, or no leading dot is not one.
    static func isStaged(_ leaf: String, for name: String) -> Bool {
        let prefix = ".\(name).", suffix = ".c8runbook-tmp"
        guard !name.isEmpty, leaf.hasPrefix(prefix), leaf.hasSuffix(suffix),
              leaf.utf8.count > prefix.utf8.count + suffix.utf8.count else { return false }
        let hex = leaf.utf8.dropFirst(prefix.utf8.count).dropLast(suffix.utf8.count)
        return hex.count <= 16 && (hex.count == 1 || hex.first != UInt8(ascii: "0"))
            && hex.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// For a file made by `init(in:…)` and flushed (`flush`, before any file of the run is renamed in, so that a
    /// failing flush leaves nothing written): renames it to `name` in the same folder (`renameat`); the caller
    /// flushes the folder. The file is no longer temporary. (It flushed the file a second time, with nothing new to
    /// write: an fsync per file of `values`, about 4 ms each on a virtual disk.)
    consuming func rename(to name: String) -> Int32? {
        guard folder >= 0 else { return EINVAL }
        guard renameat(folder, leaf, folder, name) == 0 else { return errno }
        kept = true
        SignalCleanup.disarm()
        return nil
    }

    /// Flushes the file's bytes to disk (before any rename makes it visible).
    func flush() -> Int32? { fsync(fd) == 0 ? nil : errno }

    /// Renames the file over `target` and flushes the folder entry; the file is no longer temporary.
    consuming func rename(over target: String) -> Int32? {
        guard fsync(fd) == 0 else { return errno }
        #if canImport(Darwin)
        let renamed = Darwin.rename(path, target)
        #elseif canImport(Glibc)
        let renamed = Glibc.rename(path, target)
        #else
        let renamed = Musl.rename(path, target)
        #endif
        guard renamed == 0 else { return errno }
        kept = true
        SignalCleanup.disarm()
        let folder = open(folderPrefix(target).isEmpty ? "." : folderPrefix(target), O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            // Some file systems refuse fsync on a folder; the rename has happened either way.
            _ = fsync(folder)
            close(folder)
        }
        return nil
    }

    deinit {
        close(fd)
        if !kept {
            if folder >= 0 { unlinkat(folder, leaf, 0) } else { unlink(path) }
            SignalCleanup.disarm()
        }
    }
}

/// `a/b/` for `a/b/c`, empty for `c`.
private func folderPrefix(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[...slash])
}

/// Removes the temporary file being written when a signal ends the process, then lets the signal do what it
/// would have done. The path is kept as a C string so that the handler only calls `unlink`, `signal` and `raise`,
/// which are async-signal-safe.
enum SignalCleanup {
    nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) private static var installed = false

    static func install() {
        guard !installed else { return }
        installed = true
        _ = pending  // Initialised before any handler can read it.
        signal(SIGXFSZ, SIG_IGN)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            // A signal the parent ignores (nohup) stays ignored.
            let previous = signal(number, handler)
            if isIgnore(previous) { signal(number, SIG_IGN) }
        }
    }

    static func arm(_ path: String) {
        let copy = strdup(path)
        let old = pending
        pending = copy
        free(old)
    }

    static func disarm() {
        let old = pending
        pending = nil
        free(old)
    }

    private static let handler: @convention(c) (Int32) -> Void = { number in
        if let path = SignalCleanup.pending { unlink(path) }
        signal(number, SIG_DFL)
        raise(number)
    }

    private static func isIgnore(_ handler: sighandler_t?) -> Bool {
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
