import Foundation

extension ProgressLog {
    /// Reads a version-2 log (its header already read) in one pass over its bytes, `read` giving them from the
    /// file's start 256 KiB at a time (`LogScanner` says what is checked and kept). `fetch` gives a line's bytes back by
    /// offset; with `keep`, every event is also handed to it in order (whole-file decoding).
    static func scan(
        header: (deployment: ProgressDeployment?, scenario: String?), path: String, now: String?,
        read: (UnsafeMutableRawBufferPointer) throws(ProgressError) -> Int,
        fetch: (Int, Int) throws(ProgressError) -> [UInt8],
        keep: ((ProgressEvent) -> Void)? = nil
    ) throws(ProgressError) -> ProgressLog {
        var scanner = LogScanner(header: header, path: path, now: now, keep: keep)
        try scanner.read(read)
        return try scanner.finish(fetch: fetch)
    }
}

extension ProgressFile {
    /// The longest line a log may hold (a note is at most 1,000 characters).
    static let maximumLine = 1 << 20
}
