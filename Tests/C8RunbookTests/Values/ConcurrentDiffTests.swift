@testable import C8Runbook
import Foundation
import Testing

/// `values --diff` makes its diff with the 8.7 texts redacted on a thread of their own: the same patch as `diff`.
@Suite("values --diff: the diff redacted on two threads is the diff", .enabled(if: SharedFixtures.available))
struct ConcurrentDiffTests {
    /// Every layered field case (secrets to redact, several files rewritten) and the reference, in both stages.
    @Test("the same patch as diff for the reference and every layered field case, both stages")
    func samePatch() throws {
        // The reference, and the reference with a plaintext password in a block the rules move (its lines are in the diff).
        var inputs = [try ValuesTestSupport.referenceInput(), try ValuesTestSupport.referenceInput(zeebe: "    password: hunter2-not-real\n")]
        let cases = SharedFixtures.path("cases/values")
        for name in try FileManager.default.contentsOfDirectory(atPath: cases).sorted() {
            let folder = cases + "/" + name
            guard FileManager.default.fileExists(atPath: folder + "/camunda-values.yml"),
                  let input = try? ValuesInput.load(base: folder + "/camunda-values.yml", region0: folder + "/region0/camunda-values.yml",
                                                    region1: folder + "/region1/camunda-values.yml") else { continue }
            inputs.append(input)
        }
        var compared = 0, redacted = 0
        for input in inputs {
            guard let scenario = try? ValuesTestSupport.inferredScenario(input) else { continue }
            for stage in MigrationStage.allCases {
                let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
                let patch = result.diffRedactingConcurrently
                #expect(patch == result.diff)
                if !patch.isEmpty { compared += 1 }
                if patch.contains("<redacted") { redacted += 1 }
            }
        }
        // Real patches were compared, some with secrets hidden.
        #expect(compared >= 6)
        #expect(redacted >= 1)
    }
}
