import Foundation

/// Finds plaintext secrets in values: keys that name a password, secret, token or key material and hold a literal
/// value, and env entries (`- name: X_PASSWORD value: ...`) likewise. References (`existingSecret`, `secretKeyRef`,
/// `extraEnvVarsSecret`, `...Name`, `...Path`) are not secrets. Values are never copied into a finding.
enum SecretScanner {
    static let words = ["password", "passwd", "secret", "token", "apikey", "api_key", "accesskey", "access_key",
                        "privatekey", "private_key", "credential", "clientsecret"]

    static func scan(_ document: ValuesDocument) -> [SecretFinding] {
        var findings: [SecretFinding] = []
        walk(document.root, path: "", into: &findings)
        return findings
    }

    /// The literal values of the findings, only to redact them from diffs.
    static func literalValues(_ document: ValuesDocument) -> Set<String> {
        Set(scan(document).compactMap { finding in value(at: finding.location, in: document.root) })
    }

    private static func value(at location: SourceLocation, in node: ValuesNode) -> String? {
        if node.location == location, let text = node.text { return text }
        switch node.content {
        case .scalar: return nil
        case let .mapping(entries): return entries.lazy.compactMap { value(at: location, in: $0.value) }.first
        case let .sequence(items): return items.lazy.compactMap { value(at: location, in: $0.value) }.first
        }
    }

    static func isSecretKey(_ key: String) -> Bool {
        let lowered = key.lowercased()
        guard words.contains(where: lowered.contains) else { return false }
        let compact = lowered.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "")
        let references = ["existing", "envvars", "envfrom", "keyref"]
        if references.contains(where: compact.contains) { return false }
        if ["secretkey", "accesskey", "apikey", "privatekey"].contains(where: compact.hasSuffix) { return true }
        let referenceSuffixes = ["name", "ref", "path", "file", "enabled", "policy", "key", "keys", "mount", "mountpath", "secrets"]
        return !referenceSuffixes.contains { compact.hasSuffix($0) }
    }

    private static func literal(_ node: ValuesNode) -> Bool {
        guard let scalar = node.scalar, !scalar.isNull, scalar.kind != .bool else { return false }
        let value = scalar.value.trimmingCharacters(in: .whitespaces)
        return !value.isEmpty && !value.hasPrefix("${") && !value.contains("{{")
    }

    private static func walk(_ node: ValuesNode, path: String, into findings: inout [SecretFinding]) {
        switch node.content {
        case .scalar: return
        case let .mapping(entries):
            for entry in entries {
                let childPath = path.isEmpty ? entry.key : "\(path).\(entry.key)"
                if isSecretKey(entry.key), literal(entry.value) {
                    findings.append(SecretFinding(path: childPath, location: entry.value.location ?? entry.keyLocation!))
                } else {
                    walk(entry.value, path: childPath, into: &findings)
                }
            }
        case let .sequence(items):
            for (index, item) in items.enumerated() {
                if let name = item.value.envName, let value = item.value["value"], isSecretKey(name), literal(value) {
                    findings.append(SecretFinding(path: "\(path)[\(name)]", location: value.location ?? item.value.location!))
                } else {
                    walk(item.value, path: "\(path)[\(index)]", into: &findings)
                }
            }
        }
    }
}
