import Testing
@testable import C8Runbook

@Suite struct NextStepsTests {
    static let runbook = ProgressFixtures.reference

    @Test func theFirstStepIsTheStorageLayout() {
        let state = ProgressState(runbook: Self.runbook, file: ProgressFile(runbookFingerprint: "f"))
        #expect(state.next().map(\.id) == ["prepare.storage-layout"])
        #expect(!state.isComplete)
    }

    @Test func bothRegionsCopiesOfAStepComeTogether() throws {
        let file = try ProgressFixtures.ticked(["prepare.storage-layout", "prepare.versions"])
        let state = ProgressState(runbook: Self.runbook, file: file)
        #expect(state.next().map(\.id) == ["prepare.storage-version.region0", "prepare.storage-version.region1"])
        #expect(state.next(region: 1).map(\.id) == ["prepare.storage-version.region1"])
        // Once region 0 has done its part, region 1's copy is still next.
        let half = try ProgressFixtures.ticked(["prepare.storage-layout", "prepare.versions", "prepare.storage-version.region0"])
        let halfState = ProgressState(runbook: Self.runbook, file: half)
        #expect(halfState.next().map(\.id) == ["prepare.storage-version.region1"])
        #expect(halfState.next(region: 0).map(\.id) == ["prepare.backup"], "the backup is one step for both regions")
    }

    @Test func theMigrationWaitsInBothRegionsTogetherThenThePostMigration() throws {
        let file = try ProgressFixtures.walk { $0.next().contains { $0.phase == .migration } }
        let state = ProgressState(runbook: Self.runbook, file: file)
        #expect(state.next().map(\.id) == ["migration.watch"], "one watch over both regions' Jobs first")
        let watched = try ProgressFixtures.walk { $0.next().contains { $0.id.hasPrefix("migration.complete") } }
        #expect(ProgressState(runbook: Self.runbook, file: watched).next().map(\.id) == ["migration.complete.region0", "migration.complete.region1"])
        // Only required steps are offered, never a remedy.
        #expect(state.ready.allSatisfy { $0.required })
    }

    @Test func walkingNextToTheEndCompletesTheRunbookInAnOrderThatHonoursEveryConstraint() throws {
        let file = try ProgressFixtures.walk { $0.isComplete }
        let state = ProgressState(runbook: Self.runbook, file: file)
        #expect(state.isComplete)
        #expect(state.next().isEmpty)
        #expect(file.events.allSatisfy { !$0.forced })
        #expect(Set(file.events.map(\.step)) == Set(Self.runbook.steps.filter(\.required).map(\.id)))
        #expect(NextSteps(state: state).text(scenario: Self.runbook.scenario).hasPrefix("Every required step is done."))
    }

    @Test func theTextShowsCommandsVerbatimAndHowToTick() throws {
        let file = try ProgressFixtures.walk { $0.next().contains { $0.id == "upgrade.helm.region0" } }
        let next = NextSteps(state: ProgressState(runbook: Self.runbook, file: file))
        #expect(next.steps.map(\.id) == ["upgrade.helm.region0", "upgrade.helm.region1"])
        let text = next.text(scenario: Self.runbook.scenario)
        let helm0 = try #require(Self.runbook.step(id: "upgrade.helm.region0")?.commands.first)
        #expect(text.contains("\n" + helm0 + "\n"))
        #expect(text.contains("region 1 (cluster-paris / camunda-paris)"))
        #expect(text.hasSuffix("When done: c8runbook tick upgrade.helm.region0 upgrade.helm.region1\n"))
    }
}
