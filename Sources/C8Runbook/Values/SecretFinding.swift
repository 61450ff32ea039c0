/// A password-, secret- or token-like key with a literal value. Holds where it is, never what it is.
public struct SecretFinding: Sendable, Equatable, Codable {
    /// The key path, `global.identity.auth.zeebe.existingSecret` or `zeebe.env[ZEEBE_FOO_PASSWORD]`.
    public var path: String
    public var location: SourceLocation

    /// rules.md R05, as the report and the CLI print it.
    public static let advice = "move it into a Kubernetes Secret in both regions' namespaces (kubectl --context <context> -n <namespace> create secret generic ...) and reference it with the 8.8 pattern secret.existingSecret + secret.existingSecretKey (both required; inlineSecret only outside production), then remove the plaintext (rules.md R05)"
}
