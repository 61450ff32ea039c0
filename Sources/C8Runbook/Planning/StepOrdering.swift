/// Orders steps by phase and catalogue order, then moves steps so that every `before` constraint holds and
/// every back-to-back pair is adjacent; records each step's direct prerequisites with the constraint's id.
struct StepOrdering {
    let constraints: [OrderingConstraint]

    /// Puts `steps` in order in place and sets each step's `after`. No step is copied: the order is computed over
    /// positions, and the steps are moved once, at the end, by swaps (copying a `Step` retains a dozen references, and
    /// releasing the copy releases them again: half of the ordering's time when the steps were mapped into order).
    func order(_ steps: inout [Step]) {
        // Every step is read where it lies, through the buffer: an array's subscript read a whole step (a copy and a
        // release of its references) even for one field.
        let (sorted, order, dependencies) = steps.withUnsafeBufferPointer { positions(of: $0) }
        steps.withUnsafeMutableBufferPointer { steps in
            for node in sorted.indices { steps[sorted[node]].after = dependencies[node] }
            // The steps put in order by swaps along each cycle of the permutation (position k takes the step at
            // sorted[order[k]]): a map would copy every step and release the originals. The swaps are the buffer's:
            // `Array.swapAt` (the collection's default) copies both steps, where the buffer's exchanges their bytes.
            var source = order.map { sorted[$0] }
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
        }
    }

    /// The phase and catalogue order (`sorted[k]`, the position of the k-th step), the order that satisfies the
    /// constraints (`order`, over k), and each step's prerequisites (by k).
    private func positions(of steps: UnsafeBufferPointer<Step>) -> (sorted: [Int], order: [Int], dependencies: [[Step.Dependency]]) {
        let count = steps.count
        // Phase first; within a phase the catalogue's order (the planner appends in catalogue order): `sorted[k]` is
        // the position in `steps` of the k-th step in that order. Nodes below are numbered by k.
        var byPhase = [[Int]](repeating: [], count: Phase.allCases.count)
        for position in steps.indices { byPhase[steps[position].phase.ordinal].append(position) }
        let sorted = byPhase.flatMap { $0 }
        var index: [String: Int] = [:]
        index.reserveCapacity(count)
        for node in 0..<count { index[steps[sorted[node]].id] = node }
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
        var earlierMatches = [Bool](repeating: false, count: count)
        var firsts: [Int] = [], seconds: [Int] = []
        for constraint in constraints {
            guard case let .before(earlier, later) = constraint.kind else { continue }
            firsts.removeAll(keepingCapacity: true)
            seconds.removeAll(keepingCapacity: true)
            // The selectors read three fields of each step (a whole step passed to them was copied).
            for node in 0..<count {
                let step = sorted[node]
                earlierMatches[node] = earlier.matches(id: steps[step].id, rules: steps[step].rules, phase: steps[step].phase)
                if earlierMatches[node], steps[step].phase != .troubleshooting { firsts.append(node) }
            }
            guard !firsts.isEmpty else { continue }
            for node in 0..<count where !earlierMatches[node] {
                let step = sorted[node]
                if later.matches(id: steps[step].id, rules: steps[step].rules, phase: steps[step].phase) { seconds.append(node) }
            }
            for i in firsts {
                for j in seconds where i != j {
                    addEdge(i, j, Step.Dependency(step: steps[sorted[i]].id, constraint: constraint.id))
                }
            }
        }

        // The second of a back-to-back pair waits for the first, and is taken right after it.
        var partners = [[Int]](repeating: [], count: count)
        for constraint in constraints {
            guard case let .backToBack(pairs) = constraint.kind else { continue }
            for pair in pairs {
                guard let first = index[pair.first], let second = index[pair.second] else { continue }
                addEdge(first, second, Step.Dependency(step: pair.first, constraint: constraint.id))
                partners[first].append(second)
            }
        }

        // Kahn's algorithm, always taking the earliest ready step: the natural order wherever no constraint objects.
        // A step is ready when every predecessor is done (its count of pending predecessors is zero). Every node
        // before `firstOpen` is done, so the search for the earliest ready step starts there.
        var pending = predecessorCount
        var done = [Bool](repeating: false, count: count)
        var order: [Int] = []
        order.reserveCapacity(count)
        var firstOpen = 0
        func take(_ node: Int) {
            order.append(node)
            done[node] = true
            for successor in successors[node] { pending[successor] -= 1 }
            while firstOpen < count, done[firstOpen] { firstOpen += 1 }
        }
        while order.count < count {
            guard let next = (firstOpen..<count).first(where: { !done[$0] && pending[$0] == 0 }) else {
                preconditionFailure("the ordering constraints form a cycle")
            }
            take(next)
            // A back-to-back partner goes right after its first step.
            for second in partners[next] where !done[second] {
                precondition(pending[second] == 0, "back-to-back step \(steps[sorted[second]].id) is not ready with \(steps[sorted[next]].id)")
                take(second)
            }
        }
        return (sorted, order, dependencies)
    }
}
