import Testing
@testable import C8Runbook

@Suite struct ContentHashTests {
    @Test func fnv1aMatchesThePublishedTestVectors() {
        var empty = FNV1a64()
        #expect(empty.hex == "cbf29ce484222325")
        empty.combine("a".utf8)
        #expect(empty.hex == "af63dc4c8601ec8c")
        var foobar = FNV1a64()
        foobar.combine("foobar".utf8)
        #expect(foobar.hex == "85944171f73967e8")
    }

    static let step = ProgressFixtures.reference.step(id: "upgrade.helm.region0")!

    @Test func theHashFollowsWhatTheOperatorReadsAndRuns() {
        let original = Self.step.contentHash
        #expect(original.count == 16)
        var changed = Self.step
        changed.commands[0] += " --debug"
        #expect(changed.contentHash != original)
        changed = Self.step
        changed.title += "!"
        #expect(changed.contentHash != original)
        changed = Self.step
        changed.notes.removeAll()
        #expect(changed.contentHash != original)
        // Moving text between fields changes the hash: fields are length-prefixed.
        var a = Self.step, b = Self.step
        a.title = "ab"; a.body = "c"
        b.title = "a"; b.body = "bc"
        #expect(a.contentHash != b.contentHash)
    }

    @Test func bookkeepingFieldsDoNotChangeTheHash() {
        var moved = Self.step
        moved.after = []
        moved.sources = []
        moved.rules = ["R99"]
        #expect(moved.contentHash == Self.step.contentHash)
    }

    @Test func theFingerprintCoversStepsNotTheScenarioText() {
        let reference = ProgressFixtures.reference
        let retitled = ProgressFixtures.runbook(ProgressFixtures.referenceReplacing(
            "title: Reference dual-region deployment (London and Paris)", with: "title: Another title\n# a comment"))
        #expect(retitled.fingerprint == reference.fingerprint)
        let moved = ProgressFixtures.runbook(ProgressFixtures.referenceReplacing("namespace: camunda-paris", with: "namespace: camunda-paris-2"))
        #expect(moved.fingerprint != reference.fingerprint)
        var fewer = reference
        fewer.phases[0].steps.removeLast()
        #expect(fewer.fingerprint != reference.fingerprint)
    }
}
