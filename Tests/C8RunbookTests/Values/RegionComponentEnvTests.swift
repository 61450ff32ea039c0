@testable import C8Runbook
import Foundation
import Testing

/// A region file with its own `operate.env` (new-user trial): in 8.8 it becomes that file's `orchestration.env`,
/// which replaces the base file's whole list, so `values` adds the base file's entries there too (R31). The report
/// listed them as added and still asked to "copy the complete list here".
@Suite struct RegionComponentEnvTests {
    typealias Support = ValuesTestSupport

    @Test("a region file's own operate.env: the base file's entries are added, and the report does not ask for them",
          .enabled(if: SharedFixtures.available))
    func regionOperateEnv() throws {
        var input = try Support.referenceInput()
        let region1 = input.files[2].document
        input.files[2].document = try ValuesReader.read(
            region1.text + "operate:\n    env:\n        - name: CAMUNDA_OPERATE_IMPORTER_THREADSCOUNT\n          value: \"2\"\n",
            file: region1.path)
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        let region1Changes = result.changes.filter { $0.file == result.files[2].path }
        #expect(region1Changes.contains { $0.kind == .added && $0.rule == "R31" && $0.path.hasPrefix("orchestration.env[ZEEBE_BROKER_") },
                "\(region1Changes.map(\.message))")
        #expect(!region1Changes.contains { $0.message.contains("copy the complete list here") }, "\(region1Changes.map(\.message))")
        let root = try Support.parse(result.files[2].text)
        #expect(Support.env(root, "CAMUNDA_OPERATE_IMPORTER_THREADSCOUNT") == "2")
        #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
    }
}
