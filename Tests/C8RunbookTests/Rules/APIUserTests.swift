import Testing
@testable import C8Runbook

/// Issue 10 item 2 follow-up: with Connectors, `connectors` is the first entry of the users list (for the Connectors'
/// own sign-in), so the API checks must name the first OWNER (8.8 admin) as the user to authenticate as, never
/// `connectors`; the credentials themselves come from `CAMUNDA_AUTH`, as in every other REST check.
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
        // Every REST check authenticates the same way, from the operator's shell (never a user name in the command).
        let commands = try apiCommands(extra)
        #expect(commands.count >= 3, "R46 and R55 (both regions) check the topology")
        for command in commands {
            #expect(command.contains(#"curl -u "${CAMUNDA_AUTH:?"#), "\(command)")
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

    /// One way to authenticate across the runbook: every call of the 8.8 REST API through a port-forward reads the
    /// same variable from the operator's shell (R46 once asked for a password and used `$TOKEN` where the data
    /// checks used `CAMUNDA_AUTH` and `CAMUNDA_TOKEN`).
    @Test func everyRESTCallAuthenticatesTheSameWay() throws {
        let example = try Scenario.parse(yaml: Scenario.exampleYAML, file: "example")
        var checked = 0
        for scenario in example.variants {
            let calls = Planner().plan(scenario).steps.flatMap(\.commands).filter { $0.hasPrefix("curl ") && $0.contains("localhost:808") && $0.contains("/v2/") }
            let expected: String? = scenario.apiSecurity == .unprotected ? nil : scenario.identity ? "${CAMUNDA_TOKEN:?" : "${CAMUNDA_AUTH:?"
            for call in calls {
                if let expected { #expect(call.contains(expected), "\(call)") } else { #expect(!call.contains("CAMUNDA_"), "\(call)") }
                #expect(!call.contains("$TOKEN"), "\(call)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}
