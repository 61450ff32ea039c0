import Foundation
import Testing
@testable import C8Runbook

/// Runbooks/*/ hold example scenarios and the runbooks the tool makes of them; this test fails when one is stale.
@Suite struct ExampleRunbooksTests {
    static let refresh = "C8RUNBOOK_RECORD=1 swift test --filter ExampleRunbooksTests"

    static var examples: [String] {
        let root = TestPaths.file("Runbooks")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/scenario.yml").path) }.sorted()
    }

    /// The generated files of one example: name and content.
    static func outputs(_ runbook: Runbook) -> [(String, String)] {
        [("RUNBOOK.md", runbook.rendered(as: .markdown)), ("RUNBOOK.html", runbook.rendered(as: .html))]
    }

    @Test func thereAreAtLeastThreeExamples() {
        #expect(Self.examples.count >= 3)
        #expect(Self.examples.contains("reference"))
    }

    @Test(arguments: examples) func exampleRunbookIsCurrent(_ name: String) throws {
        let folder = TestPaths.file("Runbooks/\(name)")
        let scenario = try Scenario.load(contentsOf: folder.appendingPathComponent("scenario.yml").path)
        let runbook = Planner().plan(scenario)
        for (file, expected) in Self.outputs(runbook) {
            try GoldenFile.check(folder.appendingPathComponent(file), equals: expected, refresh: Self.refresh)
        }
    }

    @Test func theBuiltInExampleIsTheReferenceScenario() throws {
        let file = try String(contentsOf: TestPaths.file("Runbooks/reference/scenario.yml"), encoding: .utf8)
        #expect(Scenario.exampleYAML == file)
    }
}
