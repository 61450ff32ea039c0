extension Rule {
    static let r32 = Rule(
        id: "R32", title: "Components disabled by default in 13.x", phase: .configure, scope: .valuesBase,
        condition: "identity or optimize or connectors",
        sources: [.base("Changes to the default deployment setup"), .base("Top-level chart keys")],
        applies: { $0.identity || $0.optimize || $0.connectors },
        steps: { s in
            var yaml = ValuesSnippet()
            if s.identity {
                yaml.set("identity.enabled", .bool(true))
                yaml.set("identityKeycloak.enabled", .bool(true))
            }
            if s.optimize { yaml.set("optimize.enabled", .bool(true)) }
            if s.connectors { yaml.set("connectors.enabled", .bool(true)) }
            return [StepDraft("values.components", blocks: [s.baseBlock(yaml)])]
        }
    )
}
