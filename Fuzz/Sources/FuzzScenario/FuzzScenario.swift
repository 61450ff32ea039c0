import C8Runbook

/// The scenario loader: any bytes, read as UTF-8 text (invalid sequences repaired, as `String(decoding:)` does),
/// must parse or throw a `ScenarioError`, never crash, hang or exhaust memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? Scenario.parse(yaml: text, file: "scenario.yml")
    return 0
}
