#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writing a result the user asked for (`-o FILE`), without ever destroying anything but the file they named:
/// - nil, `-` and `/dev/stdout` are standard output; `/dev/stderr` and `/dev/fd/N` that descriptor;
/// - a character device, FIFO or socket (`/dev/null`, `/dev/tty`, a named pipe) is written through, never
///   replaced;
/// - a symbolic link is followed (up to 40 links) and its final target replaced; the link stays;
/// - a regular file is replaced atomically: a `TemporaryFile` beside it gets the new bytes, the old file's mode,
///   owner and group, then is renamed over it. A reader or a crash sees the old file or the new one.
/// Refused with nothing written: a target that is one of `inputs` (same device and inode, exit 73), a folder,
/// a file the user may not write or that has no write permission at all (mode 0444, even for root), and a file
/// whose owner or group cannot be kept.
public enum OutputFile {
    /// - Parameters:
    ///   - path: as the user typed it; nil or `-` for standard output.
    ///   - inputs: every file the command reads (paths as given); the target must be none of them.
    /// - Throws: `OutputError` (exit 73 for a file, 74 for standard output).
    public static func write(_ text: String, to path: String?, inputs: [String] = []) throws(OutputError) {
        guard let path, path != "-" else { return try StandardOutput.write(text) }
        if let fd = inheritedDescriptor(path) { return try StandardOutput.write(text, to: fd, name: path) }

        let target = try resolvingLinks(path)
        var status = stat()
        if stat(target, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR: throw .cannotWrite(path: path, reason: SystemCall.describe(EISDIR))
            case S_IFREG: break
            default: return try writeThrough(text, to: path)
            }
            if let input = FileIdentity.input(among: inputs, matching: FileIdentity(status)) {
                throw .isInput(path: path, input: input)
            }
            if access(target, W_OK) != 0 { throw .cannotWrite(path: path, reason: SystemCall.describe(errno)) }
            if status.st_mode & 0o222 == 0 {
                throw .cannotWrite(path: path, reason: "it is read-only (mode 0\(String(status.st_mode & 0o7777, radix: 8))); make it writable first if it is to be replaced")
            }
            try replace(target, with: text, keeping: status, shownAs: path)
        } else if errno == ENOENT {
            try replace(target, with: text, keeping: nil, shownAs: path)
        } else {
            throw .cannotWrite(path: path, reason: SystemCall.describe(errno))
        }
    }

    /// Refuses, before any input is read, a target that is one of the command's own inputs (compared by device and
    /// inode through links), so that the collision is the error reported rather than whatever the inputs hold.
    /// `write(_:to:inputs:)` checks the same again when it writes.
    /// - Throws: `OutputError.isInput` (exit 73); nothing else: other problems surface when writing.
    public static func refuseInputs(_ path: String?, inputs: [String]) throws(OutputError) {
        guard let path, path != "-", inheritedDescriptor(path) == nil else { return }
        guard let target = try? resolvingLinks(path) else { return }
        var status = stat()
        guard stat(target, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return }
        if let input = FileIdentity.input(among: inputs, matching: FileIdentity(status)) {
            throw .isInput(path: path, input: input)
        }
    }

    /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`: the process's own descriptor, used as it is (reopening
    /// `/dev/stdout` fails for a socket and would truncate a file opened for appending).
    static func inheritedDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            guard path.hasPrefix("/dev/fd/"), let number = Int32(path.dropFirst("/dev/fd/".count)), number >= 0 else { return nil }
            return number
        }
    }

    /// The path a chain of symbolic links ends at (which may not exist yet).
    static func resolvingLinks(_ path: String) throws(OutputError) -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw .cannotWrite(path: path, reason: SystemCall.describe(errno)) }
            let destination = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if destination.hasPrefix("/") {
                current = destination
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + destination
            } else {
                current = destination
            }
        }
        throw .cannotWrite(path: path, reason: SystemCall.describe(ELOOP))
    }

    /// A device, FIFO or socket: opened for writing as it is, never created, truncated or replaced.
    private static func writeThrough(_ text: String, to path: String) throws(OutputError) {
        let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: SystemCall.describe(errno)) }
        defer { close(fd) }
        if let code = SystemCall.writeAll(fd, text) { throw .cannotWrite(path: path, reason: SystemCall.describe(code)) }
    }

    private static func replace(_ target: String, with text: String, keeping existing: stat?, shownAs path: String) throws(OutputError) {
        let name = target.split(separator: "/").last.map(String.init) ?? target
        let temporary = try TemporaryFile(beside: target, name: name, reportedAs: path)
        if let code = SystemCall.writeAll(temporary.fd, text) {
            throw .cannotWrite(path: path, reason: SystemCall.describe(code))
        }
        if let existing {
            if existing.st_uid != geteuid() || existing.st_gid != getegid(),
               fchown(temporary.fd, existing.st_uid, existing.st_gid) != 0 {
                throw .cannotWrite(path: path, reason: "cannot keep its owner and group (\(existing.st_uid):\(existing.st_gid)): \(SystemCall.describe(errno))")
            }
            guard fchmod(temporary.fd, existing.st_mode & 0o7777) == 0 else {
                throw .cannotWrite(path: path, reason: SystemCall.describe(errno))
            }
        } else {
            let mask = umask(0)
            umask(mask)
            guard fchmod(temporary.fd, 0o666 & ~mask) == 0 else { throw .cannotWrite(path: path, reason: SystemCall.describe(errno)) }
        }
        FaultInjection.raiseIfAsked()
        if let code = temporary.rename(over: target) {
            throw .cannotWrite(path: path, reason: SystemCall.describe(code))
        }
    }
}

/// For the tests that prove a signal leaves no temporary file: `C8RUNBOOK_TEST_SIGNAL=TERM` (or INT, HUP) makes
/// the process send itself that signal after the temporary file is written, before it is renamed.
enum FaultInjection {
    static func raiseIfAsked() {
        guard let value = getenv("C8RUNBOOK_TEST_SIGNAL") else { return }
        let names = ["INT": SIGINT, "TERM": SIGTERM, "HUP": SIGHUP]
        guard let number = names[String(cString: value)] else { return }
        // The test runner may have blocked it; a user's Ctrl-C is not blocked.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(number)
    }
}
