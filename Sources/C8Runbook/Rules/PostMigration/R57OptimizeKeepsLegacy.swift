extension Rule {
    static let r57 = Rule(
        id: "R57", title: "Optimize in use: keep the legacy exporters", phase: .postMigration, scope: .global,
        condition: "optimize is true",
        sources: [.seed("Post-migration"), .operations("Failover")],
        applies: { $0.optimize },
        steps: { s in
            let c = Commands(scenario: s)
            return [StepDraft("post.keep-legacy-exporters", commands: [c.portForward(0, port: 9600), "curl -s -XGET '\(c.actuator("exporters"))'"])]
        }
    )
}
