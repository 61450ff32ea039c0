/// An ordering constraint of rules.md §B.7, as data: which steps must come before which, or which two must be
/// carried out back to back. The planner orders steps by them and records them as each step's prerequisites.
public struct OrderingConstraint: Sendable {
    public enum Kind: Sendable {
        /// Every step matching `earlier` comes before every step matching `later`.
        case before(earlier: StepSelector, later: StepSelector)
        /// Each pair of steps runs back to back, nothing in between: the second is started right after the first.
        case backToBack([(first: String, second: String)])
        /// Guidance that orders nothing (it says when a remedy applies); rendered, not enforced.
        case advisory
    }

    public let id: String
    public let text: String
    public let source: String
    public let kind: Kind
}

/// Picks steps by rule, id or phase.
public enum StepSelector: Sendable {
    case rules([String])
    case phases([Phase])
    case ids([String])

    func matches(_ step: Step) -> Bool { matches(id: step.id, rules: step.rules, phase: step.phase) }

    /// `matches` over the three fields it reads (the ordering passes them from a buffer of steps: a whole step
    /// passed from it was copied).
    func matches(id: String, rules: [String], phase: Phase) -> Bool {
        switch self {
        case let .rules(ids): rules.contains { ids.contains($0) }
        case let .phases(phases): phases.contains(phase)
        case let .ids(ids): ids.contains(id)
        }
    }
}

extension OrderingConstraint {
    /// rules.md §B.7, O1–O9.
    public static let catalogue: [OrderingConstraint] = [
        OrderingConstraint(
            id: "O1", text: "Consolidation to one storage per deployment and prefix migration happen before everything else.",
            source: "COMP", kind: .before(earlier: .rules(["R06", "R07"]), later: .phases(Phase.allCases.filter { $0 != .troubleshooting }))),
        OrderingConstraint(
            id: "O2", text: "All prepare steps and both regions' values files are ready before the first helm upgrade.",
            source: "BASE, SEED", kind: .before(earlier: .phases([.prepare, .configure]), later: .ids(["upgrade.helm.region0"]))),
        OrderingConstraint(
            id: "O3", text: "Region 0 and region 1 helm upgrades are issued back to back; no waiting for region 0 in between.",
            source: "SEED, MRTEST", kind: .backToBack([("upgrade.helm.region0", "upgrade.helm.region1")])),
        OrderingConstraint(
            id: "O3", text: "Both upgrades are prepared before the first starts, so that the second follows at once.",
            source: "SEED, MRTEST", kind: .before(earlier: .ids(["upgrade.coordinate", "upgrade.helm-repo"]), later: .ids(["upgrade.helm.region0"]))),
        OrderingConstraint(
            id: "O3", text: "Each region's rollout is watched after both upgrades were issued.",
            source: "MRTEST", kind: .before(earlier: .ids(["upgrade.helm.region1"]), later: .rules(["R39", "R40"]))),
        OrderingConstraint(
            id: "O4", text: "Migration (importer and jobs) runs while the legacy exporters are enabled and still configured.",
            source: "SEED, COMP", kind: .before(earlier: .rules(["R41"]), later: .rules(["R53"]))),
        OrderingConstraint(
            id: "O5", text: "Legacy exporters are disabled only after every data-migration job is Complete, and only if Optimize is not used.",
            source: "SEED § Post-migration, MRTEST", kind: .before(earlier: .rules(["R41", "R51"]), later: .rules(["R52"]))),
        OrderingConstraint(
            id: "O6", text: "Disable through the API, confirm DISABLED everywhere and lastChange COMPLETED, only then remove the legacy configuration.",
            source: "MGMT, MRTEST", kind: .before(earlier: .rules(["R52"]), later: .rules(["R53"]))),
        OrderingConstraint(
            id: "O7", text: "Removing the legacy configuration and switching migration off is again a helm upgrade of both regions, region by region, after the values are edited.",
            source: "SEED, inference", kind: .before(earlier: .ids(["post.values.remove-legacy-exporters", "post.values.migration-off", "post.values.identity-migration-off"]),
                                                  later: .ids(["post.helm.region0"]))),
        OrderingConstraint(
            id: "O7", text: "The clean-up is rolling: region 0's helm upgrade first, then its rollout and a healthy topology (all brokers, all partitions), only then region 1's. Both at once would restart same-ordinal brokers together and drop partitions they share below quorum; the simultaneous rule (O3) is for the 8.7 → 8.8 upgrade only.",
            source: "OPS, inference (rules.md R55)", kind: .before(earlier: .ids(["post.helm.region0"]), later: .ids(["post.rollout.region0"]))),
        OrderingConstraint(
            id: "O7", text: "Region 1's clean-up starts only after region 0's rolled out with a healthy topology.",
            source: "OPS, inference (rules.md R55)", kind: .before(earlier: .ids(["post.rollout.region0"]), later: .ids(["post.helm.region1"]))),
        OrderingConstraint(
            id: "O7", text: "Region 1's clean-up rollout is watched after its helm upgrade.",
            source: "OPS, inference (rules.md R55)", kind: .before(earlier: .ids(["post.helm.region1"]), later: .ids(["post.rollout.region1"]))),
        OrderingConstraint(
            id: "F6", text: "After the clean-up rollout, itself a broker restart, check again that the legacy exporters stay disabled (rules.md F.6 step 9).",
            source: "MGMT, camunda/camunda#52260", kind: .before(earlier: .ids(["post.rollout.region0", "post.rollout.region1"]),
                                                                later: .ids(["post.exporters.recheck", "post.exporters.converge", "post.disk", "post.data"]))),
        OrderingConstraint(
            id: "O8", text: "The identity migration job starts only after the Orchestration Cluster is ready.",
            source: "CHART", kind: .before(earlier: .rules(["R39"]), later: .rules(["R45"]))),
        OrderingConstraint(
            id: "O9", text: "Restarting the importer is a remedy only while the data-migration job is not complete.",
            source: "SEED", kind: .advisory),
        // Not in rules.md §B.7, which orders within phases but leaves the phases' own order implicit: without these,
        // (last, so that the specific constraints above name the edges they share)
        // `tick` accepted a migration check or a topology check before any helm upgrade (found by a dress rehearsal).
        OrderingConstraint(
            id: "U1", text: "Data migration and verification start only once both regions rolled out the 8.8 upgrade.",
            source: "SEED (the guide's order: upgrade, data migration, verify, post-migration), MRTEST",
            kind: .before(earlier: .rules(["R39"]), later: .phases([.migration, .verify]))),
        OrderingConstraint(
            id: "U2", text: "The post-migration clean-up starts only after every data-migration job completed.",
            source: "SEED § Post-migration", kind: .before(earlier: .rules(["R41"]), later: .phases([.postMigration]))),
    ]
}
