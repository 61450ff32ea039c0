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
        let byPosition = immediatePrerequisitesInOrder
        var reduced: [String: [Step.Dependency]] = [:]
        reduced.reserveCapacity(byPosition.count)
        var position = 0
        for phase in phases {
            for step in phase.steps {
                reduced[step.id] = byPosition[position]
                position += 1
            }
        }
        return reduced
    }

    /// `immediatePrerequisites` step by step, in the order of `steps` (the views walk the steps in that order and read
    /// no dictionary). Two steps with one id (never planned) both get what the dictionary gives that id: the last one's.
    var immediatePrerequisitesInOrder: [[Step.Dependency]] {
        // Steps (and any other id a dependency names) by node number, ancestors as bit sets: the closure is computed
        // once per step with word-wide unions instead of hashing ids. The steps are read in place, not copied out.
        var index: [String: Int] = [:]
        var nodeAt: [Int] = []  // each position's node
        var dependencies: [[Step.Dependency]] = []  // each step node's, from the last step with its id
        for phase in phases {
            for step in phase.steps {
                if let node = index[step.id] {
                    nodeAt.append(node)
                    dependencies[node] = step.after
                } else {
                    nodeAt.append(index.count)
                    index[step.id] = index.count
                    dependencies.append(step.after)
                }
            }
        }
        let stepNodes = dependencies.count
        var parents = dependencies.map { after in
            after.map { dependency in
                if let node = index[dependency.step] { return node }
                index[dependency.step] = index.count
                return index.count - 1
            }
        }
        parents += Array(repeating: [], count: index.count - stepNodes)
        let words = (index.count + 63) / 64
        var closure = [[UInt64]?](repeating: nil, count: index.count)
        func ancestors(_ node: Int) -> [UInt64] {
            if let known = closure[node] { return known }
            var result = [UInt64](repeating: 0, count: words)
            for parent in parents[node] {
                result[parent / 64] |= 1 << UInt64(parent % 64)
                let inherited = ancestors(parent)
                for word in 0..<words { result[word] |= inherited[word] }
            }
            closure[node] = result
            return result
        }
        var reduced = [[Step.Dependency]](repeating: [], count: stepNodes)
        var implied = [UInt64](repeating: 0, count: words)
        for node in 0..<stepNodes {
            for word in 0..<words { implied[word] = 0 }
            for parent in parents[node] {
                let inherited = ancestors(parent)
                for word in 0..<words { implied[word] |= inherited[word] }
            }
            let after = dependencies[node]
            guard !after.isEmpty else { continue }
            var kept: [Step.Dependency] = []
            kept.reserveCapacity(after.count)
            for (dependency, parent) in zip(after, parents[node]) where implied[parent / 64] & (1 << UInt64(parent % 64)) == 0 {
                kept.append(dependency)
            }
            reduced[node] = kept
        }
        return nodeAt.map { reduced[$0] }
    }
}
