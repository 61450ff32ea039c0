extension Rule {
    static let r48 = Rule(
        id: "R48", title: "Management base path", phase: .verify, scope: .global,
        condition: "contextPath is set",
        sources: [.chart("templates/orchestration/files/_application-unified.yaml")],
        applies: { $0.contextPath != nil },
        steps: { s in
            let c = Commands(scenario: s)
            return [StepDraft("verify.management-path", commands: [c.portForward(0, port: 9600), "curl -s '\(c.actuator("health"))'"],
                              notes: [.inference("management-base-path", "rules.md R48")])]
        }
    )
}
