/// A scenario as `c8runbook init` read it off values files: every field with where it came from, the fields it
/// could not infer (written as marked placeholders) and the choices it made without evidence.
public struct InferredScenario: Sendable {
    /// A value and the place in the values files that says it; nil source for defaults and placeholders.
    public struct Field<Value: Sendable>: Sendable {
        public var value: Value
        public var source: SourceLocation?
        /// Why, when the value is not read directly from `source`.
        public var note: String?

        public init(_ value: Value, _ source: SourceLocation? = nil, note: String? = nil) {
            self.value = value
            self.source = source
            self.note = note
        }
    }

    public struct RegionFields: Sendable {
        public var kubeContext: Field<String>
        public var namespace: Field<String>
    }

    public struct Exporter: Sendable {
        public var segment: String
        public var region: Int?
        public var source: SourceLocation?
    }

    /// Placeholder values start with this (upper or lower case, as the field's syntax allows).
    public static let placeholderPrefix = "TODO-"

    public var sourceFiles: [String]
    public var title: Field<String>
    public var release: Field<String>
    public var chartFrom: Field<String>
    public var chartTo: Field<String>
    public var valuesFiles: ValuesFiles
    public var regions: [RegionFields]
    public var storageType: Field<SecondaryStorage.Kind>
    public var layout: Field<SecondaryStorage.Layout>
    public var provisioning: Field<SecondaryStorage.Provisioning>?
    /// One URL for a shared storage, two (region 0, region 1) otherwise.
    public var urls: [Field<String>]
    public var management: Field<Exporters.Management>
    public var legacy: [Exporter]
    public var compression: Field<MessageCompression>
    public var gatewayEnv: [Field<EnvVar>]
    public var identity: Field<Bool>
    public var optimize: Field<Bool>
    public var basicAuthUsers: [Field<String>]
    public var apiSecurity: Field<APISecurity>
    public var cluster: (size: Field<Int>?, partitions: Field<Int>?, replicationFactor: Field<Int>?)
    public var connectors: Field<Bool>
    public var backupRepository: Field<String>?
    public var plaintextSecrets: Field<Bool>
    public var customIndexPrefixes: Field<Bool>
    public var multiTenancy: Field<Bool>
    public var ingress: Field<Ingress>
    public var secrets: [SecretFinding]
    /// Things read but deliberately not copied (a valueFrom gateway variable, a secret-like one).
    public var skipped: [String]
    /// What the values say that the upgrade cannot work with as they are, one sentence each (e.g. no Zeebe backup
    /// store): `init` prints each as a warning.
    public var warnings: [String] = []
    /// Hides the input files' secrets in the scenario text (Secrets/SecretRedactor).
    public var redactor = SecretRedactor.shapesOnly

    /// Placeholders left in the file: field path and what to do.
    public var placeholders: [(path: String, hint: String)] {
        var list: [(String, String)] = []
        func check(_ path: String, _ field: Field<String>) {
            if field.value.uppercased().hasPrefix(Self.placeholderPrefix) { list.append((path, field.note ?? "replace it")) }
        }
        check("title", title)
        check("release", release)
        check("chart.from", chartFrom)
        for (index, region) in regions.enumerated() {
            check("regions[\(index)].kubeContext", region.kubeContext)
            check("regions[\(index)].namespace", region.namespace)
        }
        return list
    }
}
