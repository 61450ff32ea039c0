import C8Runbook
import Foundation

/// The progress-log reader (version 2 lines, version 1 JSON): any bytes must decode or throw a `ProgressError`; a
/// log that decodes must encode (as version 2) and decode again to the same deployment, scenario and events (the
/// first write converts a version-1 log that way), and the state derived from it must be the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let file = try? ProgressFile.decode(bytes, path: "c8runbook-progress.json") else { return 0 }
    let again = try? ProgressFile.decode(file.encoded(), path: "c8runbook-progress.json")
    precondition(again?.events == file.events && again?.deployment == file.deployment && again?.scenario == file.scenario,
                 "a decoded progress log does not survive encoding")
    precondition(ProgressLog(again!).latest == ProgressLog(file).latest, "the last event of a step changed")
    return 0
}
