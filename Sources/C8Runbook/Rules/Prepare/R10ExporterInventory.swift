extension Rule {
    static let r10 = Rule(
        id: "R10", title: "Inventory the current exporters", phase: .prepare, scope: .global,
        sources: [.operations("Failover"), .migrationTest],
        steps: { s in
            let c = Commands(scenario: s)
            return [StepDraft("prepare.exporter-inventory", commands: [
                c.portForward(0, port: 9600),
                "curl -s -XGET '\(c.actuator("exporters"))'",
            ])]
        }
    )
}
