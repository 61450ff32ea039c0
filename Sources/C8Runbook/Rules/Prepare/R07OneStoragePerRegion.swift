extension Rule {
    static let r07 = Rule(
        id: "R07", title: "One storage per region, not one across regions", phase: .prepare, scope: .global,
        sources: [.components("Single Elasticsearch/OpenSearch instance"), .concept("Component requirements")],
        steps: { _ in [StepDraft("prepare.storage-layout", notes: [.inference("single-instance-per-region", "rules.md R07, §E.3")])] }
    )
}
