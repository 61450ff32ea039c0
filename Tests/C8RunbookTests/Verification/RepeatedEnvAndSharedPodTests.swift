@testable import C8Runbook
import Foundation
import Testing

/// A repeated 8.7 env entry keeps its effective (last) value, and the verifier compares effective values; ports that
/// only clash once broker and gateway share the 8.8 orchestration pod are refused.
@Suite("Values: the effective env value survives; the orchestration container has no port twice", .enabled(if: SharedFixtures.available))
struct RepeatedEnvAndSharedPodTests {
    typealias Support = ValuesTestSupport

    /// The reference input with `edit` applied to the base file's text.
    static func input(_ edit: (String) -> String) throws -> ValuesInput {
        let folder = Support.referenceFolder
        let base = edit(try String(contentsOfFile: folder + "/camunda-values.yml", encoding: .utf8))
        return ValuesInput(files: [
            .init(role: .base, document: try ValuesReader.read(base, file: "camunda-values.yml"), relativePath: "camunda-values.yml"),
            .init(role: .overlay(region: 0), document: try ValuesReader.load(path: folder + "/region0/camunda-values.yml"), relativePath: "region0/camunda-values.yml"),
            .init(role: .overlay(region: 1), document: try ValuesReader.load(path: folder + "/region1/camunda-values.yml"), relativePath: "region1/camunda-values.yml"),
        ])
    }

    /// The reference base with the snapshot period set twice in `zeebe.env`: 5m, then 15m (the one Kubernetes uses).
    static func repeatedSnapshotPeriod() throws -> ValuesInput {
        try input { text in
            let once = "        - name: ZEEBE_BROKER_DATA_SNAPSHOTPERIOD\n          value: 5m\n"
            #expect(text.contains(once), "the reference sets the snapshot period once")
            return text.replacingOccurrences(of: once, with: once + "        - name: ZEEBE_BROKER_DATA_SNAPSHOTPERIOD\n          value: 15m\n")
        }
    }

    /// Inserts `lines` at the top of the base file's top-level `block` mapping.
    static func insert(_ lines: String, into block: String) -> (String) -> String {
        { $0.replacingOccurrences(of: "\n\(block):\n", with: "\n\(block):\n" + lines) }
    }

    static func verifierFiles(_ input: ValuesInput, _ result: ValuesMigrationResult) -> [ValuesVerifier.File] {
        zip(input.files, result.files).map { ValuesVerifier.File(path: $1.path, role: $0.role, original: $0.document.text, written: $1.text) }
    }

    @Test("a repeated zeebe.env entry keeps the last value and reports the dropped earlier one")
    func repeatedEntryKeepsTheLast() throws {
        let input = try Self.repeatedSnapshotPeriod()
        let scenario = try Support.inferredScenario(input)
        for stage in MigrationStage.allCases {
            let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
            let root = try Support.parse(result.files[0].text)
            #expect(Support.env(root, "CAMUNDA_DATA_SNAPSHOTPERIOD") == "15m", "\(stage)")
            #expect(root.node(at: "orchestration.env")?.items?.filter { $0.value.envName == "CAMUNDA_DATA_SNAPSHOTPERIOD" }.count == 1)
            let review = result.changes.filter { $0.path == "orchestration.env[CAMUNDA_DATA_SNAPSHOTPERIOD]" && $0.kind == .review }
            #expect(review.count == 1 && review[0].message.contains("kept the last entry"), "\(result.changes.map(\.message))")
            #expect(review.first?.source?.line == 55, "the review item points at the dropped 5m entry: \(String(describing: review.first?.source))")
            #expect(!review.contains { $0.message.contains("5m") }, "no value is printed")
            #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
        }
    }

    @Test("the verifier refuses an 8.8 env value that is not the effective 8.7 value")
    func changedEffectiveValueIsAnError() throws {
        let input = try Self.repeatedSnapshotPeriod()
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        var files = Self.verifierFiles(input, result)
        #expect(ValuesVerifier.problems(files, scenario: scenario, stage: .migration).isEmpty)

        // What keeping the first entry wrote: the 5m the 8.7 broker never ran with.
        let kept = "- name: CAMUNDA_DATA_SNAPSHOTPERIOD\n          value: 15m"
        #expect(files[0].written.contains(kept))
        files[0].written = files[0].written.replacingOccurrences(of: kept, with: "- name: CAMUNDA_DATA_SNAPSHOTPERIOD\n          value: 5m")
        let first = ValuesVerifier.problems(files, scenario: scenario, stage: .migration)
        let problem = try #require(first.first { $0.key == "orchestration.env[CAMUNDA_DATA_SNAPSHOTPERIOD]" }, "\(first)")
        #expect(problem.rule == "R23" && problem.region == 0 && problem.exitStatus == .internalSoftware)
        #expect(problem.message.contains("zeebe.env ZEEBE_BROKER_DATA_SNAPSHOTPERIOD") && !problem.description.contains("5m"))

        // A renamed gateway variable whose value changed on the way (R14) is caught too.
        let (reference, referenceScenario) = try ValuesVerifierTests.files(.migration)
        var edited = reference
        let probe = "- name: ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT\n          value: 500ms"
        #expect(edited[0].written.contains(probe))
        edited[0].written = edited[0].written.replacingOccurrences(of: probe, with: probe.replacingOccurrences(of: "500ms", with: "900ms"))
        let gateway = ValuesVerifier.problems(edited, scenario: referenceScenario, stage: .migration)
        #expect(gateway.contains { $0.key == "orchestration.env[ZEEBE_BROKER_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT]" && $0.rule == "R14" }, "\(gateway)")
    }

    @Test("broker and gateway ports that meet in the orchestration container are refused (exit 65)",
          arguments: [("zeebe", "    service:\n        commandPort: 26500\n", "orchestration.service.grpcPort", "orchestration.service.commandPort", "26500"),
                      ("zeebeGateway", "    service:\n        grpcPort: 26502\n", "orchestration.service.grpcPort", "orchestration.service.internalPort", "26502")])
    func sharedPodPortClash(block: String, lines: String, key: String, other: String, port: String) throws {
        let input = try Self.input(Self.insert(lines, into: block))
        let scenario = try Support.inferredScenario(input)
        let result = ValuesMigration.migrate(input, scenario: scenario, stage: .migration)
        let error = try #require(throws: ValuesVerificationError.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
        #expect(error.exitStatus == .dataError && error.region == 0 && error.key == key, "\(error)")
        #expect(error.description.contains("region 0: '\(key)'") && error.description.contains("port \(port) is also \(other)"), "\(error)")
        #expect(!error.description.contains("\n"))
        let problems = ValuesVerifier.problems(Self.verifierFiles(input, result), scenario: scenario, stage: .migration)
        #expect(problems.contains { $0.region == 1 && $0.key == key }, "the base file sets it for both regions")
    }

    @Test("the chart's default ports and the reference pass the container check")
    func defaultsPass() throws {
        let (files, scenario) = try ValuesVerifierTests.files(.migration)
        #expect(!ValuesVerifier.problems(files, scenario: scenario, stage: .migration).contains { $0.message.contains("orchestration container") })
        var edited = files
        edited[1].written += "orchestration:\n  service:\n    grpcPort: 26501\n"
        let found = ValuesVerifier.problems(edited, scenario: scenario, stage: .migration)
        #expect(found.contains { $0.key == "orchestration.service.grpcPort" && $0.region == 0 && $0.message.contains("orchestration.service.commandPort") })
        #expect(!found.contains { $0.region == 1 })
    }
}
