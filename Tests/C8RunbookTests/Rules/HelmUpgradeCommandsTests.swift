import Foundation
import Testing
@testable import C8Runbook

/// The `helm upgrade` commands of the upgrade, the clean-up and the troubleshooting re-runs (issue 10, items 1 and
/// 5): every file by absolute path and stage, the users file on all of them, the clean-up region by region.
@Suite struct HelmUpgradeCommandsTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        let name: String
        let fixture: ScenarioFixture
        var testDescription: String { name }
    }

    static let directory = "valuesFiles: { directory: /ops/camunda, base: base.yml, region0: r0/values.yml, region1: r1/values.yml }"

    /// The scenarios the issue names: the example's shape, OpenSearch, shared storage with both exporter
    /// managements, Identity + Optimize, basic-auth users with and without Connectors, unprotected API, no compression.
    static let shapes: [Shape] = [
        Shape(name: "reference", fixture: ScenarioFixture(extra: directory)),
        Shape(name: "opensearch", fixture: ScenarioFixture(type: .opensearch, extra: directory)),
        Shape(name: "shared manual", fixture: ScenarioFixture(layout: .shared, extra: directory)),
        Shape(name: "shared helm-managed", fixture: ScenarioFixture(layout: .shared, management: .helmManaged, extra: directory)),
        Shape(name: "identity and optimize", fixture: ScenarioFixture(identity: true, optimize: true, extra: directory)),
        Shape(name: "users without connectors", fixture: ScenarioFixture(extra: directory + "\nbasicAuthUsers: [alice, { name: bob, role: USER }]")),
        Shape(name: "users with connectors", fixture: ScenarioFixture(extra: directory + "\nbasicAuthUsers: [alice]\nconnectors: true")),
        Shape(name: "unprotected API", fixture: ScenarioFixture(api: .unprotected, extra: directory)),
        Shape(name: "no compression", fixture: ScenarioFixture(compression: .none, extra: directory)),
    ]

    /// The `-f` arguments of one command, in order.
    func files(_ command: String) -> [String] {
        command.components(separatedBy: " \\\n").compactMap { line in
            let line = line.trimmingCharacters(in: .whitespaces)
            return line.hasPrefix("-f ") ? String(line.dropFirst(3)) : nil
        }
    }

    @Test(arguments: shapes) func upgradeUsesTheMigrationFilesAndCleanUpTheFinalOnes(_ shape: Shape) throws {
        let scenario = try shape.fixture.scenario
        let runbook = Planner().plan(scenario)
        let users = scenario.basicAuthUsers.isEmpty ? [] : ["/ops/camunda/camunda-users.yml"]
        for id in [0, 1] {
            let upgrade = try #require(runbook.step(id: "upgrade.helm.region\(id)")?.commands.first)
            let cleanUp = try #require(runbook.step(id: "post.helm.region\(id)")?.commands.first)
            #expect(files(upgrade) == ["/ops/camunda/values-8.8/base.yml", "/ops/camunda/values-8.8/r\(id)/values.yml"] + users)
            #expect(files(cleanUp) == ["/ops/camunda/values-8.8-final/base.yml", "/ops/camunda/values-8.8-final/r\(id)/values.yml"] + users)
            #expect(upgrade != cleanUp, "the upgrade and the clean-up are never the same command")
            #expect(upgrade.contains("--kube-context ctx-\(id == 0 ? "zero" : "one")") && cleanUp.contains("--namespace ns-\(id == 0 ? "zero" : "one")"))
        }
        for rerun in runbook.steps where rerun.id.hasPrefix("troubleshooting.failed-migration-job") {
            let id = try #require(rerun.region)
            #expect(rerun.commands.last == runbook.step(id: "upgrade.helm.region\(id)")?.commands.first, "the re-run repeats the upgrade with the same files")
        }
    }

    @Test(arguments: shapes) func noCommandDependsOnTheCurrentFolder(_ shape: Shape) throws {
        let runbook = Planner().plan(try shape.fixture.scenario, scenarioFile: "scenario.yml")
        for step in runbook.steps {
            for command in step.commands {
                for file in files(command) { #expect(file.hasPrefix("/") || file.hasPrefix("'/"), "\(step.id): \(file)") }
                if command.contains(" apply -f ") { #expect(command.contains(" apply -f /"), "\(step.id): \(command)") }
                if command.hasPrefix("c8runbook values") {
                    #expect(command.contains("--scenario /ops/camunda/scenario.yml"))
                    let words = command.split(separator: " ")
                    for (index, word) in words.enumerated() where word.hasPrefix("--") && word != "--stage" && word != "--scenario" {
                        #expect(words[index + 1].hasPrefix("/"), "\(step.id): \(word) \(words[index + 1])")
                    }
                }
            }
        }
    }

    @Test(arguments: shapes) func cleanUpIsRollingRegionByRegion(_ shape: Shape) throws {
        let ids = Planner().plan(try shape.fixture.scenario).steps.map(\.id)
        let order = try ["post.helm.region0", "post.rollout.region0", "post.helm.region1", "post.rollout.region1"].map { id in
            try #require(ids.firstIndex(of: id), "missing \(id)")
        }
        #expect(order == order.sorted(), "region 0 rolls out before region 1's clean-up starts")
        #expect(order[1] == order[0] + 1 && order[2] == order[1] + 1)
        let rollout = try #require(Planner().plan(try shape.fixture.scenario).step(id: "post.rollout.region0"))
        #expect(rollout.commands.contains { $0.contains("rollout status --watch --timeout=600s statefulset/camunda-zeebe") })
        #expect(rollout.commands.contains { $0.contains("/v2/topology") }, "a healthy topology before region 1")
    }

    @Test func theUpgradeItselfStaysSimultaneous() throws {
        let ids = Planner().plan(try ScenarioFixture().scenario).steps.map(\.id)
        let helm0 = try #require(ids.firstIndex(of: "upgrade.helm.region0"))
        #expect(ids[helm0 + 1] == "upgrade.helm.region1")
    }

    @Test func usersFileFromTheScenarioIsPassedAsWritten() throws {
        let s = try ScenarioFixture(extra: "valuesFiles: { directory: /ops, region0: a.yml, region1: b.yml, users: ../secrets/users.yml }\nbasicAuthUsers: [alice]").scenario
        let runbook = Planner().plan(s)
        for id in ["upgrade.helm.region1", "post.helm.region1", "troubleshooting.failed-migration-job.region1"] {
            let command = try #require(runbook.step(id: id)?.commands.last)
            #expect(files(command).last == "/secrets/users.yml", "\(id)")
        }
        let auth = try #require(runbook.step(id: "values.authentication"))
        #expect(auth.blocks.contains { $0.label?.contains("/secrets/users.yml") == true })
    }
}
