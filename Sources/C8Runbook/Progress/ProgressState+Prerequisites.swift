extension ProgressState {
    /// The prerequisites (rules.md §B.7) of `step` that are not done: every "do after" the page prints for it, the
    /// per-region ones included. Optional steps — troubleshooting remedies and optional checks — never block
    /// anything. A back-to-back partner (O3: region 0's helm upgrade before region 1's) counts like any other
    /// prerequisite, as the page prints it; ticking both in one command records them in the runbook's order.
    public func openPrerequisites(of step: Step) -> [OpenPrerequisite] {
        var open: [OpenPrerequisite] = []
        for dependency in step.after {
            guard let prerequisite = self.step(dependency.step), prerequisite.required, !isDone(dependency.step) else { continue }
            if !open.contains(where: { $0.step == dependency.step }) {
                open.append(OpenPrerequisite(step: dependency.step, constraint: dependency.constraint,
                                             reason: Self.reason(dependency.constraint)))
            }
        }
        return open
    }

    /// Whether a dependency comes from a back-to-back constraint rather than a "before" one.
    static func isBackToBack(_ dependency: Step.Dependency, of step: String) -> Bool {
        OrderingConstraint.catalogue.contains { constraint in
            guard constraint.id == dependency.constraint, case let .backToBack(pairs) = constraint.kind else { return false }
            return pairs.contains { $0.first == dependency.step && $0.second == step }
        }
    }

    /// The text of the "before" constraint with this id (O7 has a "before" and a back-to-back part).
    static func reason(_ constraint: String) -> String {
        let matching = OrderingConstraint.catalogue.filter { $0.id == constraint }
        let before = matching.first { if case .before = $0.kind { true } else { false } }
        return (before ?? matching.first)?.text ?? "ordering constraint \(constraint)"
    }

    /// Done steps that have `id` as a direct prerequisite: after an untick, work that was built on the reopened step.
    public func doneDependents(of id: String) -> [Step.Dependency] {
        runbook.steps.compactMap { step in
            guard isDone(step.id), let dependency = step.after.first(where: { $0.step == id }) else { return nil }
            return Step.Dependency(step: step.id, constraint: dependency.constraint)
        }
    }

    /// Required steps not done whose prerequisites are all done: what can be carried out now.
    public var ready: [Step] {
        runbook.steps.filter { $0.required && !isDone($0.id) && openPrerequisites(of: $0).isEmpty }
    }

    /// What to do now, following the runbook's order: the first ready step (the earliest phase first) together with
    /// the same step for the other region and its back-to-back partner, when those are ready too — the steps two
    /// operators carry out side by side. `region` keeps to one region's steps (and the steps done once).
    public func next(region: Int? = nil) -> [Step] {
        let candidates = ready.filter { region == nil || $0.region == nil || $0.region == region }
        guard let head = candidates.first else { return [] }
        let partners = Set(Self.backToBackPartners(of: head.id))
        // The head's partners and other-region copies, ready or waiting only for the head (done together with it).
        return runbook.steps.filter { step in
            guard step.required, !isDone(step.id), region == nil || step.region == nil || step.region == region else { return false }
            guard step.id == head.id || partners.contains(step.id)
                || (step.region != nil && head.region != nil && step.phase == head.phase && Self.stem(step.id) == Self.stem(head.id)) else { return false }
            return step.id == head.id || openPrerequisites(of: step).allSatisfy { $0.step == head.id }
        }
    }

    /// A per-region step's id without its `.region0`/`.region1` suffix.
    static func stem(_ id: String) -> String {
        for suffix in [".region0", ".region1"] where id.hasSuffix(suffix) { return String(id.dropLast(suffix.count)) }
        return id
    }

    static func backToBackPartners(of id: String) -> [String] {
        OrderingConstraint.catalogue.flatMap { constraint -> [String] in
            guard case let .backToBack(pairs) = constraint.kind else { return [] }
            return pairs.compactMap { $0.first == id ? $0.second : $0.second == id ? $0.first : nil }
        }
    }

    /// Whether every required step is done.
    public var isComplete: Bool {
        runbook.steps.allSatisfy { !$0.required || isDone($0.id) }
    }
}
