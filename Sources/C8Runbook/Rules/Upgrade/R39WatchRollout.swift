extension Rule {
    static let r39 = Rule(
        id: "R39", title: "Watch the rollout", phase: .upgrade, scope: .perRegion,
        sources: [.migrationTest, .base("Monitor the upgrade")],
        steps: { s in [0, 1].map { StepDraft("upgrade.rollout", region: $0, commands: s.rolloutCommands($0)) } }
    )
}

extension Scenario {
    /// Waiting for one region's rollout (R39): the storage subchart, the brokers, then Connectors.
    func rolloutCommands(_ id: Int) -> [String] {
        let c = Commands(scenario: self)
        var commands = [c.kubectl(id, "get pods")]
        if isSubchart {
            commands.append(c.kubectl(id, "rollout status --watch --timeout=600s statefulset/\(release)-elasticsearch-master"))
        }
        commands.append(c.kubectl(id, "rollout status --watch --timeout=600s statefulset/\(orchestrationName)"))
        if connectors {
            commands.append(c.kubectl(id, "rollout status --watch --timeout=600s deployment/\(release)-connectors"))
        }
        return commands
    }
}
