import Foundation
import Testing
import C8Runbook

/// Replays every input the fuzzers once broke on (`FuzzRegressions/<target>/`) through the same calls as the fuzz
/// target in `Fuzz/Sources/Fuzz<Target>/`: each must parse or throw the reader's error, never crash or hang. The
/// exact error each one gives is asserted by the test written with its fix.
@Suite struct FuzzRegressionTests {
    static let folder = TestPaths.file("Tests/C8RunbookTests/FuzzRegressions")

    static func inputs(_ target: String) -> [URL] {
        let directory = folder.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
    }

    static func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    @Test func theFolderHoldsOnlyTheThreeTargets() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names == ["README.md", "progress", "scenario", "values"])
    }

    @Test(arguments: inputs("scenario")) func scenario(_ url: URL) throws {
        let text = try Self.text(url)
        do {
            _ = try Scenario.parse(yaml: text, file: url.lastPathComponent)
        } catch {
            // A `ScenarioError` (typed throws): the clean outcome.
        }
    }

    @Test(arguments: inputs("values")) func values(_ url: URL) throws {
        let scenario = try Scenario.parse(yaml: Scenario.exampleYAML, file: "example.yml")
        guard let document = try? ValuesDocument.parse(try Self.text(url), path: url.lastPathComponent) else { return }
        _ = try? ValuesDocument.parse(document.rendered, path: "rendered.yml")
        let input = ValuesInput(files: [
            .init(role: .full(region: 0), document: document, relativePath: "region0/camunda-values.yml"),
            .init(role: .full(region: 1), document: document, relativePath: "region1/camunda-values.yml"),
        ])
        _ = try? ScenarioInference(input: input, options: .init()).scenarioText()
        for stage in MigrationStage.allCases {
            _ = ValuesMigration.migrate(input, scenario: scenario, stage: stage).diff
        }
    }

    @Test(arguments: inputs("progress")) func progress(_ url: URL) throws {
        guard let file = try? ProgressFile.decode(try Data(contentsOf: url), path: url.lastPathComponent) else { return }
        #expect(try ProgressFile.decode(file.encoded(), path: "again.json") == file)
    }
}
