import Foundation
import Testing
import Yams
@testable import C8Runbook

/// Users as the chart uses them, and the Identity migration Job as a cluster member (issue 10, items 2 and 3).
@Suite struct UsersAndIdentityTests {
    func step(_ id: String, _ fixture: ScenarioFixture) throws -> Step {
        try #require(Planner().plan(try fixture.scenario).step(id: id), "no step \(id)")
    }

    /// The users block of R24, parsed.
    func initialization(_ fixture: ScenarioFixture) throws -> [String: Any] {
        let block = try #require(try step("values.authentication", fixture).blocks.last { $0.content.contains("initialization") })
        let root = try #require(try Yams.load(yaml: block.content) as? [String: Any])
        let orchestration = try #require(root["orchestration"] as? [String: Any])
        let security = try #require(orchestration["security"] as? [String: Any])
        return try #require(security["initialization"] as? [String: Any])
    }

    func usernames(_ initialization: [String: Any]) -> [String] {
        (initialization["users"] as? [[String: Any]] ?? []).compactMap { $0["username"] as? String }
    }

    func members(_ initialization: [String: Any], _ role: String) -> [String] {
        ((initialization["defaultRoles"] as? [String: Any])?[role] as? [String: Any])?["users"] as? [String] ?? []
    }

    @Test func withConnectorsTheFirstUserIsConnectors() throws {
        let fixture = ScenarioFixture(extra: "basicAuthUsers: [alice, { name: bob, role: USER }]\nconnectors: true")
        let initialization = try initialization(fixture)
        #expect(usernames(initialization) == ["connectors", "alice", "bob"], "Connectors sign in with the first entry")
        #expect(members(initialization, "connectors") == ["connectors"])
        #expect(members(initialization, "admin") == ["alice"], "OWNER → admin, and only the owner")
        #expect(members(initialization, "readonly-admin") == ["bob"])
        #expect(!members(initialization, "admin").contains("connectors"))
    }

    @Test func withoutConnectorsTheUsersAreTheirOwn() throws {
        let initialization = try initialization(ScenarioFixture(extra: "basicAuthUsers: [{ name: ops, role: OPERATOR }, alice]"))
        #expect(usernames(initialization) == ["ops", "alice"])
        #expect(members(initialization, "admin") == ["alice"])
        #expect(members(initialization, "readonly-admin") == ["ops"])
        #expect(members(initialization, "task-worker") == ["ops"])
        #expect(members(initialization, "connectors").isEmpty)
        let notes = try step("values.authentication", ScenarioFixture(extra: "basicAuthUsers: [{ name: ops, role: OPERATOR }, alice]")).notes
        #expect(notes.contains { $0.kind == .inference && $0.text.contains("OPERATOR") }, "the OPERATOR mapping is marked as an inference")
    }

    /// The method block names Connectors only when they run, and says `values` writes no method (the chart's
    /// default, `global.security.authentication.method: basic`, is inherited).
    @Test(arguments: [false, true])
    func theMethodBlockNamesOnlyTheComponentsThatRun(connectors: Bool) throws {
        let authentication = try step("values.authentication", ScenarioFixture(extra: "connectors: \(connectors)"))
        let block = try #require(authentication.blocks.first { $0.content.contains("method") })
        #expect(block.content.contains("connectors:") == connectors, "\(block.content)")
        #expect(authentication.body.contains("`c8runbook values` writes no method"))
    }

    @Test func passwordsNeverComeFromTheScenario() throws {
        let initialization = try initialization(ScenarioFixture(extra: "basicAuthUsers: [alice]"))
        let users = initialization["users"] as? [[String: Any]] ?? []
        #expect(users.allSatisfy { $0["password"] as? String == "<choose a password>" })
    }

    @Test func identityMigrationGetsTheClusterCompressionInRegion0Only() throws {
        let fixture = ScenarioFixture(compression: .snappy, identity: true, extra: "valuesFiles: { directory: /ops, base: base.yml, region0: r0.yml, region1: r1.yml }")
        let values = try step("values.identity-migration", fixture)
        let block = try #require(values.blocks.first)
        #expect(block.file == "r0.yml", "region 0's overlay: one Job, one cluster member")
        let root = try #require(try Yams.load(yaml: block.content) as? [String: Any])
        let identity = ((root["orchestration"] as? [String: Any])?["migration"] as? [String: Any])?["identity"] as? [String: Any]
        let env = try #require(identity?["env"] as? [[String: Any]])
        #expect(env.count == 1)
        #expect(env.first?["name"] as? String == "CAMUNDA_MIGRATION_IDENTITY_CLUSTER_MESSAGECOMPRESSION")
        #expect(env.first?["value"] as? String == "SNAPPY")
        #expect(identity?["enabled"] as? Bool == true)
        #expect(values.notes.filter { $0.kind == .inference }.count == 2, "one region and the compression are both inferences")

        let runbook = Planner().plan(try fixture.scenario)
        #expect(runbook.step(id: "values.identity-migration-secret.region0")?.commands == ["kubectl --context ctx-zero -n ns-zero apply -f /ops/identity-migration-secret.yaml"])
        #expect(runbook.step(id: "values.identity-migration-secret.region1") == nil)
        #expect(runbook.step(id: "migration.identity.region0") != nil)
        #expect(runbook.step(id: "migration.identity.region1") == nil)
        #expect(runbook.step(id: "post.values.identity-migration-off")?.blocks.first?.file == "r0.yml", "switched off where it was switched on")
        let rerun1 = try #require(runbook.step(id: "troubleshooting.failed-migration-job.region1"))
        #expect(!rerun1.commands.contains { $0.contains("migration-identity") })
    }

    @Test func withoutCompressionTheJobNeedsNoEnv() throws {
        let values = try step("values.identity-migration", ScenarioFixture(compression: .none, identity: true))
        #expect(values.blocks.first?.content.contains("env:") == false)
        #expect(values.notes.filter { $0.kind == .inference }.count == 1)
    }

    @Test func identityProviderShapesTheText() throws {
        let keycloak = try step("values.identity-migration", ScenarioFixture(identity: true))
        let oidc = try step("values.identity-migration", ScenarioFixture(identity: true, extra: "identityProvider: oidc"))
        #expect(keycloak.body.contains("bundled Keycloak") && !keycloak.body.contains("claimName"))
        #expect(oidc.body.contains("claimName") && !oidc.body.contains("bundled Keycloak"))
    }
}
