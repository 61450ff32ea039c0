import Foundation
import Testing
@testable import C8Runbook

/// R15 for cluster TLS (field case 03): the runbook tells the team what the migration pods need, only when the
/// 8.7 gateway used cluster TLS.
@Suite struct MigrationPodsTLSStepTests {
    @Test func clusterTLSGetsItsOwnStepWithTheOldPrefixVariables() throws {
        var scenario = try ScenarioFixture().scenario
        #expect(Planner().plan(scenario).step(id: "values.migration-pods-tls") == nil)
        scenario.gatewayEnv += [EnvVar(name: "ZEEBE_GATEWAY_CLUSTER_SECURITY_ENABLED", value: "true"),
                                EnvVar(name: "ZEEBE_GATEWAY_CLUSTER_SECURITY_CERTIFICATECHAINPATH", value: "/etc/tls/chain.pem")]
        let step = try #require(Planner().plan(scenario).step(id: "values.migration-pods-tls"))
        let yaml = try #require(step.blocks.first?.content)
        #expect(yaml.contains("- name: ZEEBE_GATEWAY_CLUSTER_SECURITY_ENABLED"))
        #expect(yaml.contains("- name: ZEEBE_GATEWAY_CLUSTER_SECURITY_CERTIFICATECHAINPATH"))
        #expect(!yaml.contains("MEMBERSHIP"))
        #expect(step.body.contains("orchestration.importer.extraVolumes") && step.body.contains("orchestration.migration.data.extraVolumes"))
        #expect(step.body.contains("`ZEEBE_GATEWAY_CLUSTER_SECURITY_ENABLED`"))
    }

    @Test func withoutCompressionTLSAloneStillApplies() throws {
        var scenario = try ScenarioFixture(compression: .none).scenario
        scenario.gatewayEnv = [EnvVar(name: "ZEEBE_GATEWAY_CLUSTER_SECURITY_ENABLED", value: "true")]
        let plan = Planner().plan(scenario)
        #expect(plan.step(id: "values.message-compression") == nil)
        #expect(plan.step(id: "values.migration-pods-tls") != nil)
    }
}
