/// What the data migration Job needs to reach the storage (field-case kind 3).
extension FileMigration {
    /// The 13.x data migration Job gets `JAVA_TOOL_OPTIONS` only with `global.elasticsearch.tls.existingSecret`,
    /// `global.opensearch.tls.existingSecret` or a CA bundle, and none of `orchestration`'s volumes (CHART 13.12.7
    /// `orchestration/migration-data-job.yaml`; the importer does get `orchestration.javaOpts`,
    /// `importer-deployment.yaml`). A trust store the 8.7 brokers' exporters used for an https storage
    /// (`-Djavax.net.ssl.trustStore` in `zeebe.javaOpts`) therefore does not reach the Job, which then cannot verify
    /// the storage's certificate and never completes. A review item at `orchestration.javaOpts` says so; the values
    /// themselves cannot give the Job a JVM option.
    mutating func reviewMigrationJobTrustStore() {
        guard stage == .migration, scenario.secondaryStorage.urls.contains(where: { $0.lowercased().hasPrefix("https://") }),
              let javaOpts = root.node(at: "orchestration.javaOpts"), let text = javaOpts.text, text.contains("javax.net.ssl.trustStore="),
              root.node(at: "global.elasticsearch.tls.existingSecret") == nil, root.node(at: "global.opensearch.tls.existingSecret") == nil
        else { return }
        note("orchestration.javaOpts", .review, "R20", javaOpts.location,
             "orchestration.javaOpts sets a trust store (-Djavax.net.ssl.trustStore), which the data migration Job does not get: the 13.x chart gives the Job JVM options only with global.elasticsearch.tls.existingSecret (or opensearch) or a CA bundle, and none of orchestration's volumes, so it cannot verify the https storage's certificate; give the certificate through global.elasticsearch.tls.existingSecret (the chart then gives it to every pod) before the upgrade")
    }
}
