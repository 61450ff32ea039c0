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
        // Steps (and any other id a dependency names) by index, ancestors as bit sets: the closure is computed once
        // per step with word-wide unions instead of hashing ids.
        let steps = self.steps
        var index: [String: Int] = [:]
        for step in steps where index[step.id] == nil { index[step.id] = index.count }
        for step in steps { for dependency in step.after where index[dependency.step] == nil { index[dependency.step] = index.count } }
        var after = [[Int]](repeating: [], count: index.count)
        for step in steps { after[index[step.id]!] = step.after.map { index[$0.step]! } }
        let words = (index.count + 63) / 64
        var closure = [[UInt64]?](repeating: nil, count: index.count)
        func ancestors(_ node: Int) -> [UInt64] {
            if let known = closure[node] { return known }
            var result = [UInt64](repeating: 0, count: words)
            for parent in after[node] {
                result[parent / 64] |= 1 << UInt64(parent % 64)
                let inherited = ancestors(parent)
                for word in 0..<words { result[word] |= inherited[word] }
            }
            closure[node] = result
            return result
        }
        var reduced: [String: [Step.Dependency]] = [:]
        for step in steps {
            var implied = [UInt64](repeating: 0, count: words)
            for parent in after[index[step.id]!] {
                let inherited = ancestors(parent)
                for word in 0..<words { implied[word] |= inherited[word] }
            }
            reduced[step.id] = step.after.filter { dependency in
                let node = index[dependency.step]!
                return implied[node / 64] & (1 << UInt64(node % 64)) == 0
            }
        }
        return reduced
    }
}
