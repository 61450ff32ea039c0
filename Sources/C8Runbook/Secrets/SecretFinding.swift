/// A secret in a values file: where it is and what kind it is, never what it is.
public struct SecretFinding: Sendable, Equatable, Codable {
    /// What makes it a secret.
    public enum Kind: String, Sendable, Codable {
        /// A key that names a secret (`DB_PASSWORD`, `clientSecret`, `CAMUNDA_LICENSE_KEY`) with a literal value.
        case key
        /// Credentials in a URL (`https://user:password@`, `jdbc:oracle:thin:user/password@`).
        case url
        /// A secret-named parameter (`?password=`, `;token=`, `-D…Password=`).
        case parameter
        /// A `Bearer`, `Basic` or `Token` credential.
        case bearer
        /// A PEM private key body.
        case privateKey
        /// A PEM certificate body: redacted, but not a plaintext secret to move (R05 is about credentials).
        case certificate

        /// Counts towards `plaintextSecrets` (rules.md R05).
        public var isPlaintextSecret: Bool { self != .certificate }

        /// How reports name it.
        public var description: String {
            switch self {
            case .key: "secret-named key"
            case .url: "credentials in a URL"
            case .parameter: "secret-named parameter"
            case .bearer: "authorization credential"
            case .privateKey: "PEM private key"
            case .certificate: "PEM certificate"
            }
        }
    }

    /// The key path, `global.identity.auth.zeebe.existingSecret` or `zeebe.env[ZEEBE_FOO_PASSWORD]`.
    public var path: String
    public var location: SourceLocation
    public var kind: Kind

    public init(path: String, location: SourceLocation, kind: Kind = .key) {
        self.path = path
        self.location = location
        self.kind = kind
    }

    /// The CLI's warning: where, what kind, never the value.
    public var warning: String {
        "\(location): plaintext secret (\(kind.description), value not shown) in '\(path)': \(advice)"
    }

    /// In an env entry (`zeebe.env[ZEEBE_FOO_PASSWORD]`): the 8.8 `secret:` pattern is for the chart's own keys, an
    /// env entry references a Secret with `valueFrom.secretKeyRef` (Kubernetes' EnvVarSource).
    public var isEnvEntry: Bool { path.contains("env[") }

    /// rules.md R05 for this finding: the reference an env entry takes, or the 8.8 pattern for the chart's keys.
    public var advice: String { isEnvEntry ? Self.envAdvice : Self.keyAdvice }

    static let moveAdvice = "move it into a Kubernetes Secret in both regions' namespaces (kubectl --context <context> -n <namespace> create secret generic ...)"
    static let keyAdvice = moveAdvice + " and reference it with the 8.8 pattern secret.existingSecret + secret.existingSecretKey (both required; inlineSecret only outside production), then remove the plaintext (rules.md R05)"
    static let envAdvice = moveAdvice + " and reference it from the env entry with valueFrom.secretKeyRef (the Secret's name and key) in place of value, then remove the plaintext (rules.md R05)"

    /// rules.md R05 for a list of findings, as the report prints it above them.
    public static let advice = moveAdvice + " and reference it: from an env entry with valueFrom.secretKeyRef (the Secret's name and key), from the chart's keys with the 8.8 pattern secret.existingSecret + secret.existingSecretKey (both required; inlineSecret only outside production); then remove the plaintext (rules.md R05)"
}
