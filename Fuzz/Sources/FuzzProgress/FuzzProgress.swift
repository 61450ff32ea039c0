import C8Runbook
import Foundation

/// The progress-file reader: any bytes must decode or throw a `ProgressError`; a file that decodes must encode and
/// decode again to the same file (the store rewrites what it read).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let file = try? ProgressFile.decode(bytes, path: "c8runbook-progress.json") else { return 0 }
    let again = try? ProgressFile.decode(file.encoded(), path: "c8runbook-progress.json")
    precondition(again == file, "a decoded progress file does not survive encoding")
    return 0
}
