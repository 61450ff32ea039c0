extension Rule {
    static let r24 = Rule(
        id: "R24", title: "Authentication and users (basic)", phase: .configure, scope: .valuesBase,
        condition: "identity is false (basic authentication)",
        sources: [.seed("Handle authentication changes"), .base("Authentication"), .basicAuthentication("Default users"),
                  .prepare("User management and authentication changes")],
        applies: { !$0.identity },
        steps: { s in
            var yaml = ValuesSnippet()
            yaml.set("orchestration.security.authentication.method", .string("basic"))
            yaml.set("connectors.security.authentication.method", .string("basic"))
            var blocks = [s.baseBlock(yaml)]
            var notes: [NoteDraft] = []
            if !s.basicAuthUsers.isEmpty {
                blocks.append(Block(language: "yaml", label: "In a values file kept out of Git, passed as a further -f to both helm upgrades", content: s.initialUsersYAML))
                notes.append(.warning("user-passwords", "rules.md R24"))
            }
            return [StepDraft("values.authentication", blocks: blocks, notes: notes)]
        }
    )
}

extension Scenario {
    /// The 8.7 users re-created through `orchestration.security.initialization` (Helm arrays replace the defaults,
    /// so `connectors` is listed again for Connectors; passwords are for the operator to fill in, never from the scenario).
    var initialUsersYAML: String {
        var lines = ["orchestration:", "  security:", "    initialization:", "      users:"]
        var users = basicAuthUsers
        if connectors, !users.contains("connectors") { users.append("connectors") }
        for user in users {
            lines += [
                "        - username: \(ValuesSnippet.format(.string(user)))",
                "          password: <choose a password>",
                "          name: \(ValuesSnippet.format(.string(user)))",
                "          email: <\(user) e-mail address>",
            ]
        }
        lines += ["      defaultRoles:", "        admin:", "          users:"]
        lines += basicAuthUsers.map { "            - \(ValuesSnippet.format(.string($0)))" }
        if connectors {
            lines += ["        connectors:", "          users:", "            - connectors"]
        }
        return lines.joined(separator: "\n")
    }
}
