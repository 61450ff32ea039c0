#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A file as the kernel knows it: device and inode, after following symbolic links. Two paths name the same file
/// exactly when their identities are equal, whatever their spelling (`./a`, a symlink, a hard link).
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    /// The identity of the file at `path`, or nil when it does not exist or cannot be examined.
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The first of `inputs` (paths as the user gave them) that is the same file as `identity`.
    public static func input(among inputs: [String], matching identity: FileIdentity) -> String? {
        inputs.first { FileIdentity(path: $0) == identity }
    }
}
