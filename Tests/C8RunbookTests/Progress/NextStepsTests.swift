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

    /// `--all` may list steps of several phases (a new-user trial saw "Next (prepare): 27 steps" over several):
    /// the heading names each phase the steps are in, in order.
    @Test func allNamesEveryPhaseOfItsSteps() throws {
        let file = try ProgressFixtures.walk { state in Set(state.ready.map(\.phase)).count > 1 }
        let next = NextSteps(state: ProgressState(runbook: Self.runbook, file: file), all: true).showing(Self.runbook)
        var phases: [Phase] = []
        for step in next.steps where !phases.contains(step.phase) { phases.append(step.phase) }
        #expect(phases.count > 1)
        #expect(next.text(scenario: Self.runbook.scenario).hasPrefix("Next (\(phases.map(\.rawValue).joined(separator: ", "))): \(next.steps.count) steps\n"))
    }

    /// The text at a point where `id` can be done now, and that step as the runbook words it.
    func textWhere(_ id: String) throws -> (text: String, step: Step) {
        let file = try ProgressFixtures.walk { $0.ready.contains { $0.id == id } }
        let next = NextSteps(state: ProgressState(runbook: Self.runbook, file: file), all: true).showing(Self.runbook)
        #expect(next.steps.contains { $0.id == id }, "\(id) can be done now")
        return (next.text(scenario: Self.runbook.scenario), try #require(Self.runbook.step(id: id)))
    }

    @Test func anIrreversibleStepShowsItsClassAndTheConfirmationLineTheRunbookAsksFor() throws {
        let (text, step) = try textWhere("upgrade.helm.region0")
        #expect(step.danger == .irreversible)
        let confirmation = try #require(step.confirmation(in: Self.runbook.scenario))
        #expect(text.contains("== upgrade.helm.region0: \(step.title)\n   region 0 (cluster-london / camunda-london); rules \(step.rules.joined(separator: ", ")); IRREVERSIBLE\n"))
        #expect(text.contains("write this line into the change log, signed:\n   \(confirmation)\n"))
        // The same line as the Markdown and HTML runbooks ask for, word for word.
        #expect(MarkdownRenderer().render(Self.runbook).contains("`\(confirmation)`"))
        #expect(HTMLRenderer().page(Self.runbook).contains(confirmation))
        // A step that can be undone asks for none.
        let (readOnly, check) = try textWhere("prepare.versions")
        #expect(check.confirmation(in: Self.runbook.scenario) == nil)
        #expect(readOnly.contains("; \(check.danger.label)\n"))
        #expect(!readOnly.contains("I confirm prepare.versions"))
    }

    @Test func theJSONCarriesTheConfirmationLineOfEachIrreversibleStep() throws {
        let file = try ProgressFixtures.walk { $0.next().contains { $0.id == "upgrade.helm.region0" } }
        let next = NextSteps(state: ProgressState(runbook: Self.runbook, file: file)).showing(Self.runbook)
        #expect(next.confirmations.keys.sorted() == ["upgrade.helm.region0", "upgrade.helm.region1"])
        #expect(next.confirmations["upgrade.helm.region1"]?.contains("cluster-paris/camunda-paris") == true)
    }

    @Test func aStepMixingDangerClassesLabelsEachRunOfCommandsAsAShellComment() throws {
        let (text, step) = try textWhere("prepare.backup")
        #expect(Set(step.commandDangers).count > 1, "the fixture step mixes classes")
        let firstChange = try #require(step.commandDangers.firstIndex(of: .changes))
        #expect(text.contains("\n# Changes a cluster:\n" + step.commands[firstChange] + "\n"))
        let firstRead = try #require(step.commandDangers.firstIndex(of: .readOnly))
        #expect(text.contains("\n# Read-only:\n" + step.commands[firstRead] + "\n"))
    }

    @Test func blocksThatAreNotCommandsAreFencedWithTheirLanguageAndNotesAreShown() throws {
        for id in ["prepare.importer-backlog.region0", "values.message-compression"] {
            let (text, step) = try textWhere(id)
            #expect(!step.blocks.isEmpty, "\(id) has blocks")
            for block in step.blocks {
                let content = block.content.hasSuffix("\n") ? String(block.content.dropLast()) : block.content
                #expect(text.contains("\n```\(block.language)\n\(content)\n```\n"), "\(id): \(block.language) block")
                if let file = block.file { #expect(text.contains("\nIn \(file):\n```\(block.language)\n")) }
            }
            for note in step.notes {
                #expect(text.contains("\n\(note.kind.label)" + (note.reference.map { " (\($0))" } ?? "") + ": \(note.text)\n"))
            }
        }
        let (migration, watch) = try textWhere("migration.watch")
        let warning = try #require(watch.notes.first { $0.kind == .warning })
        #expect(migration.contains("\nWarning: \(warning.text)\n"))
    }

    /// A step with commands keeps its prose: what to expect of them ("Expect 8 brokers", "HTTP `202`") is there.
    @Test func aStepWithCommandsShowsItsProseBeforeThem() throws {
        for id in ["prepare.exporter-inventory", "verify.topology"] {
            let (all, step) = try textWhere(id)
            let text = try all[#require(all.firstRange(of: "== \(id):")).lowerBound...]
            #expect(!step.commands.isEmpty, "\(id) has commands")
            #expect(step.body.contains("Expect"), "\(id)'s prose says what to expect")
            let prose = try #require(text.firstRange(of: "\n\n" + step.body + "\n"), "\(id): its prose is shown")
            let command = try #require(text.firstRange(of: step.commands[0]))
            #expect(prose.upperBound <= command.lowerBound, "\(id): the prose comes before the commands")
        }
    }

    @Test func theTextIsTheSameBytesEachTime() throws {
        let file = try ProgressFixtures.walk { $0.next().contains { $0.id == "prepare.backup" } }
        let make = { NextSteps(state: ProgressState(runbook: Self.runbook, file: file), all: true).showing(Self.runbook).text(scenario: Self.runbook.scenario) }
        #expect(make() == make())
    }
}
