extension Rule {
    static let r36 = Rule(
        id: "R36", title: "Secret value pattern", phase: .configure, scope: .valuesBase,
        condition: "plaintextSecrets or identity",
        sources: [.secrets("Migration from legacy pattern (8.7 → 8.8+)")],
        applies: { $0.plaintextSecrets || $0.identity },
        steps: { _ in
            let example = """
            # 8.7 (legacy pattern)
            existingSecret: camunda-credentials
            existingSecretKey: identity-orchestration-client-token
            # 8.8: both keys are required, there is no default key
            secret:
              existingSecret: camunda-credentials
              existingSecretKey: identity-orchestration-client-token
            """
            return [StepDraft("values.secret-pattern", blocks: [Block(language: "yaml", label: "For each secret field", content: example)])]
        }
    )
}
