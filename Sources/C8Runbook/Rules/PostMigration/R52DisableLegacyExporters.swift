extension Rule {
    static let r52 = Rule(
        id: "R52", title: "Disable the legacy exporters via the Management API", phase: .postMigration, scope: .global,
        condition: "optimize is false",
        sources: [.seed("Post-migration"), .managementAPI("Exporters API"), .operations(), .migrationTest],
        applies: { !$0.optimize },
        steps: { s in
            let c = Commands(scenario: s)
            var disable = [c.portForward(0, port: 9600)]
            for id in s.legacyExporterIDs {
                disable.append("curl -s -w '\\nHTTP %{http_code}\\n' -XPOST '\(c.actuator("exporters/\(id)/disable"))'")
                disable.append("curl -s -XGET '\(c.actuator("cluster"))' | jq .lastChange")
            }
            let expected = (s.legacyExporterIDs.map { "{\"exporterId\":\"\($0)\",\"status\":\"DISABLED\"}" }
                + s.camundaExporterIDs.map { "{\"exporterId\":\"\($0)\",\"status\":\"ENABLED\"}" }).joined(separator: "\n")
            return [
                StepDraft("post.exporters.disable", commands: disable, notes: [.correction("post-migration-commands", "rules.md §E.2h")]),
                StepDraft("post.exporters.confirm", commands: ["curl -s -XGET '\(c.actuator("exporters"))'"],
                          blocks: [Block(language: "json", label: "Expected entries (in any order)", content: expected)]),
            ]
        }
    )
}
