extension Rule {
    static let r09 = Rule(
        id: "R09", title: "Keep the same deployment setup", phase: .prepare, scope: .global,
        sources: [.base("Authentication")],
        steps: { s in
            [StepDraft("prepare.keep-setup", notes: [.inference("keep-names", "rules.md R09")])]
        }
    )
}
