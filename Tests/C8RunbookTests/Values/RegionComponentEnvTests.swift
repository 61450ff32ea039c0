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
        let input = try Support.appendingToRegion1(try Support.referenceInput(),
                                                   "operate:\n    env:\n        - name: CAMUNDA_OPERATE_IMPORTER_THREADSCOUNT\n          value: \"2\"\n")
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

    /// The web app's own JVM options: in 8.8 Operate and Tasklist run in the orchestration pods' JVM, so their
    /// JAVA_TOOL_OPTIONS in orchestration.env would give the brokers the web app's heap (new-user trial).
    @Test("a web app's JAVA_TOOL_OPTIONS or JAVA_OPTS is not carried into orchestration.env, with a review",
          .enabled(if: SharedFixtures.available), arguments: [("operate", "JAVA_TOOL_OPTIONS"), ("tasklist", "JAVA_OPTS")])
    func webAppJVMOptions(block: String, variable: String) throws {
        let input = try Support.appendingToRegion1(
            try Support.referenceInput(),
            "\(block):\n    env:\n        - name: \(variable)\n          value: -Xmx2g\n        - name: CAMUNDA_\(block.uppercased())_IMPORTER_THREADSCOUNT\n          value: \"2\"\n")
        let scenario = try Support.inferredScenario(input)
        for (stage, result, _) in try Support.verifiedStages(input, scenario) {
            let text = result.files[2].text
            #expect(!text.contains("-Xmx2g"), "\(stage): \(text)")
            #expect(text.contains("CAMUNDA_\(block.uppercased())_IMPORTER_THREADSCOUNT"))
            #expect(result.changes.contains { $0.kind == .review && $0.message.hasPrefix("\(block).env \(variable) is not carried") })
        }
    }
}
