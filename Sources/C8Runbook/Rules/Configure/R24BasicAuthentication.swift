extension Rule {
    static let r24 = Rule(
        id: "R24", title: "Authentication and users (basic)", phase: .configure, scope: .valuesBase,
        condition: "identity is false (basic authentication)",
        sources: [.seed("Handle authentication changes"), .base("Authentication"), .basicAuthentication("Default users"),
                  .prepare("User management and authentication changes"),
                  // Connectors sign in with the FIRST entry of orchestration.security.initialization.users
                  // (`first .Values.orchestration.security.initialization.users` in the connectors application template).
                  .chart("templates/connectors/files/_application.yaml"),
                  // global.security.authentication.method defaults to "basic"; orchestration's and connectors' own
                  // `method` are "" and inherit it, so `c8runbook values` writes no method. The default initial users
                  // are `connectors`/`connector` and `demo`/`demo` (orchestration.security.initialization.users).
                  .chart("values.yaml"),
                  // The 8.8 default roles a user can be given: admin, readonly-admin, task-worker, …
                  Source(key: "AUTHZ", section: "Default roles",
                         url: "https://docs.camunda.io/docs/8.8/components/concepts/access-control/authorizations/#default-roles")],
        applies: { !$0.identity },
        steps: { s in
            var yaml = ValuesSnippet()
            yaml.set("orchestration.security.authentication.method", .string("basic"))
            if s.connectors { yaml.set("connectors.security.authentication.method", .string("basic")) }
            var blocks = [s.baseBlock(yaml)]
            var notes: [NoteDraft] = []
            if !s.basicAuthUsers.isEmpty {
                let file = s.valuesFiles.users.map { s.valuesFiles.absolute($0) } ?? "a values file kept out of Git"
                blocks.append(Block(language: "yaml", label: "In \(file) (kept out of Git), the last -f of every helm upgrade", content: s.initialUsersYAML))
                notes.append(.warning("user-passwords", "rules.md R24"))
                if s.basicAuthUsers.contains(where: { s.role(of: $0) == .operator }) {
                    notes.append(.inference("operator-role", "rules.md R24"))
                }
            }
            return [StepDraft("values.authentication", blocks: blocks, notes: notes)]
        }
    )
}

extension Scenario {
    /// A user's 8.7 role: the one the scenario gives, else OWNER (Operate's `userId` user).
    func role(of user: String) -> BasicAuthRole { basicAuthRoles[user] ?? .owner }

    /// The 8.7 users re-created through `orchestration.security.initialization`. Helm arrays replace the chart's
    /// defaults, and Connectors sign in with the FIRST entry of the list (chart 13.x connectors application
    /// template), so with Connectors that entry is `connectors` with the `connectors` role. Each user gets the
    /// 8.8 roles matching its 8.7 role (OWNER → admin), never admin for all. Passwords are for the operator to fill
    /// in, never from the scenario.
    var initialUsersYAML: String {
        var lines = ["orchestration:", "  security:", "    initialization:", "      users:"]
        var users = basicAuthUsers.filter { $0 != "connectors" }
        if connectors || basicAuthUsers.contains("connectors") { users.insert("connectors", at: 0) }
        for user in users {
            lines += [
                "        - username: \(ValuesSnippet.format(.string(user)))",
                "          password: <choose a password>",
                "          name: \(ValuesSnippet.format(.string(user)))",
                "          email: <\(user) e-mail address>",
            ]
        }
        lines.append("      defaultRoles:")
        var members: [String: [String]] = [:]
        for user in basicAuthUsers where user != "connectors" {
            for role in role(of: user).roles88 { members[role, default: []].append(user) }
        }
        if users.first == "connectors" { members["connectors", default: []].append("connectors") }
        for role in ["admin", "readonly-admin", "task-worker", "connectors"] {
            guard let names = members[role] else { continue }
            lines += ["        \(role):", "          users:"]
            lines += names.map { "            - \(ValuesSnippet.format(.string($0)))" }
        }
        return lines.joined(separator: "\n")
    }
}
