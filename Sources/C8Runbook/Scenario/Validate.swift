import Foundation

/// The name rules of the scenario format. Each check throws at the offending node with what to write instead.
///
/// Names are checked byte by byte (they are ASCII), not with Foundation regular expressions: those cost a
/// compilation per check, and ICU's `$` also matched before a final line break, so `namespace: "camunda-paris\n"`
/// used to pass and split every command that named it. Messages show such characters as `\u{…}` (`visible(_:)`).
enum Validate {
    /// Helm 3 release names: lower-case DNS labels joined by dots, at most 53 characters.
    static func releaseName(_ name: String, _ node: ScenarioNode) throws {
        guard name.count <= 53, name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy(isLabel) else {
            throw node.error("release '\(visible(name))' is not a valid Helm release name (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 53 characters)")
        }
    }

    /// Kubernetes namespaces are DNS-1123 labels.
    static func namespace(_ name: String, _ node: ScenarioNode) throws {
        guard name.count <= 63, isLabel(name.utf8) else {
            throw node.error("namespace '\(visible(name))' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)")
        }
    }

    /// Kubernetes object names that end up as DNS labels (Services, StatefulSet pods) stop at 63 characters.
    static let maximumNameLength = 63

    /// Characters a reader cannot see or that reorder the text around them: format characters (zero-width spaces,
    /// joiners, the byte-order mark, the bidirectional embeddings, overrides and isolates U+202A–U+202E,
    /// U+2066–U+2069), control characters, line and paragraph separators, and spaces other than U+0020.
    static func hasInvisible(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .format, .control, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate: true
            case .spaceSeparator: scalar != " "
            default: false
            }
        }
    }

    /// The host's labels, lower-cased (`a.b.svc.cluster.local` → `a`, `b`, `svc`, …).
    static func hostLabels(_ url: String) -> [String] {
        (URLComponents(string: url)?.host ?? "").lowercased().split(separator: ".").map(String.init)
    }

    /// Kube contexts are free-form (EKS ARNs hold ':', '/' and '@'); they are quoted in commands. Control characters
    /// and line breaks are refused: they cannot be typed into a command safely.
    static func kubeContext(_ name: String, _ node: ScenarioNode) throws {
        guard !name.trimmed.isEmpty else {
            throw node.error("kube context is empty: '--context \'\'' means the current context, so one region's commands could reach the other region's cluster; name the context")
        }
        guard !hasInvisible(name), name == name.trimmed else {
            throw node.error("kube context '\(visible(name))' holds invisible or bidirectional characters, or white space around it; type the name again")
        }
        guard name.count <= 253, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw node.error("kube context must be one line without control characters, at most 253 characters")
        }
        guard !name.hasPrefix("-"), !name.contains("`") else {
            throw node.error("kube context '\(name)' must not start with '-' (commands would read it as an option) or hold a backtick")
        }
    }

    static func filePath(_ path: String, _ node: ScenarioNode) throws {
        guard !path.isEmpty, !hasInvisible(path) else {
            throw node.error("path '\(visible(path))' is empty or holds invisible or bidirectional characters; type it again")
        }
        guard !path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }), !path.hasPrefix("-"), !path.contains("`") else {
            throw node.error("values file path '\(path)' must be one line without control characters or backticks and must not start with '-'")
        }
    }

    /// http(s) URLs with a host; nothing a shell or YAML would reinterpret.
    static func url(_ text: String, _ node: ScenarioNode) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty, !hasInvisible(text),
              !hasSpaceOrShellCharacter(text) else {
            throw node.error("storage URL '\(text)' must be an http:// or https:// URL with a host, such as http://camunda-elasticsearch-master-hl.camunda-london.svc.cluster.local:9200")
        }
    }

    /// Whether `text` holds white space or one of ``'"`$\<>{}|`` (as Characters; by byte when `text` is ASCII, where
    /// a Character is a byte or CR LF and the white space is tab, LF, VT, FF, CR and space).
    static func hasSpaceOrShellCharacter(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return text.contains(where: { $0.isWhitespace || "'\"`$\\<>{}|".contains($0) })
        }
        return bytes.contains { byte in
            switch byte {
            case 0x09...0x0D, 0x20, 0x27, 0x22, 0x60, 0x24, 0x5C, 0x3C, 0x3E, 0x7B, 0x7D, 0x7C: true
            default: false
            }
        }
    }

    /// Ports must be 1–65535 (`URLComponents` reads any number; `:0` and `:70000` reach no server).
    static func port(_ text: String, _ node: ScenarioNode) throws {
        guard let port = URLComponents(string: text)?.port else {
            if let authority = text.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).dropFirst(2).first,
               let hostPort = authority.split(separator: "@").last, hostPort.contains(":"), !hostPort.hasSuffix("]") {
                throw node.error("storage URL '\(text)' has a port outside 1-65535")
            }
            return
        }
        guard (1...65535).contains(port) else { throw node.error("storage URL '\(text)' has port \(port), outside 1-65535") }
    }

    /// `text` with invisible characters written as `\u{…}`, for messages.
    static func visible(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            hasInvisible(String(scalar)) ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }

    /// Env segments are upper-case letters and digits (`ELASTICSEARCHREGION0`); the Camunda exporters' names are taken.
    static func exporterSegment(_ segment: String, _ node: ScenarioNode) throws {
        guard let first = segment.utf8.first, first.isUpperCaseLetter, segment.utf8.allSatisfy({ $0.isUpperCaseLetter || $0.isDigit }) else {
            throw node.error("exporter segment '\(visible(segment))' must be upper-case letters and digits, as in ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_CLASSNAME")
        }
        guard !CamundaExporter.reservedSegments.contains(segment) else {
            throw node.error("exporter segment '\(segment)' is the name of a Camunda Exporter this upgrade adds; the legacy exporter keeps its 8.7 name")
        }
    }

    static func gatewayVariable(_ name: String, _ node: ScenarioNode) throws {
        let prefix = "ZEEBE_GATEWAY_".utf8
        let rest = name.utf8.dropFirst(prefix.count)
        guard name.utf8.starts(with: prefix), !rest.isEmpty, rest.allSatisfy({ $0.isUpperCaseLetter || $0.isDigit || $0 == UInt8(ascii: "_") }) else {
            throw node.error("gateway variable '\(visible(name))' must be a ZEEBE_GATEWAY_* name as in the 8.7 zeebeGateway.env")
        }
        guard name != "ZEEBE_GATEWAY_CLUSTER_MESSAGECOMPRESSION" else {
            throw node.error("set message compression with the messageCompression key, not in gatewayEnv")
        }
    }

    /// Repository and user names: letters, digits, '.', '_', '@', '-'.
    static func simpleName(_ name: String, _ node: ScenarioNode, what: String) throws {
        guard name.count <= 128, let first = name.utf8.first, first.isLetterOrDigit, name.utf8.allSatisfy({ $0.isLetterOrDigit || "._@-".utf8.contains($0) }) else {
            throw node.error("'\(visible(name))' is not \(what) (letters, digits, '.', '_', '@' and '-')")
        }
    }

    static func contextPath(_ path: String, _ node: ScenarioNode) throws {
        guard path.utf8.first == UInt8(ascii: "/"),
              path.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
                  .allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetterOrDigit || "._~-".utf8.contains($0) } }) else {
            throw node.error("contextPath '\(visible(path))' must start with '/' and hold only URL path characters, such as /camunda")
        }
    }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`: a DNS-1123 label, without its length limit.
    private static func isLabel(_ bytes: some Collection<UInt8>) -> Bool {
        guard let first = bytes.first, first != UInt8(ascii: "-") else { return false }
        var last = first
        for byte in bytes {
            guard byte.isLowerCaseLetter || byte.isDigit || byte == UInt8(ascii: "-") else { return false }
            last = byte
        }
        return last != UInt8(ascii: "-")
    }
}

/// ASCII classes for the name checks: the names are ASCII, so any other byte (of any UTF-8 sequence) fails them.
private extension UInt8 {
    var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    var isLowerCaseLetter: Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) }
    var isUpperCaseLetter: Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) }
    var isLetterOrDigit: Bool { isDigit || isLowerCaseLetter || isUpperCaseLetter }
}

extension Validate {
    /// A storage URL must not carry credentials (`https://user:password@`, `?password=`): the runbook prints the URL in
    /// many commands. Any userinfo at all is refused (`http://user%3Apassword@`, `http://token@`, `user:password@host`
    /// without a scheme). The message does not quote the URL (rules.md R05; Secrets/SecretShapes).
    static func noCredentials(_ url: String, _ node: ScenarioNode) throws {
        if hasUserinfo(url) {
            throw node.error("storage URL holds credentials (user:password@) or other userinfo before the host, encoded or not; write it without and give the exporters their user and password through a Kubernetes Secret (rules.md R05)")
        }
        guard let span = SecretShapes.spans(in: url, pairs: false).first else { return }
        let what = span.kind == .url ? "credentials (user:password@)" : "a secret (\(span.kind.description))"
        throw node.error("storage URL holds \(what); write it without and give the exporters their user and password through a Kubernetes Secret (rules.md R05)")
    }

    /// Whether the URL's authority (after `scheme://`, or from the start without one, up to `/`, `?` or `#`) holds `@`.
    static func hasUserinfo(_ url: String) -> Bool {
        let bytes = Array(url.utf8)
        var start = 0
        if let separator = url.range(of: "://") { start = url.utf8.distance(from: url.startIndex, to: separator.upperBound) }
        var index = start
        while index < bytes.count, !"/?#".utf8.contains(bytes[index]) {
            if bytes[index] == UInt8(ascii: "@") { return true }
            index += 1
        }
        return false
    }

    /// A `gatewayEnv` value the runbook prints in its snippets must not be a secret: not under a secret-naming variable
    /// (`…_PASSWORD`, `…_ARGS_AUTH`, `…_PWD_B64`) and holding no secret shape (`curl -u user:password`, URL credentials).
    /// The message names the variable, never the value (rules.md R05; Secrets/).
    static func noSecret(gatewayVariable name: String, value: String, _ node: ScenarioNode) throws {
        guard SecretScanner.isSecret(variable: name, value: value) else { return }
        throw node.error("gateway variable '\(name)' holds a secret (value not shown); the runbook prints gatewayEnv values, so leave it out here and keep it in a Kubernetes Secret referenced with valueFrom.secretKeyRef (rules.md R05)")
    }
}
