/// Finds the secrets of a values file: literal values of keys that name a secret (`SecretKeyName`), in mappings, in
/// the lists such keys hold, and in env entries (`- name: X_PASSWORD` / `value: …`, in either order and in flow
/// style), and secrets recognisable by their shape in any value (`SecretShapes`: URL credentials, `?password=`, Bearer
/// tokens, PEM bodies, and pairs inside embedded configuration). References (`existingSecret`, `secretKeyRef`, `valueFrom`, `${VARIABLE}`, Secret names
/// under `…Secret` keys) are not secrets.
///
/// Findings hold locations only. The secret text itself goes into a `SecretRedactor`, never into a finding. PEM
/// certificates are redacted but are not findings: they are not credentials to move into a Secret.
public enum SecretScanner {
    /// The findings of one values file, in file order, and the redactor that hides their values.
    public struct Scan: Sendable {
        public var findings: [SecretFinding]
        /// The exact texts to hide (values, their source spellings, block-scalar lines, URL credentials), each with
        /// where it is written (`file:line`; the first place when a secret is written twice).
        public var fragments: [String: String]
    }

    public static func scan(_ document: ValuesDocument) -> [SecretFinding] { scanning(document).findings }

    /// Findings and fragments of one document. Redactions name the file `displayName` (the path people know it by,
    /// `region0/camunda-values.yml`), or its path as given.
    public static func scanning(_ document: ValuesDocument, displayName: String? = nil) -> Scan {
        var scan = Scan(findings: [], fragments: [:])
        let walker = Walker(displayName: displayName)
        walker.walk(document.root, path: { "" }, parent: nil, into: &scan)
        return scan
    }

    /// The redactor for a set of documents (every input of one command).
    public static func redactor(for documents: [ValuesDocument]) -> SecretRedactor {
        SecretRedactor(labelled: documents.reduce(into: [String: String]()) { $0.merge(scanning($1).fragments) { first, _ in first } })
    }

    /// A key that names a secret whatever its value (`DB_PASSWORD`, `clientSecret`; not `passwordsSecret`,
    /// whose value may be a Secret's name).
    public static func isSecretKey(_ key: String) -> Bool { SecretKeyName.isSecret(key) }

    /// Whether an environment variable's one-line `value` is or holds a secret: the name names one and the value is a
    /// literal (`…_PASSWORD`, `…_ARGS_AUTH`, `…_PWD_B64`), or the value holds a secret shape (`curl -u user:password`,
    /// URL credentials, `Authorization: …`). What `init` will not copy into a scenario and `generate` will not print.
    static func isSecret(variable name: String, value: String) -> Bool {
        (SecretKeyName.classify(name) == .secret && SecretShapes.isLiteral(value.utf8) && !value.contains("{{"))
            || !SecretShapes.spans(in: value, pairs: true).isEmpty
    }

    /// Whether `value` under `key` is a secret: the key names one and the value is a literal (not a Secret's name
    /// under a `…Secret` key).
    static func isSecretValue(key: String, parent: String?, value: ValuesScalar) -> Bool {
        // The key first: most keys name no secret, and then the value need not be looked at.
        let kind = SecretKeyName.classify(key, parent: parent)
        guard kind != .plain, value.kind != .null, value.kind != .bool, SecretShapes.isLiteral(value.value.utf8) || value.kind == .int,
              !value.value.containsBytes("{{") || !value.value.contains("{{") else { return false }
        return kind == .secret || !SecretKeyName.isObjectName(value.value)
    }

    /// An `existingSecret` of the 12.x chart's `[string,object]` keys written as a string: the secret itself, only
    /// `{name: …}` names a Secret. `global.identity.auth.<component>.existingSecret` is the component's client secret
    /// ("[string,object] A string literal secret can be provided", CHART 12.7.6 `values.yaml`;
    /// `templates/identity/deployment.yaml` tests `typeIs "string"`), `webModeler.restapi.mail.existingSecret` the SMTP
    /// password and `webModeler.restapi.externalDatabase.existingSecret` the database password (same `values.yaml`;
    /// `templates/web-modeler/secret-restapi.yaml` writes the string into the Secret it creates). `path` is dotted.
    static func isLiteralExistingSecret(_ value: ValuesScalar, path: String) -> Bool {
        guard value.kind == .string, !value.value.isEmpty, !value.value.contains("{{") else { return false }
        if path == "webModeler.restapi.mail.existingSecret" || path == "webModeler.restapi.externalDatabase.existingSecret" { return true }
        return path.hasPrefix("global.identity.auth.") && path.split(separator: ".").count == 5
    }

    private struct Walker {
        var displayName: String?

