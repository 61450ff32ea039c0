/// Orders steps by phase and catalogue order, then moves steps so that every `before` constraint holds and
/// every back-to-back pair is adjacent; records each step's direct prerequisites with the constraint's id.
struct StepOrdering {
    let constraints: [OrderingConstraint]

    func order(_ input: [Step]) -> [Step] {
        // Phase first; within a phase the catalogue's order (a stable sort keeps it).
        // Indices are sorted, not the steps: moving a step copies a dozen references.
        var steps = input.indices.sorted { (input[$0].phase, $0) < (input[$1].phase, $1) }.map { input[$0] }
        let count = steps.count
        var index: [String: Int] = [:]
        index.reserveCapacity(count)
        for (position, step) in steps.enumerated() { index[step.id] = position }
        precondition(index.count == count, "two steps share an id")

        // Edges from `before` constraints. Troubleshooting remedies are never prerequisites of anything. Each
        // selector is matched once per step; an edge is an entry of an n×n table (n is about 90).
        var isEdge = [Bool](repeating: false, count: count * count)
        var predecessorCount = [Int](repeating: 0, count: count)
        var successors = [[Int]](repeating: [], count: count)
        var dependencies = [[Step.Dependency]](repeating: [], count: count)
        func addEdge(_ i: Int, _ j: Int, _ dependency: @autoclosure () -> Step.Dependency) {
            guard !isEdge[j * count + i] else { return }
            isEdge[j * count + i] = true
            predecessorCount[j] += 1
            successors[i].append(j)
            dependencies[j].append(dependency())
        }
        for constraint in constraints {
            guard case let .before(earlier, later) = constraint.kind else { continue }
            let earlierMatches = steps.map { earlier.matches($0) }
            let firsts = steps.indices.filter { earlierMatches[$0] && steps[$0].phase != .troubleshooting }
            guard !firsts.isEmpty else { continue }
            let seconds = steps.indices.filter { !earlierMatches[$0] && later.matches(steps[$0]) }
            for i in firsts {
                for j in seconds where i != j {
                    addEdge(i, j, Step.Dependency(step: steps[i].id, constraint: constraint.id))
                }
            }
        }

        // The second of a back-to-back pair waits for the first, and is taken right after it.
        let pairs = backToBackPairs
        var partners = [[Int]](repeating: [], count: count)
        for (constraint, pair) in pairs {
            guard let first = index[pair.first], let second = index[pair.second] else { continue }
            addEdge(first, second, Step.Dependency(step: pair.first, constraint: constraint))
            partners[first].append(second)
        }

        // Kahn's algorithm, always taking the earliest ready step: the natural order wherever no constraint objects.
        // A step is ready when every predecessor is done (its count of pending predecessors is zero).
        var pending = predecessorCount
        var done = [Bool](repeating: false, count: count)
        var order: [Int] = []
        order.reserveCapacity(count)
        func take(_ node: Int) {
            order.append(node)
            done[node] = true
            for successor in successors[node] { pending[successor] -= 1 }
        }
        while order.count < count {
            guard let next = (0..<count).first(where: { !done[$0] && pending[$0] == 0 }) else {
                preconditionFailure("the ordering constraints form a cycle")
            }
            take(next)
            // A back-to-back partner goes right after its first step.
            for second in partners[next] where !done[second] {
                precondition(pending[second] == 0, "back-to-back step \(steps[second].id) is not ready with \(steps[next].id)")
                take(second)
            }
        }
        for i in steps.indices { steps[i].after = dependencies[i] }
        // The steps put in `order` by swaps along each cycle of the permutation (position k takes the step at
        // order[k]): a map would copy every step and release the originals.
        var source = order
        for start in source.indices where source[start] != start {
            var k = start
            while source[k] != start {
                let from = source[k]
                steps.swapAt(k, from)
                source[k] = k
                k = from
            }
            source[k] = k
        }
        return steps
    }

    private var backToBackPairs: [(constraint: String, pair: (first: String, second: String))] {
        constraints.flatMap { constraint -> [(constraint: String, pair: (first: String, second: String))] in
            if case let .backToBack(pairs) = constraint.kind { return pairs.map { (constraint.id, $0) } }
            return []
        }
    }
}
