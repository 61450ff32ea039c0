import Foundation
import Testing
@testable import C8Runbook

@Suite struct PlannerTests {
    /// rules.md §F.6: the reference end-to-end order (per-region storage, manual exporters, no Identity or Optimize).
    @Test func referenceRunbookFollowsTheF6Order() throws {
        let ids = Planner().plan(try ScenarioFixture.reference).steps.map(\.id)
        let milestones = [
            "prepare.versions", "prepare.exporter-inventory",                            // 1. F01–F07
            "values.exporter-switch", "values.legacy-exporters", "values.camunda-exporters", "values.data-migration", // 2.
            "upgrade.helm-repo", "upgrade.helm.region0", "upgrade.helm.region1",         // 3. F13–F15 back to back
            "upgrade.rollout.region0", "upgrade.rollout.region1",                        // 4. F16–F19 ×2
            "migration.complete.region0", "migration.complete.region1",                  // 5. F20–F24 ×2
            "verify.topology", "verify.pods.region0", "verify.health.region1",           // 6. F27–F30
            "post.precondition", "post.exporters.disable", "post.exporters.confirm",     // 7. F31–F35 once
            "post.values.remove-legacy-exporters", "post.values.migration-off", "post.helm.region0", "post.rollout.region0", "post.helm.region1", "post.rollout.region1", // 8. F36
            "post.exporters.recheck",                                                    // 9. F35/F37 re-check
        ]
        let positions = try milestones.map { id in try #require(ids.firstIndex(of: id), "missing \(id)") }
        #expect(positions == positions.sorted(), "out of order: \(zip(milestones, positions).map { "\($0)@\($1)" })")
        let helm0 = try #require(ids.firstIndex(of: "upgrade.helm.region0"))
        #expect(ids[helm0 + 1] == "upgrade.helm.region1", "O3: the two upgrades are back to back")
        let post0 = try #require(ids.firstIndex(of: "post.helm.region0"))
        #expect(ids[post0 + 1] == "post.rollout.region0", "O7: the clean-up is rolling: region 0 rolls out before region 1 starts")
        #expect(ids[post0 + 2] == "post.helm.region1")
        #expect(!ids.contains { $0.hasPrefix("troubleshooting.") && ids.firstIndex(of: $0)! < post0 })
    }

    /// A target chart the release table does not know (new-user trial): the words said "(13.99.0 ships )" and
    /// "Chart 13.99.0 ships camunda/camunda ;", an empty image read as a value by Mustache.
    @Test func unknownTargetChartNamesNoImage() throws {
        var scenario = try ScenarioFixture.reference
        scenario.chart.to = "13.99.0"
        let markdown = Planner().plan(scenario).rendered(as: .markdown)
        #expect(!markdown.contains(" ships )") && !markdown.contains("camunda/camunda ;"))
        #expect(markdown.contains("the 13.x chart raises the image itself (see its `elasticsearch.image.tag`)"))
        #expect(markdown.contains("Check that your image carries the fix before restarting."))
        #expect(markdown.contains("Chart `13.99.0` is not one this c8runbook knows"))
        // And on standard error with the scenario's other warnings.
        #expect(scenario.warnings.contains { $0.hasPrefix("chart.to 13.99.0 is not a chart this c8runbook knows") })
        #expect(!(try ScenarioFixture.reference).warnings.contains { $0.contains("is not a chart this c8runbook knows") })
    }

    @Test func referenceRunbookHasEveryPhase() throws {
        let runbook = Planner().plan(try ScenarioFixture.reference)
        #expect(runbook.phases.map(\.phase) == Phase.allCases)
        #expect(runbook.phases.allSatisfy { !$0.title.isEmpty && !$0.summary.isEmpty })
    }

    @Test(arguments: ScenarioFixture.all) func everyCombinationHonoursTheOrderingConstraints(_ fixture: ScenarioFixture) throws {
        let scenario = try fixture.scenario
        let runbook = Planner().plan(scenario)
        let steps = runbook.steps
        let position = Dictionary(uniqueKeysWithValues: steps.enumerated().map { ($1.id, $0) })
        #expect(position.count == steps.count, "step ids are unique")

        for constraint in OrderingConstraint.catalogue {
            switch constraint.kind {
            case let .before(earlier, later):
                for first in steps where earlier.matches(first) && first.phase != .troubleshooting {
                    for second in steps where later.matches(second) && !earlier.matches(second) {
                        #expect(position[first.id]! < position[second.id]!, "\(constraint.id): \(first.id) before \(second.id)")
                        #expect(second.after.contains { $0.step == first.id }, "\(second.id) records \(first.id)")
                    }
                }
            case let .backToBack(pairs):
                for pair in pairs {
                    guard let first = position[pair.first], let second = position[pair.second] else { continue }
                    #expect(second == first + 1, "\(constraint.id): \(pair.first) then \(pair.second)")
                }
            case .advisory:
                break
            }
        }
        // O5: the legacy exporters are disabled only without Optimize, and after every migration job.
        let disable = steps.first { $0.id == "post.exporters.disable" }
        #expect((disable != nil) == !scenario.optimize)
        if let disable {
            for region in scenario.migrationRegions {
                #expect(disable.after.contains { $0.step == "migration.complete.region\(region)" && $0.constraint == "O5" })
            }
        }
        // Phases in order; remedies are never required.
        #expect(steps.map(\.phase) == steps.map(\.phase).sorted())
        #expect(steps.filter { $0.phase == .troubleshooting }.allSatisfy { !$0.required })
    }

    @Test(arguments: ScenarioFixture.all) func everyCommandNamesItsClusterAndNamespace(_ fixture: ScenarioFixture) throws {
        let scenario = try fixture.scenario
        for step in Planner().plan(scenario).steps {
            #expect(!step.sources.isEmpty, "\(step.id) cites its sources")
            #expect(step.id.range(of: #"^[a-z]+(\.[a-z0-9-]+)+$"#, options: .regularExpression) != nil, "readable id \(step.id)")
            for command in step.commands {
                for line in command.components(separatedBy: "\n") where line.contains("kubectl ") {
                    #expect(line.range(of: #"kubectl --context \S+ -n [a-z0-9-]+ "#, options: .regularExpression) != nil, "\(step.id): \(line)")
                }
                if command.hasPrefix("helm upgrade") {
                    // The abort path goes back to the installed 8.7 chart; everything else pins the target.
                    let version = step.id.hasPrefix("rollback.") ? scenario.chart.from : scenario.chart.to
                    #expect(command.contains("--version \(version)") && command.contains("--kube-context") && command.contains("--namespace"))
                }
                if command.hasPrefix("helm --kube-context") { #expect(command.contains("--namespace")) }
                if let region = step.region, command.contains("kubectl") || command.hasPrefix("helm") {
                    #expect(command.contains(scenario.regions[region].namespace), "\(step.id) runs in its own region")
                }
                #expect(!command.contains("PLACEHOLDER") && !command.contains("<RELEASE"), "\(step.id)")
            }
        }
    }

    @Test func sameScenarioSameBytes() throws {
        let scenario = try ScenarioFixture(identity: true, optimize: true).scenario
        #expect(Planner().plan(scenario).rendered(as: .markdown) == Planner().plan(scenario).rendered(as: .markdown))
        #expect(Planner().plan(scenario).jsonText == Planner().plan(scenario).jsonText)
    }

    @Test func perRegionStepsHaveOneIDPerRegion() throws {
        let steps = Planner().plan(try ScenarioFixture.reference).steps
        for step in steps where step.region != nil {
            #expect(step.id.hasSuffix(".region\(step.region!)"))
        }
        #expect(steps.filter { $0.id.hasPrefix("upgrade.helm.region") }.map(\.region) == [0, 1])
    }
}

extension PlannerTests {
    /// A dress rehearsal ticked `verify.topology` and `migration.complete.region0` before any helm upgrade: every
    /// migration and verify step waits for both rollouts (U1), every clean-up step for the migration jobs (U2).
    @Test func migrationVerifyAndCleanUpWaitForTheUpgrade() throws {
        let runbook = Planner().plan(try ScenarioFixture().scenario)
        func prerequisites(of id: String) -> Set<String> {
            var seen = Set<String>(), queue = [id]
            while let next = queue.popLast() {
                for dependency in runbook.step(id: next)?.after ?? [] where seen.insert(dependency.step).inserted {
                    queue.append(dependency.step)
                }
            }
            return seen
        }
        for step in runbook.steps where [.migration, .verify, .postMigration].contains(step.phase) {
            let before = prerequisites(of: step.id)
            #expect(before.isSuperset(of: ["upgrade.helm.region0", "upgrade.helm.region1"]), "\(step.id)")
            if step.phase == .postMigration {
                #expect(before.isSuperset(of: ["migration.complete.region0", "migration.complete.region1"]), "\(step.id)")
            }
        }
    }
}
