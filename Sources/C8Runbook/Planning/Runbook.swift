/// A tailored runbook: the scenario it was made for and its steps, by phase, in the order to carry them out.
public struct Runbook: Sendable, Codable, Equatable {
    public static let formatVersion = 1

    public var formatVersion: Int
    public var scenario: Scenario
    public var warnings: [String]
    public var phases: [PhaseSteps]

    public struct PhaseSteps: Sendable, Codable, Equatable {
        public var phase: Phase
        public var title: String
        /// Markdown introduction.
        public var summary: String
        public var steps: [Step]
    }

    /// All steps in order.
    public var steps: [Step] { phases.flatMap(\.steps) }

    public func step(id: String) -> Step? { steps.first { $0.id == id } }
}

extension Runbook {
    /// A step's prerequisites without those already implied by another prerequisite: what a reader needs to see.
    public func immediatePrerequisites(of step: Step) -> [Step.Dependency] {
        let byID = Dictionary(uniqueKeysWithValues: steps.map { ($0.id, $0) })
        var implied = Set<String>()
        var pending = step.after.flatMap { byID[$0.step]?.after.map(\.step) ?? [] }
        while let next = pending.popLast() {
            guard implied.insert(next).inserted else { continue }
            pending += byID[next]?.after.map(\.step) ?? []
        }
        return step.after.filter { !implied.contains($0.step) }
    }
}
