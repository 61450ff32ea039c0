import Testing
@testable import C8Runbook

/// Issue 10 item 2 follow-up: with Connectors, `connectors` is the first entry of the users list (for the Connectors'
/// own sign-in), so the API checks must authenticate as the first OWNER (8.8 admin), never as `connectors`.
@Suite struct APIUserTests {
    /// Every command that calls the REST API with basic authentication, over the whole runbook.
    func apiCommands(_ extra: String) throws -> [String] {
        let runbook = Planner().plan(try ScenarioFixture(extra: extra).scenario)
        return runbook.phases.flatMap(\.steps).flatMap(\.commands).filter { $0.contains("/v2/topology") }
    }

    @Test(arguments: [
        ("connectors: true\nbasicAuthUsers: [{ name: viewer, role: USER }, alice]", "alice"),
        ("connectors: true\nbasicAuthUsers: [connectors, { name: ops, role: OPERATOR }, alice, bob]", "alice"),
        ("connectors: false\nbasicAuthUsers: [{ name: ops, role: OPERATOR }, alice]", "alice"),
        ("connectors: false\nbasicAuthUsers: [alice, bob]", "alice"),
        ("connectors: true\nbasicAuthUsers: []", "demo"),
    ])
    func topologyChecksUseTheFirstAdmin(extra: String, user: String) throws {
        let scenario = try ScenarioFixture(extra: extra).scenario
        #expect(scenario.apiUser == user)
        let commands = try apiCommands(extra)
        #expect(commands.count >= 2, "R46 and R55 check the topology")
        for command in commands {
            #expect(command.contains("curl -u \(user) "), "\(command)")
            #expect(!command.contains("-u connectors"))
        }
        if scenario.connectors && !scenario.basicAuthUsers.isEmpty {
            #expect(scenario.initialUsersYAML.contains("users:\n        - username: connectors\n"), "connectors stays the first entry for the chart")
        }
        let topology = try #require(Planner().plan(scenario).step(id: "verify.topology"))
        #expect(topology.body.contains("`\(user)`"))
    }

    @Test func withoutAnOwnerTheFirstOtherUserNeverConnectors() throws {
        let scenario = try ScenarioFixture(extra: "connectors: true\nbasicAuthUsers: [connectors, { name: viewer, role: USER }]").scenario
        #expect(scenario.apiUser == "viewer")
    }
}
