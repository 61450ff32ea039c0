import C8Runbook

/// The example scenario, parsed once: the migration needs one.
nonisolated(unsafe) let scenario = try! Scenario.parse(yaml: Scenario.exampleYAML, file: "example.yml")

/// The values reader and what consumes its documents: any bytes, read as UTF-8 text, must parse or throw a
/// `ValuesError`; a document that parses is written back and read again, given to `init` (as both regions' complete
/// files) and migrated to 8.8 at every stage, none of which may crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let document = try? ValuesDocument.parse(text, path: "camunda-values.yml") else { return 0 }
    _ = try? ValuesDocument.parse(document.rendered, path: "rendered.yml")
    let input = ValuesInput(files: [
        .init(role: .full(region: 0), document: document, relativePath: "region0/camunda-values.yml"),
        .init(role: .full(region: 1), document: document, relativePath: "region1/camunda-values.yml"),
    ])
    _ = try? ScenarioInference(input: input, options: .init()).scenarioText()
    for stage in MigrationStage.allCases {
        _ = ValuesMigration.migrate(input, scenario: scenario, stage: stage).diff
    }
    return 0
}
