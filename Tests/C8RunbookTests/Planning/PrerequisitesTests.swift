import Testing
@testable import C8Runbook

/// `Runbook.immediatePrerequisites` (and the step-by-step list the views read) against the definition, computed the
/// slow way: a prerequisite is kept unless it is an ancestor of another prerequisite of the same step.
@Suite struct PrerequisitesTests {
    /// The definition, by walking ids: each id's prerequisites are those of the last step with that id.
    static func expected(_ runbook: Runbook) -> [String: [Step.Dependency]] {
        var after: [String: [String]] = [:]
        for step in runbook.steps { after[step.id] = step.after.map(\.step) }
        func ancestors(_ id: String, _ seen: inout Set<String>) {
            for parent in after[id] ?? [] where seen.insert(parent).inserted { ancestors(parent, &seen) }
        }
        var result: [String: [Step.Dependency]] = [:]
        for step in runbook.steps {
            var implied: Set<String> = []
            for parent in step.after.map(\.step) { ancestors(parent, &implied) }
            result[step.id] = step.after.filter { !implied.contains($0.step) }
        }
        return result
    }

    @Test func everyVariantsPrerequisitesAreTheDefinitions() throws {
        var reduced = 0
        for scenario in try ScenarioFixture.reference.variants {
            let runbook = Planner().plan(scenario)
            let expected = Self.expected(runbook)
            #expect(runbook.immediatePrerequisites == expected)
            #expect(runbook.immediatePrerequisitesInOrder == runbook.steps.map { expected[$0.id] ?? [] })
            reduced += runbook.steps.filter { expected[$0.id]?.count != $0.after.count }.count
        }
        #expect(reduced > 0, "some prerequisite is implied by another")
    }

    /// Hand-made steps: a chain with shortcuts, a dependency on an id that is no step, and two steps with one id
    /// (never planned; both get the last one's, as the dictionary gives). No cycle: the planner makes none, and the
    /// reduction assumes none.
    @Test func shortcutsUnknownIdsAndRepeatedIds() throws {
        var runbook = Planner().plan(try ScenarioFixture.reference)
        func dependency(_ id: String) -> Step.Dependency { Step.Dependency(step: id, constraint: "T") }
        var steps = Array(runbook.phases[0].steps.prefix(5))
        try #require(steps.count == 5)
        steps[0].id = "a"; steps[0].after = [dependency("outside")]
        steps[1].id = "b"; steps[1].after = [dependency("a")]
        steps[2].id = "c"; steps[2].after = [dependency("a"), dependency("b"), dependency("outside")]
        steps[3].id = "b"; steps[3].after = [dependency("a"), dependency("outside")]
        steps[4].id = "d"; steps[4].after = [dependency("b"), dependency("a"), dependency("c")]
        runbook.phases = [Runbook.PhaseSteps(phase: runbook.phases[0].phase, title: "t", summary: "s", steps: steps)]
        let expected = Self.expected(runbook)
        #expect(runbook.immediatePrerequisites == expected)
        #expect(runbook.immediatePrerequisitesInOrder == steps.map { expected[$0.id] ?? [] })
        #expect(expected["b"] == [dependency("a")])
        #expect(expected["c"] == [dependency("b")])
        #expect(expected["d"] == [dependency("c")])
        #expect(runbook.immediatePrerequisitesInOrder[1] == [dependency("a")], "the first b gets the last one's")
    }
}
