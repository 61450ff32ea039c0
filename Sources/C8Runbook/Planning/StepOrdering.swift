/// Orders steps by phase and catalogue order, then moves steps so that every `before` constraint holds and
/// every back-to-back pair is adjacent; records each step's direct prerequisites with the constraint's id.
struct StepOrdering {
    let constraints: [OrderingConstraint]

    func order(_ input: [Step]) -> [Step] {
        // Phase first; within a phase the catalogue's order (a stable sort keeps it).
        var steps = input.enumerated().sorted { ($0.element.phase, $0.offset) < ($1.element.phase, $1.offset) }.map(\.element)
        let index = Dictionary(uniqueKeysWithValues: steps.enumerated().map { ($1.id, $0) })
        precondition(index.count == steps.count, "two steps share an id")

        // Edges from `before` constraints. Troubleshooting remedies are never prerequisites of anything.
        var predecessors = [Set<Int>](repeating: [], count: steps.count)
        var dependencies = [[Step.Dependency]](repeating: [], count: steps.count)
        for constraint in constraints {
            guard case let .before(earlier, later) = constraint.kind else { continue }
            for (i, first) in steps.enumerated() where earlier.matches(first) && first.phase != .troubleshooting {
                for (j, second) in steps.enumerated() where i != j && later.matches(second) && !earlier.matches(second) {
                    if predecessors[j].insert(i).inserted {
                        dependencies[j].append(Step.Dependency(step: first.id, constraint: constraint.id))
                    }
                }
            }
        }

        // The second of a back-to-back pair waits for the first, and is taken right after it.
        for (constraint, pair) in backToBackPairs {
            guard let first = index[pair.first], let second = index[pair.second] else { continue }
            if predecessors[second].insert(first).inserted {
                dependencies[second].append(Step.Dependency(step: pair.first, constraint: constraint))
            }
        }

        // Kahn's algorithm, always taking the earliest ready step: the natural order wherever no constraint objects.
        let remaining = predecessors
        var done = Set<Int>()
        var order: [Int] = []
        while order.count < steps.count {
            guard let next = (0..<steps.count).first(where: { !done.contains($0) && remaining[$0].isSubset(of: done) }) else {
                preconditionFailure("the ordering constraints form a cycle")
            }
            order.append(next)
            done.insert(next)
            // A back-to-back partner goes right after its first step.
            for (_, pair) in backToBackPairs where index[pair.first] == next {
                if let second = index[pair.second], !done.contains(second) {
                    precondition(remaining[second].isSubset(of: done), "back-to-back step \(pair.second) is not ready with \(pair.first)")
                    order.append(second)
                    done.insert(second)
                }
            }
        }
        for i in steps.indices { steps[i].after = dependencies[i] }
        return order.map { steps[$0] }
    }

    private var backToBackPairs: [(constraint: String, pair: (first: String, second: String))] {
        constraints.flatMap { constraint -> [(constraint: String, pair: (first: String, second: String))] in
            if case let .backToBack(pairs) = constraint.kind { return pairs.map { (constraint.id, $0) } }
            return []
        }
    }
}
