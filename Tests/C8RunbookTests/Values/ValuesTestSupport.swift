@testable import C8Runbook
import Foundation
import Testing

/// Shared steps of the values tests: the reference input, its inferred scenario, migrated files.
enum ValuesTestSupport {
    static var referenceFolder: String { SharedFixtures.path("fixtures/c8-multi-region/8.7") }

    static func referenceInput() throws -> ValuesInput {
        let folder = referenceFolder
        return try ValuesInput.load(base: folder + "/camunda-values.yml", region0: folder + "/region0/camunda-values.yml",
                                    region1: folder + "/region1/camunda-values.yml")
    }

    /// `input` with its base file's text rewritten by `edit` and read again, as a team's edited file would be.
    /// - Throws: `UnchangedFixture` when the edit changed nothing (the fixture moved, and the test would test nothing
    ///   new), or the reader's error.
    static func editingBase(_ input: ValuesInput, _ edit: (String) throws -> String) throws -> ValuesInput {
        var input = input
        let base = input.files[0].document
        let text = try edit(base.text)
        guard text != base.text else { throw UnchangedFixture(path: base.path) }
        input.files[0].document = try ValuesReader.read(text, file: base.path)
        return input
    }

    /// The reference input with lines inserted at the top of the base file's `zeebe` and `zeebeGateway` blocks.
    static func referenceInput(zeebe: String, gateway: String = "") throws -> ValuesInput {
        try editingBase(try referenceInput()) {
            $0.replacingOccurrences(of: "\nzeebe:\n", with: "\nzeebe:\n" + zeebe)
                .replacingOccurrences(of: "\nzeebeGateway:\n", with: "\nzeebeGateway:\n" + gateway)
        }
    }

    struct UnchangedFixture: Error { var path: String }

    /// `input` with `text` appended to region 1's file, read again (a region file's own settings).
    static func appendingToRegion1(_ input: ValuesInput, _ text: String) throws -> ValuesInput {
        var input = input
        let region1 = input.files[2].document
        input.files[2].document = try ValuesReader.read(region1.text + text, file: region1.path)
        return input
    }

    /// Both stages' migrations of `input` (the migration, then the final stage), each checked as `values` checks it
    /// (no problems, the verifier passes), with the base file's written tree.
    static func verifiedStages(_ input: ValuesInput, _ scenario: Scenario) throws -> [(stage: MigrationStage, result: ValuesMigrationResult, base: ValuesNode)] {
        try [MigrationStage.migration, .final].map { stage in
            let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
            #expect(result.problems.isEmpty, "\(stage): \(result.problems)")
            #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
            return (stage, result, try parse(result.files[0].text))
        }
    }

    static func variantInput() throws -> ValuesInput {
        let folder = SharedFixtures.local("opensearch-shared")
        return try ValuesInput.load(base: folder + "/camunda-values.yml", region0: folder + "/region0/camunda-values.yml",
                                    region1: folder + "/region1/camunda-values.yml")
    }

    /// `init` on the input, then the strict loader on its output: the scenario a user would feed to `values`.
    static func inferredScenario(_ input: ValuesInput, _ options: ScenarioInference.Options = .init(kubeContexts: ["ctx-0", "ctx-1"])) throws -> Scenario {
        let (text, _) = try ScenarioInference(input: input, options: options).scenarioText()
        return try Scenario.parse(yaml: text, file: "inferred.yml")
    }

    static func parse(_ text: String) throws -> ValuesNode {
        try ValuesReader.read(text, file: "out.yml").root
    }

    /// `orchestration.env` value of `name`, "absent", or "valueFrom".
    static func env(_ root: ValuesNode, _ name: String) -> String {
        guard let entry = root.node(at: "orchestration.env")?.items?.first(where: { $0.value.envName == name })?.value else { return "absent" }
        return entry["value"]?.text ?? "valueFrom"
    }

    /// A scalar as kind:value, "absent", or the node kind.
    static func scalar(_ root: ValuesNode, _ path: String) -> String {
        guard let node = root.node(at: path) else { return "absent" }
        guard let scalar = node.scalar else { return node.entries != nil ? "mapping" : "list" }
        return "\(scalar.kind.rawValue):\(scalar.value)"
    }
}
