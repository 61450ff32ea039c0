import Testing
@testable import C8Runbook

@Suite struct GuardrailTests {
    static let runbook = ProgressFixtures.reference

    static func apply(_ ids: [String], to file: inout ProgressFile, force: Bool = false,
                      action: ProgressEvent.Action = .tick) throws(ProgressError) -> [ProgressRecorder.Outcome] {
        try ProgressFixtures.recorder().apply(.init(action: action, steps: ids, by: "bob", note: "n", force: force), to: &file)
    }

    @Test func anUnknownStepIsRefusedWithTheClosestIds() {
        var file = ProgressFile(runbookFingerprint: "f")
        #expect(throws: ProgressError.unknownStep(id: "upgrade.helm.regoin0", suggestions: ["upgrade.helm.region0", "upgrade.helm.region1", "upgrade.helm-repo"])) {
            _ = try Self.apply(["upgrade.helm.regoin0"], to: &file)
        }
        #expect(file.events.isEmpty)
        #expect(ProgressError.unknownStep(id: "x", suggestions: []).exitStatus == .usage)
    }

    /// O5: the legacy exporters are disabled only after every migration job completed.
    @Test func disablingLegacyExportersBeforeTheMigrationCompletedIsRefused() throws {
        var file = try ProgressFixtures.walk { $0.next().contains { $0.phase == .migration } }
        _ = try Self.apply(["migration.complete.region0"], to: &file)
        let before = file
        #expect {
            _ = try Self.apply(["post.exporters.disable"], to: &file)
        } throws: { error in
            guard case let .blocked(step, open) = error as? ProgressError else { return false }
            return step == "post.exporters.disable" && open.map(\.step).contains("migration.complete.region1")
                && open.first { $0.step == "migration.complete.region1" }?.constraint == "O5"
                && !open.map(\.step).contains("migration.complete.region0")
        }
        #expect(file == before)
        let message = ProgressError.blocked(step: "post.exporters.disable", prerequisites: ProgressState(runbook: Self.runbook, file: file)
            .openPrerequisites(of: Self.runbook.step(id: "post.exporters.disable")!)).description
        #expect(message.contains(": 'migration.watch', 'migration.complete.region1' and 'post.precondition' are not done (O5: Legacy exporters are disabled only after every data-migration job is Complete"))
        #expect(message.hasSuffix("use --force to record it anyway"))
    }

    @Test func forceRecordsTheTickAsForcedWithWhatItOverrode() throws {
        var file = try ProgressFixtures.ticked(["prepare.storage-layout"])
        let outcomes = try Self.apply(["post.exporters.disable"], to: &file, force: true)
        guard case let .recorded(event, previous, overridden) = try #require(outcomes.first) else {
            Issue.record("not recorded"); return
        }
        #expect(event.forced && event.step == "post.exporters.disable" && previous == nil)
        #expect(overridden.contains { $0.step == "migration.complete.region0" && $0.constraint == "O5" })
        #expect(file.events.last == event)
        #expect(ProgressState(runbook: Self.runbook, file: file).isDone("post.exporters.disable"))
        // --force on a step with nothing open is not recorded as forced.
        _ = try Self.apply(["prepare.versions"], to: &file, force: true)
        #expect(file.events.last?.forced == false)
    }

    /// Remedies are ticked when used (after O1, like every step) and are nobody's prerequisite.
    @Test func troubleshootingStepsNeverBlockAnything() throws {
        var file = try ProgressFixtures.ticked(["prepare.storage-layout"])
        _ = try Self.apply(["troubleshooting.importer-stalls"], to: &file)
        #expect(file.events.count == 2 && !file.events[1].forced)
        let troubleshooting = Self.runbook.steps.filter { $0.phase == .troubleshooting }.map(\.id)
        let state = ProgressState(runbook: Self.runbook, file: file)
        for step in Self.runbook.steps {
            #expect(!state.openPrerequisites(of: step).contains { troubleshooting.contains($0.step) })
        }
    }

    /// O3: the page prints "After: upgrade.helm.region0" for region 1's upgrade, so region 1 alone is refused;
    /// `next` offers both, and ticking both in one command (in any order) records them in the runbook's order.
    @Test func backToBackPartnersAreTickedInThePagesOrder() throws {
        var file = try ProgressFixtures.walk { $0.next().contains { $0.id == "upgrade.helm.region0" } }
        let next = ProgressState(runbook: Self.runbook, file: file).next().map(\.id)
        #expect(next == ["upgrade.helm.region0", "upgrade.helm.region1"])
        #expect(throws: ProgressError.blocked(step: "upgrade.helm.region1", prerequisites: [
            OpenPrerequisite(step: "upgrade.helm.region0", constraint: "O3", reason: ProgressState.reason("O3"))])) {
            _ = try Self.apply(["upgrade.helm.region1"], to: &file)
        }
        _ = try Self.apply(["upgrade.helm.region1", "upgrade.helm.region0"], to: &file)
        #expect(file.events.suffix(2).map(\.step) == ["upgrade.helm.region0", "upgrade.helm.region1"])
        #expect(file.events.last?.forced == false)
        // But not before region 0 could start: O2's prerequisites still hold through the pair.
        var early = try ProgressFixtures.ticked(["prepare.storage-layout"])
        #expect(throws: ProgressError.self) { _ = try Self.apply(["upgrade.helm.region1"], to: &early) }
    }

    @Test func stepsOfOneRequestMayDependOnEachOther() throws {
        var file = ProgressFile(runbookFingerprint: "f")
        _ = try Self.apply(["prepare.storage-layout", "prepare.versions"], to: &file)
        #expect(file.events.map(\.step) == ["prepare.storage-layout", "prepare.versions"])
    }

    @Test func unticking() throws {
        var file = try ProgressFixtures.ticked(["prepare.storage-layout", "prepare.versions"])
        let outcomes = try Self.apply(["prepare.versions", "prepare.keep-setup"], to: &file, action: .untick)
        #expect(outcomes.count == 2)
        #expect(outcomes[1] == .notTicked(step: "prepare.keep-setup"))
        #expect(file.events.count == 3 && file.events[2].action == .untick)
        let state = ProgressState(runbook: Self.runbook, file: file)
        #expect(!state.isDone("prepare.versions") && state.isDone("prepare.storage-layout"))
        #expect(state.doneDependents(of: "prepare.versions").isEmpty)
        #expect(state.doneDependents(of: "prepare.storage-layout").isEmpty)
        let walked = ProgressState(runbook: Self.runbook, file: try ProgressFixtures.walk { $0.isDone("post.exporters.disable") })
        let dependents = walked.doneDependents(of: "migration.complete.region1")
        #expect(dependents.map(\.step) == ["post.precondition", "post.exporters.disable"])
        #expect(dependents.map(\.constraint) == ["U2", "O5"], "the clean-up waits for the migration (U2); disabling exporters by O5")
        // The history stays: the tick is still in the log.
        #expect(file.events[1].step == "prepare.versions" && file.events[1].action == .tick)
    }

    @Test(arguments: [("", "--by"), ("a\u{1b}[31mred", "--by"), (String(repeating: "x", count: 101), "--by")])
    func namesMustBePrintableLines(_ name: String, _ option: String) {
        var file = ProgressFile(runbookFingerprint: "f")
        #expect {
            _ = try ProgressFixtures.recorder().apply(.init(action: .tick, steps: ["prepare.storage-layout"], by: name), to: &file)
        } throws: { error in
            if case .badValue(option, _) = error as? ProgressError { return true } else { return false }
        }
    }
}

/// The tracker matches the page: every "do after" the runbook prints for a step (Markdown "After:", HTML "Do after")
/// is a prerequisite `tick` enforces, per region too, in every combination of the scenario's choices.
@Suite struct PagePrerequisiteTests {
    @Test func everyDoAfterThePagePrintsIsEnforced() throws {
        for scenario in try Scenario.parse(yaml: Scenario.exampleYAML, file: "scenario.yml").variants {
            let runbook = Planner().plan(scenario)
            let state = ProgressState(runbook: runbook, file: ProgressFile(runbookFingerprint: runbook.fingerprint))
            let printed: [String: [Step.Dependency]] = runbook.immediatePrerequisites
            for step in runbook.steps {
                let shown = (printed[step.id] ?? []).filter { !RunbookView.phaseWideConstraints.contains($0.constraint) }
                let enforced = Set(state.openPrerequisites(of: step).map(\.step))
                for dependency in shown {
                    let required = runbook.step(id: dependency.step)?.required ?? false
                    #expect(!required || enforced.contains(dependency.step), "\(step.id): the page says after '\(dependency.step)' (\(dependency.constraint))")
                    #expect(required, "\(step.id): the page says after the optional step '\(dependency.step)', which tick does not enforce")
                }
            }
        }
    }
}
