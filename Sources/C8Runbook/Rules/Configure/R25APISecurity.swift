extension Rule {
    static let r25 = Rule(
        id: "R25", title: "API security defaults", phase: .configure, scope: .valuesBase,
        sources: [.seed("API security defaults"), .authentication("Unprotected API mode"), .chart("values.yaml"), .apiMigration],
        steps: { s in
            guard s.apiSecurity == .unprotected else {
                return [StepDraft("values.api-security", notes: [.warning("old-clients-rest", "APIs & tools migration guide; the 8.7.15 bound from c8runbook's audit of Camunda's sources")])]
            }
            var yaml = ValuesSnippet()
            yaml.set("orchestration.security.authentication.unprotectedApi", .bool(true))
            yaml.set("orchestration.security.authorizations.enabled", .bool(false))
            return [StepDraft("values.api-security", blocks: [s.baseBlock(yaml)], notes: [
                .correction("unprotected-api", "rules.md §E.2d"),
                .warning("unprotected-api-production", "rules.md R25"),
                .warning("old-clients-rest", "APIs & tools migration guide; the 8.7.15 bound from c8runbook's audit of Camunda's sources"),
            ])]
        }
    )
}
