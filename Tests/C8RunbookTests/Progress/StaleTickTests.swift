import Testing
@testable import C8Runbook

/// Regeneration: after the scenario changes, ticks of steps whose content changed or that disappeared are stale.
@Suite struct StaleTickTests {
    static let before = ProgressFixtures.reference
    /// Region 1 moves to another namespace: region 1's steps change, and so does `prepare.versions`, whose commands
    /// look into both namespaces; region 0's steps do not.
    static let after = ProgressFixtures.runbook(ProgressFixtures.referenceReplacing("namespace: camunda-paris", with: "namespace: camunda-paris-2"))

    @Test func ticksOfChangedStepsAreStaleAndDoNotCount() throws {
        let file = try ProgressFixtures.ticked(["prepare.storage-layout", "prepare.versions", "prepare.storage-version.region0",
                                                "prepare.storage-version.region1"], runbook: Self.before)
        let state = ProgressState(runbook: Self.after, file: file)
        #expect(state.isDone("prepare.storage-version.region0"))
        #expect(state.entry("prepare.storage-version.region1")?.status == .stale)
        #expect(state.entry("prepare.storage-version.region1")?.staleReason == .changed)
        #expect(state.staleTicks.map(\.step) == ["prepare.versions", "prepare.storage-version.region1"])
        #expect(!state.fingerprintMatches)
        // Stale steps are open again: `next` offers them, and `status` does not count them.
        let report = ProgressReport(state: state, progressFile: "p.json", hasFile: true)
        #expect(report.required.done == 2)
        #expect(report.stale.map(\.step) == ["prepare.versions", "prepare.storage-version.region1"])
        #expect(state.ready.contains { $0.id == "prepare.storage-version.region1" })
        // Ticking it again clears it.
        var again = file
        _ = try ProgressFixtures.recorder(Self.after).apply(.init(action: .tick, steps: ["prepare.versions", "prepare.storage-version.region1"], by: "carol"), to: &again)
        let fixed = ProgressState(runbook: Self.after, file: again)
        #expect(fixed.isDone("prepare.storage-version.region1") && fixed.staleTicks.isEmpty)
    }

    @Test func ticksOfStepsThatDisappearedAreStale() throws {
        var file = try ProgressFixtures.ticked(["prepare.storage-layout", "prepare.versions"], runbook: Self.before)
        file.events.append(ProgressEvent(action: .tick, step: "values.gone", contentHash: "0000000000000000", by: "dave",
                                         at: "2026-11-24T10:00:00Z", host: "h"))
        let state = ProgressState(runbook: Self.before, file: file)
        #expect(state.staleTicks.map(\.step) == ["values.gone"])
        #expect(state.staleTicks.first?.reason == .removed)
        // It can be unticked to clear it, although it is not in the runbook.
        _ = try ProgressFixtures.recorder().apply(.init(action: .untick, steps: ["values.gone"], by: "dave"), to: &file)
        #expect(ProgressState(runbook: Self.before, file: file).staleTicks.isEmpty)
        // But it cannot be ticked.
        #expect(throws: ProgressError.self) {
            _ = try ProgressFixtures.recorder().apply(.init(action: .tick, steps: ["values.gone"], by: "dave"), to: &file)
        }
    }

    /// A real scenario change that removes steps: Optimize keeps the legacy exporters (R57), so the exporter
    /// disabling steps go away.
    @Test func switchingOnOptimizeMakesTheDisableTicksStale() throws {
        let file = try ProgressFixtures.walk(Self.before) { $0.isDone("post.exporters.confirm") }
        #expect(ProgressState(runbook: Self.before, file: file).isDone("post.exporters.disable"))
        let optimize = ProgressFixtures.runbook(ProgressFixtures.referenceReplacing("identity: false\noptimize: false", with: "identity: true\noptimize: true"))
        #expect(optimize.step(id: "post.exporters.disable") == nil)
        let stale = ProgressState(runbook: optimize, file: file).staleTicks
        #expect(stale.contains { $0.step == "post.exporters.disable" && $0.reason == .removed })
    }

    /// Commands that name the scenario file change with the path as typed; progress is tracked against a runbook
    /// planned with the default name, so that such a change is not a change of the step.
    @Test func progressIsTrackedAgainstTheDefaultScenarioName() throws {
        let scenario = try Scenario.parse(yaml: ProgressFixtures.referenceYAML, file: "scenario.yml")
        let typed = Planner().plan(scenario, scenarioFile: "/home/ops/upgrade/scenario.yml")
        let tracked = Planner().planForProgress(scenario)
        #expect(typed.step(id: "values.write-files")?.contentHash != tracked.step(id: "values.write-files")?.contentHash)
        #expect(tracked.fingerprint == Self.before.fingerprint)
    }
}
