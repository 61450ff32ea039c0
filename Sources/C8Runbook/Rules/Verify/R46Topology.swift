extension Rule {
    static let r46 = Rule(
        id: "R46", title: "Topology", phase: .verify, scope: .global,
        sources: [.eks("Verify Camunda 8"), .migrationTest],
        steps: { s in
            let c = Commands(scenario: s)
            return [StepDraft("verify.topology", values: StepValues(apiUser: s.apiUser), commands: [
                c.portForward(0, port: 8080),
                "curl \(c.restAuth)-L -X GET 'http://localhost:8080\(s.managementBase)/v2/topology' -H 'Accept: application/json'",
            ])]
        }
    )
}

extension Scenario {
    /// The user for API checks: the first re-created OWNER (8.8 `admin`), else the first other re-created user,
    /// never `connectors` (issue 10 item 2: with Connectors it is the first entry of the users list, for the
    /// Connectors' own sign-in, and holds only the `connectors` role); the chart's default `demo` when no user is
    /// re-created.
    var apiUser: String {
        let people = basicAuthUsers.filter { $0 != "connectors" }
        return people.first { role(of: $0) == .owner } ?? people.first ?? "demo"
    }
}
