@testable import C8Runbook
import Foundation
import Testing

/// Every file `c8runbook values` writes passes Camunda's 13.x schema and the 8.7-leftover check
/// (`shared/tools/validate-values.py`). Skipped when python3 (with PyYAML and jsonschema) or shared/ is missing.
@Suite("Generated values pass validate-values.py", .enabled(if: ValuesValidator.available))
struct SchemaValidationTests {
    typealias Validator = ValuesValidator

    @Test("reference input, both stages", arguments: MigrationStage.allCases)
    func reference(stage: MigrationStage) throws {
        let input = try ValuesTestSupport.referenceInput()
        let result = ValuesMigration.migrate(input, scenario: try ValuesTestSupport.inferredScenario(input), stage: stage)
        let check = try Validator.validate(result)
        #expect(check.status == 0, "\(check.output)")
    }

    @Test("OpenSearch, shared storage, no compression, both stages", arguments: MigrationStage.allCases)
    func variant(stage: MigrationStage) throws {
        let input = try ValuesTestSupport.variantInput()
        let scenario = try ValuesTestSupport.inferredScenario(input, .init(release: "camunda", kubeContexts: ["eu", "us"], namespaces: ["team-eu", "team-us"]))
        let check = try Validator.validate(ValuesMigration.migrate(input, scenario: scenario, stage: stage))
        #expect(check.status == 0, "\(check.output)")
    }

    @Test("field case 01 (CRLF base), and the same with BOM + CR endings, both stages", arguments: MigrationStage.allCases)
    func crlfCase(stage: MigrationStage) throws {
        let folder = SharedFixtures.path("cases/values/01-crlf-corrupts-output")
        let input = try ValuesInput.load(base: folder + "/camunda-values.yml", region0: folder + "/region0/camunda-values.yml",
                                         region1: folder + "/region1/camunda-values.yml")
        let scenario = try ValuesTestSupport.inferredScenario(input)
        #expect(try Validator.validate(ValuesMigration.migrate(input, scenario: scenario, stage: stage)).status == 0)
        var variant = input
        let cr = "\u{FEFF}" + input.files[0].document.text.replacingOccurrences(of: "\r\n", with: "\r")
        variant.files[0].document = try ValuesReader.read(cr, file: "camunda-values.yml")
        let check = try Validator.validate(ValuesMigration.migrate(variant, scenario: scenario, stage: stage))
        #expect(check.status == 0, "\(check.output)")
    }

    @Test("the check itself fails on the 8.7 input")
    func checkerCatchesLeftovers() throws {
        let check = try Validator.run(Validator.python!, [SharedFixtures.path("tools/validate-values.py"), ValuesTestSupport.referenceFolder + "/camunda-values.yml"])
        #expect(check.status == 1)
        #expect(check.output.contains("zeebe"))
    }
}

/// Runs `shared/tools/validate-values.py`.
enum ValuesValidator {
    /// The first python3 (PATH first, then /usr/bin) that has PyYAML and jsonschema, as a command prefix.
    static let python: [String]? = [["/usr/bin/env", "python3"], ["/usr/bin/python3"], ["/usr/local/bin/python3"]].first { command in
        FileManager.default.isExecutableFile(atPath: command[0])
            && (try? run(command, ["-c", "import yaml, jsonschema"]).status) == 0
    }

    static let available: Bool = SharedFixtures.available && python != nil

    static func run(_ command: [String], _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func validate(_ result: ValuesMigrationResult) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("c8runbook-validate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ValuesOutput.write(result.files.map { ($0.path, $0.text) }, to: folder.path, inputs: [])
        let paths = result.files.map { folder.appendingPathComponent($0.path).path }
        return try run(python!, [SharedFixtures.path("tools/validate-values.py")] + paths)
    }

}
