extension Rule {
    static let r09 = Rule(
        id: "R09", title: "Keep the same deployment setup", phase: .prepare, scope: .global,
        sources: [.base("Authentication")],
        steps: { s in
            let ids = (s.legacyExporterIDs).map { ["id": $0] }
            return [StepDraft("prepare.keep-setup", values: ["exporterIDs": ids], notes: [.inference("keep-names", "rules.md R09")])]
        }
    )
}