        /// `path` builds the node's path, only when a finding needs it (most nodes have none: an env entry's path
        /// was built for every entry of a long list).
        func walk(_ node: ValuesNode, path: () -> String, parent: String?, into scan: inout Scan) {
            switch node.content {
            case let .scalar(scalar):
                shapes(scalar, path: path(), location: node.location, into: &scan)
            case let .mapping(entries):
                // By index, reading each entry in place: `for entry in entries` copied every entry whole (its key,
                // node, comments, spellings and locations: a retain and a release each), half of the scan's time on
                // a long env list.
                for index in entries.indices {
                    let key = entries[index].key
                    func childPath() -> String {
                        let path = path()
                        return path.isEmpty ? key : "\(path).\(key)"
                    }
                    if let scalar = entries[index].value.scalar {
                        if isSecretValue(key: key, parent: parent, value: scalar)
                            || (key == "existingSecret" && isLiteralExistingSecret(scalar, path: childPath())) {
                            record(scalar, path: childPath(), location: entries[index].value.location ?? entries[index].keyLocation, kind: .key, into: &scan)
                        } else {
                            shapes(scalar, path: childPath(), location: entries[index].value.location, into: &scan)
                        }
                    } else {
                        walk(entries[index].value, path: childPath, parent: key, into: &scan)
                    }
                }
            case let .sequence(items):
                for index in items.indices {  // (by index too, for the same reason)
                    // An argument list: the item after `--password`, `-u` or `-H` (`args: ["--password", "…"]`).
                    if index > 0, let flag = items[index - 1].value.scalar, flag.kind == .string,
                       let kind = SecretShapes.flagValue(flag.value), let scalar = items[index].value.scalar, scalar.kind != .null {
                        let bytes = Array(scalar.value.utf8)
                        if let range = SecretShapes.flagArgumentSpan(kind, bytes[...]) {
                            if range == bytes.indices {
                                record(scalar, path: "\(path())[\(index)]", location: items[index].value.location, kind: .parameter, into: &scan)
                            } else {
                                addFragments(of: String(decoding: bytes[range], as: UTF8.self), label(items[index].value.location), into: &scan.fragments)
                                if let location = items[index].value.location {
                                    scan.findings.append(SecretFinding(path: "\(path())[\(index)]", location: location, kind: .parameter))
                                }
                            }
                            continue
                        }
                    }
                    // A list under a key that names a secret (`password: [...]`, `clientSecret:` with `- ...` items).
                    if let parent, let scalar = items[index].value.scalar, isSecretValue(key: parent, parent: nil, value: scalar) {
                        record(scalar, path: "\(path())[\(index)]", location: items[index].value.location, kind: .key, into: &scan)
                        continue
                    }
                    let envName = items[index].value.envName
                    if let name = envName, let value = items[index].value["value"], let scalar = value.scalar,
                       isSecretValue(key: name, parent: nil, value: scalar) {
                        record(scalar, path: "\(path())[\(name)]", location: value.location ?? items[index].value.location, kind: .key, into: &scan)
                    } else if let name = envName {
                        walk(items[index].value, path: { "\(path())[\(name)]" }, parent: parent, into: &scan)
                    } else {
                        walk(items[index].value, path: { "\(path())[\(index)]" }, parent: parent, into: &scan)
                    }
                }
            }
        }

        /// A whole value is secret.
        func record(_ scalar: ValuesScalar, path: String, location: SourceLocation?, kind: SecretFinding.Kind,
                    into scan: inout Scan) {
            if let location { scan.findings.append(SecretFinding(path: path, location: location, kind: kind)) }
            let label = self.label(location)
            addFragments(of: scalar.value, label, into: &scan.fragments)
            if let spelling = scalar.spelling { addFragments(of: unquoted(spelling), label, into: &scan.fragments) }
            if let block = scalar.block {
                for line in block.lines { addFragments(of: trimmed(line), label, into: &scan.fragments) }
            }
            if scalar.value.contains(where: { $0 == "\n" || $0 == "\r\n" }) {
                // The value's own lines too: they are the source lines of a literal block, whatever its line endings.
                for line in scalar.value.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) { addFragments(of: trimmed(String(line)), label, into: &scan.fragments) }
            }
            if scalar.block == nil, scalar.spelling == nil || scalar.value.contains(where: { $0 == "\n" || $0 == "\r\n" }) {
                // A quoted or plain scalar over several lines: its source lines are folded, so hide each word.
                for word in scalar.value.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r\n" || $0 == "\t" }) {
                    addFragments(of: trimmed(String(word)), label, into: &scan.fragments)
                }
            }
        }

        /// Secrets inside a value that is not secret as a whole.
        func shapes(_ scalar: ValuesScalar, path: @autoclosure () -> String, location: SourceLocation?, into scan: inout Scan) {
            guard scalar.kind == .string, SecretShapes.mayHoldSpans(scalar.value) else { return }
            let bytes = Array(scalar.value.utf8)
            let spans = SecretShapes.spans(in: bytes, pairs: true)
            guard !spans.isEmpty else { return }
            var kinds: [SecretFinding.Kind] = []
            for span in spans {
                addFragments(of: String(decoding: bytes[span.range], as: UTF8.self), label(location), into: &scan.fragments)
                if span.kind.isPlaintextSecret, !kinds.contains(span.kind) { kinds.append(span.kind) }
            }
            if let location {
                let path = path()
                scan.findings += kinds.map { SecretFinding(path: path, location: location, kind: $0) }
            }
        }

        /// `file:line`, as redactions show it.
        func label(_ location: SourceLocation?) -> String {
            location.map { "\(displayName ?? $0.file):\($0.line)" } ?? displayName ?? "values"
        }
    }

    /// A fragment and the spellings it may take in the outputs (YAML single quotes doubled, JSON escapes).
    private static func addFragments(of text: String, _ label: String, into fragments: inout [String: String]) {
        guard !text.isEmpty else { return }
        var spellings = [text]
        if text.contains("'") { spellings.append(escaped(text) { $0 == "'" ? "''" : nil }) }
        if text.contains(where: { $0 == "\"" || $0 == "\\" }) {
            spellings.append(escaped(text) { $0 == "\"" || $0 == "\\" ? "\\" + String($0) : nil })
        }
        for spelling in spellings where fragments[spelling] == nil { fragments[spelling] = label }
    }


    private static func escaped(_ text: String, _ replacement: (Character) -> String?) -> String {
        var result = ""
        for character in text { result += replacement(character) ?? String(character) }
        return result
    }

    private static func unquoted(_ spelling: String) -> String {
        guard spelling.count >= 2, let first = spelling.first, first == "'" || first == "\"", spelling.last == first else { return spelling }
        return String(spelling.dropFirst().dropLast())
    }

    private static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice = slice.dropLast() }
        return String(slice)
    }
}
