extension Rule {
    static let r07 = Rule(
        id: "R07", title: "Keep the storage layout: one storage per region stays per region, a shared one stays shared", phase: .prepare, scope: .global,
        sources: [.components("Single Elasticsearch/OpenSearch instance"), .concept("Component requirements")],
        steps: { s in
            [StepDraft("prepare.storage-layout", notes: [.inference(s.isShared ? "single-instance-shared" : "single-instance-per-region", "rules.md R07, §E.3")])]
        }
    )
}
