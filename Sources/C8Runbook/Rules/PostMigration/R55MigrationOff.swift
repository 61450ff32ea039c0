extension Rule {
    static let r55 = Rule(
        id: "R55", title: "Switch off the migration machinery", phase: .postMigration, scope: .valuesOverlay,
        sources: [.components("Turn off importers after completion"), .importer(), .greenfieldValues,
                  .chart("templates/orchestration/importer-deployment.yaml"), .chart("templates/orchestration/migration-data-job.yaml"),
                  // Rolling, not simultaneous: both regions at once restart same-ordinal brokers together, and with
                  // replicationFactor 4 over two regions a partition whose replicas sit on them drops below quorum.
                  // The "both regions simultaneously" rule is for the 8.7 → 8.8 upgrade only (SEED § Multi-region
                  // specific considerations); the clean-up is an ordinary rolling change (OPS).
                  .operations()],
        steps: { s in
            let c = Commands(scenario: s)
            var removals: [String] = []
            if s.compressionEnabled { removals.append("orchestration.env: ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION (old prefix)") }
            // Cluster TLS: the migration pods' own settings (R15 `values.migration-pods-tls`) go with the migration;
            // camunda-platform-helm f3dba5bd charts/camunda-platform-8.8/test/integration/scenarios/chart-full-setup/
            // values/features/zeebe-tls.yaml sets them for the migration only.
            let clusterTLS = !s.clusterSecurityEnv.isEmpty
            if clusterTLS {
                removals += s.clusterSecurityEnv.map { "orchestration.env: \($0.name) (old prefix)" }
                removals += ["orchestration.importer.extraVolumes", "orchestration.importer.extraVolumeMounts",
                             "orchestration.migration.data.extraVolumes", "orchestration.migration.data.extraVolumeMounts"]
            }
            if s.isShared {
                removals.append("\(s.valuesFiles.region0): orchestration.migration.data.enabled")
                removals.append("\(s.valuesFiles.region1): orchestration.migration.data.enabled")
            } else {
                removals.append("\(s.valuesFiles.base ?? "both region files"): orchestration.migration.data.enabled")
            }
            let also = s.optimize ? ["R37"] : ["R53", "R37"]
            return [StepDraft("post.values.migration-off", values: StepValues(clusterTLS: clusterTLS), commands: [s.valuesCommand(stage: .final)],
                              blocks: [Block(language: "text", label: "Delete", content: removals.joined(separator: "\n"))],
                              notes: [.inference("job-template-immutable", "rules.md R55")])]
                + [0, 1].flatMap { id in
                    [StepDraft("post.helm", region: id, commands: [c.helmUpgrade(id, stage: .final)],
                               notes: [.inference("rolling-clean-up", "rules.md R55")], alsoRules: also),
                     StepDraft("post.rollout", region: id, commands: s.rolloutCommands(id) + [
                        // Region 1 on local port 8081, as in verify.data and post.data: a forward left running
                        // from region 0 then never answers for region 1, nor region 1's for a later region 0 check.
                        c.restForward(id),
                        "curl \(c.restAuth)-L -X GET 'http://localhost:\(Commands.restPort(id))\(s.managementBase)/v2/topology' -H 'Accept: application/json'",
                     ])]
                }
        }
    )
}
