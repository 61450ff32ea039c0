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
    /// Each step's prerequisites without those already implied by another prerequisite: what a reader needs to see.
    public var immediatePrerequisites: [String: [Step.Dependency]] {
        let steps = self.steps
        let byID = Dictionary(uniqueKeysWithValues: steps.map { ($0.id, $0) })
        var closure: [String: Set<String>] = [:]
        func ancestors(_ id: String) -> Set<String> {
            if let known = closure[id] { return known }
            var result = Set<String>()
            for dependency in byID[id]?.after ?? [] {
                result.insert(dependency.step)
                result.formUnion(ancestors(dependency.step))
            }
            closure[id] = result
            return result
        }
        var reduced: [String: [Step.Dependency]] = [:]
        for step in steps {
            let implied = step.after.reduce(into: Set<String>()) { $0.formUnion(ancestors($1.step)) }
            reduced[step.id] = step.after.filter { !implied.contains($0.step) }
        }
        return reduced
    }
}
