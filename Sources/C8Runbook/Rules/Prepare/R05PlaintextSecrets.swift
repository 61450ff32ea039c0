extension Rule {
    static let r05 = Rule(
        id: "R05", title: "Plaintext secrets to Kubernetes Secrets", phase: .prepare, scope: .perRegion,
        condition: "plaintextSecrets or identity",
        sources: [.base("Prerequisites"), .secrets("Extract plaintext values and reference them as Kubernetes Secrets"),
                  .secrets("Migration from legacy pattern (8.7 → 8.8+)")],
        applies: { $0.plaintextSecrets || $0.identity },
        steps: { s in
            let c = Commands(scenario: s)
            return [0, 1].map { id in
                var commands: [String] = []
                if s.identity {
                    commands += [
                        c.kubectl(id, "get secret \(s.release)-zeebe-identity-secret -o jsonpath='{.data.zeebe-secret}' | base64 --decode"),
                        c.kubectl(id, "get secret \(s.release)-connectors-identity-secret -o jsonpath='{.data.connectors-secret}' | base64 --decode"),
                    ]
                }
                commands.append(c.kubectl(id, "apply -f \(ShellWord.quote(s.valuesFiles.absolute("existing-secrets-manifest.yaml")))"))
                return StepDraft("prepare.secrets", region: id, commands: commands,
                                 notes: [.correction("secret-commands-namespace", "rules.md R05, F08")])
            }
        }
    )
}
