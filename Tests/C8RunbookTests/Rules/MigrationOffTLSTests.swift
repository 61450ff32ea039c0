import Testing
@testable import C8Runbook

/// Issue 9 item 4: the migration pods' cluster TLS settings (R15 `values.migration-pods-tls`) are switched off with
/// the migration, and `post.values.migration-off` (R55) says so.
@Suite struct MigrationOffTLSTests {
    func step(tls: Bool) throws -> Step {
        var scenario = try ScenarioFixture().scenario
        if tls {
            scenario.gatewayEnv += [EnvVar(name: "ZEEBE_GATEWAY_CLUSTER_SECURITY_ENABLED", value: "true"),
                                    EnvVar(name: "ZEEBE_GATEWAY_CLUSTER_SECURITY_CERTIFICATECHAINPATH", value: "/usr/local/zeebe/certs/tls.crt")]
        }
        return try #require(Planner().plan(scenario).step(id: "post.values.migration-off"))
    }

    @Test func clusterTLSIsRemovedWithTheMigration() throws {
        let step = try step(tls: true)
        let removals = try #require(step.blocks.first?.content).split(separator: "\n").map(String.init)
        #expect(removals.contains("orchestration.env: ZEEBE_GATEWAY_CLUSTER_SECURITY_ENABLED (old prefix)"))
        #expect(removals.contains("orchestration.env: ZEEBE_GATEWAY_CLUSTER_SECURITY_CERTIFICATECHAINPATH (old prefix)"))
        for key in ["orchestration.importer.extraVolumes", "orchestration.importer.extraVolumeMounts",
                    "orchestration.migration.data.extraVolumes", "orchestration.migration.data.extraVolumeMounts"] {
            #expect(removals.contains(key), "\(key)")
        }
        #expect(step.body.contains("the migration pods' cluster TLS settings"))
        #expect(step.rules.contains("R55"))
    }

    @Test func withoutClusterTLSNothingAboutIt() throws {
        let step = try step(tls: false)
        let removals = try #require(step.blocks.first?.content)
        #expect(!removals.contains("CLUSTER_SECURITY") && !removals.contains("importer.extraVolume"))
        #expect(!step.body.contains("cluster TLS"))
    }
}
