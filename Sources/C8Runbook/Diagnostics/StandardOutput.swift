// The C library's `stdout` stream is a global the compiler cannot prove safe; it is only touched from the main
// thread, before exit.
#if canImport(Darwin)
@preconcurrency import Darwin
#elseif canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#endif

/// Standard output written with `write(2)`, so that a closed pipe (`EPIPE`) or a full device (`ENOSPC`,
/// `>/dev/full`) is an `OutputError.stream` (exit 74), never a trap and never a silent exit 0. SIGPIPE is ignored
/// so that a closed pipe is an error to report rather than a silent kill.
public enum StandardOutput {
    /// Ignores SIGPIPE (and SIGXFSZ, see `TemporaryFile`); call once at start-up.
    public static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        SignalCleanup.install()
    }

    /// Writes `text` to descriptor 1 (after anything `print` buffered).
    /// - Throws: `OutputError.stream(name: "<stdout>", reason:)` with the `strerror` text.
    public static func write(_ text: String) throws(OutputError) {
        try write(text, to: STDOUT_FILENO, name: "<stdout>")
    }

    static func write(_ text: String, to fd: Int32, name: String) throws(OutputError) {
        if let reason = flushBuffered() { throw .stream(name: "<stdout>", reason: reason) }
        if let code = SystemCall.writeAll(fd, text) { throw .stream(name: name, reason: SystemCall.describe(code)) }
    }

    /// What `print` left in the C library's buffer, flushed: nil when everything reached standard output, else the
    /// reason it did not ("Broken pipe", "No space left on device").
    public static func flushBuffered() -> String? {
        errno = 0
        let failed = fflush(stdout) != 0
        let code = errno
        guard failed || ferror(stdout) != 0 else { return nil }
        if code != 0 { return SystemCall.describe(code) }
        // The failing write was earlier (inside `print`) and its errno is gone; a closed descriptor still says so.
        return fcntl(STDOUT_FILENO, F_GETFD) < 0 ? SystemCall.describe(errno) : "write error"
    }

    /// One line on standard error; a failure to write it has nowhere to be reported, so it is ignored.
    public static func printError(_ line: String) {
        _ = SystemCall.writeAll(STDERR_FILENO, line + "\n")
    }
}
