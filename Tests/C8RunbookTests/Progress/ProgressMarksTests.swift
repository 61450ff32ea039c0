import Testing
@testable import C8Runbook

/// `generate --progress`: the Markdown runbook ticks the boxes of done steps and says who and when.
@Suite struct ProgressMarksTests {
    static let runbook = ProgressFixtures.reference

    @Test func theMarkdownTicksDoneStepsAndFlagsStaleOnes() throws {
        var file = try ProgressFixtures.ticked(["prepare.storage-layout", "prepare.versions"], by: "alice_*")
        file.events[1].contentHash = "0000000000000000"  // as if the step changed since it was ticked
        let marks = ProgressMarks(state: ProgressState(runbook: Self.runbook, file: file))
        #expect(marks["prepare.storage-layout"]?.done == true)
        #expect(marks["prepare.versions"]?.done == false)
        #expect(marks["prepare.backup.region0"] == nil)

        let markdown = Self.runbook.rendered(as: .markdown, progress: marks)
        let at = ProgressFixtures.clock.timestamp()
        #expect(markdown.contains("- [x] `prepare.storage-layout` · "))
        #expect(markdown.contains(" · read-only · done by alice\\_\\* at \(at)\n"), "the danger mark, then who ticked it, last on the line")
        #expect(markdown.contains("- [ ] `prepare.versions` · "))
        #expect(markdown.contains("**stale**: ticked by alice\\_\\* at \(at), but the step changed since"))
        #expect(markdown.contains("- [ ] `prepare.backup` · "))
        // Without progress, the runbook is exactly what `generate` always wrote.
        #expect(Self.runbook.rendered(as: .markdown, progress: ProgressMarks(state: ProgressState(runbook: Self.runbook,
            file: ProgressFile(runbookFingerprint: "f")))) == Self.runbook.rendered(as: .markdown))
    }

    @Test func theViewHasTheKeysTemplatesRead() throws {
        let file = try ProgressFixtures.ticked(["prepare.storage-layout"], by: "bob")
        let marks = ProgressMarks(state: ProgressState(runbook: Self.runbook, file: file))
        let scenario = Self.runbook.scenario
        let step = try #require(Self.runbook.step(id: "prepare.storage-layout"))
        let entry = RunbookView.step(step, scenario, number: "1.1", prerequisites: [], mark: marks[step.id])
        #expect(entry.checkbox == "x")
        #expect(entry.done == true)
        #expect(entry.stale == false)
        #expect(entry.doneBy == "bob")
        #expect(entry.doneAt == ProgressFixtures.clock.timestamp())
        let openStep = try #require(Self.runbook.step(id: "prepare.versions"))
        let open = RunbookView.step(openStep, scenario, number: "1.2", prerequisites: [], mark: marks[openStep.id])
        #expect(open.checkbox == " " && open.done == false && open.progress == nil)
    }
}
