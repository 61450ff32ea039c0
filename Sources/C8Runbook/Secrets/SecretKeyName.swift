/// What a key name says about its value: a secret (`DB_PASSWORD`, `clientSecret`, `CAMUNDA_LICENSE_KEY`), possibly
/// the name of a Kubernetes Secret (`passwordsSecret`, `…-ca-certificate-secret`: a secret only when the value cannot
/// be an object name), or neither (`existingSecret`, `secretKeyRef`, `topologyKey`, `PASSWORD_FILE`).
///
/// Names are split into lower-case ASCII words at `_`, `-`, `.`, `/`, spaces and camelCase humps
/// (`keyStorePassword` → key, store, password; `JDBCUrl` → jdbc, url), reading UTF-8 bytes only. The last word
/// decides: PASSWORD, PASSWD, PWD, PASS, PASSPHRASE, SECRET, TOKEN, CREDENTIALS, AUTH, AUTHORIZATION, BASICAUTH
/// (`ES_AUTH: elastic:…`, an `Authorization` header's value), and KEY after a word naming key material (license, api,
/// access, private, …; any word but a few structural ones for `ALL_CAPS_ENV` names). A secret word followed only by
/// words that say how the secret is written (`TRUSTSTORE_PWD_B64`, `PASSWORD_BASE64`, `TOKEN_VALUE`) names one too;
/// followed by anything else (`PASSWORD_FILE`, `TOKEN_URL`, `SECRET_NAME`) it does not. A word glued from a compound
/// (`dbpassword`, `SASTOKEN`, and `SECRETKEY` or `ACCESSKEY` alone, as the 8.7 broker's S3 backup names them) counts as
/// that compound.
/// Any word `existing` makes the name a reference (Helm's `existingSecret`, `existingSecretKey`,
/// `existingSecretPasswordKey`).
enum SecretKeyName: Equatable {
    case secret
    /// A secret unless the value is a Kubernetes object name (DNS-1123 subdomain).
    case secretOrSecretName
    case plain

    /// Classifies `name`; `parent` is the key of the enclosing mapping (`global.license` for `key`).
    static func classify(_ name: some StringProtocol, parent: (some StringProtocol)? = String?.none) -> SecretKeyName {
        if isOTLPHeaders(name) { return .secret }
        guard mayName(name) else { return .plain }
        let words = Self.words(name).map(singular)
        guard let last = words.last else { return .plain }
        if words.contains(where: { $0 == "existing" || $0.hasPrefix("existing") }) { return .plain }
        if exactSecretWords.contains(last) { return last == "secret" && !isEnvStyle(name) ? secretWord(words) : .secret }
        if authWords.contains(last) { return .secret }
        // A secret word in the middle, followed only by how it is encoded (`TRUSTSTORE_PWD_B64`, `…_SASTOKEN_VALUE`).
        if let index = words.lastIndex(where: { exactSecretWords.contains($0) || authWords.contains($0) || isGluedSecret($0) }),
           index < words.count - 1,
           words[(index + 1)...].allSatisfy({ encodingWords.contains($0) || $0.allSatisfy(\.isNumber) }) {
            return .secret
        }
        if last == "key" {
            let previous = words.count > 1 ? words[words.count - 2] : nil
            if let previous {
                if keyMaterial.contains(previous) { return .secret }
                if isEnvStyle(name) && !structuralKeys.contains(previous) && !referenceWords.contains(previous) { return .secret }
                return .plain
            }
            if let parent, Self.words(parent).last.map({ $0 == "license" || $0 == "licence" }) == true { return .secret }
            return .plain
        }
        // One lower-case word glued together (`dbpassword`, `apitoken`, `clientsecret`, `licensekey`), or a compound
        // written as one word: the 8.7 broker's `ZEEBE_BROKER_DATA_BACKUP_S3_SECRETKEY` and `…_ACCESSKEY` (Camunda's
        // docs write both in zeebe.env: docs.camunda.io self-managed/deployment/helm/configure/application-configs) name the same
        // credentials as `S3_SECRET_KEY` and `S3_ACCESS_KEY`.
        for suffix in compoundSuffixes where last.count >= suffix.count && last.hasSuffix(suffix) {
            return suffix == "secret" && !explicitSecretKinds.contains(where: { last == $0 + "secret" }) ? .secretOrSecretName : .secret
        }
        return .plain
    }

    /// A glued word ending in a compound other than `secret` (`sastoken`, `rootpassword`, `accesskey`): it holds a
    /// secret wherever it stands (a glued `…secret` may name a Secret, so it is left to the last-word rules).
    private static func isGluedSecret(_ word: String) -> Bool {
        compoundSuffixes.contains { $0 != "secret" && word.count >= $0.count && word.hasSuffix($0) }
    }

    static func isSecret(_ name: some StringProtocol) -> Bool { classify(name) == .secret }

    /// `OTEL_EXPORTER_OTLP_HEADERS` and its per-signal forms (`…_TRACES_HEADERS`, `…_METRICS_HEADERS`,
    /// `…_LOGS_HEADERS`): the OpenTelemetry exporter's request headers, `key=value,…`, which is where its credentials go
    /// (OpenTelemetry specification, "OTLP Exporter Configuration": `api-key=…`, a vendor's `x-…-team=…`). No secret
    /// word names them, so a Java agent's API key in zeebe.env was printed in the diffs.
    private static func isOTLPHeaders(_ name: some StringProtocol) -> Bool {
        guard name.utf8.count >= 26, name.hasSuffix("_HEADERS"), name.hasPrefix("OTEL_EXPORTER_OTLP_") else { return false }
        let middle = name.dropFirst("OTEL_EXPORTER_OTLP_".count).dropLast("_HEADERS".count)
        return middle.isEmpty || middle == "TRACES" || middle == "METRICS" || middle == "LOGS"
    }

    /// A plural secret word read as its singular (`passwords`, `API_TOKENS`, `dbpasswords`; `apiKeys` as `apiKey`, where
    /// KEY still needs a word naming key material before it): a list of passwords holds passwords. `secrets` stays
    /// plural: it usually lists Secrets by name (`imagePullSecrets`).
    private static func singular(_ word: String) -> String {
        guard word.utf8.last == UInt8(ascii: "s"), word.utf8.count > 3 else { return word }
        let stem = String(word.dropLast())
        if pluralSecretWords.contains(stem) { return stem }
        for suffix in compoundSuffixes where suffix != "secret" && stem.count > suffix.count && stem.hasSuffix(suffix) { return stem }
        return word
    }

    /// Secret words whose plural names secrets too.
    static let pluralSecretWords: Set<String> = ["password", "passwd", "pwd", "passphrase", "passcode", "token", "credential", "apikey",
                                                   "key"]

    /// `secret` alone or after a word naming a kind of secret (`clientSecret`, `inlineSecret`) holds one;
    /// after anything else (`passwordsSecret`, `tlsSecret`, an annotation's `certificate-secret`) it usually
    /// names a Kubernetes Secret. An `ALL_CAPS` variable ending in `_SECRET` always holds one: a container's
    /// environment is configuration, not a chart key naming a Secret.
    private static func secretWord(_ words: [String]) -> SecretKeyName {
        guard words.count > 1 else { return .secret }
        return explicitSecretKinds.contains(words[words.count - 2]) ? .secret : .secretOrSecretName
    }

    static let exactSecretWords: Set<String> = ["password", "passwd", "pwd", "pass", "passphrase", "passcode", "secret", "token",
                                                "credential", "credentials", "apikey"]
    /// Names of an authorization value (`ES_AUTH`, `Authorization`, `basicAuth`): `user:password` or a header's credential.
    static let authWords: Set<String> = ["auth", "authorization", "basicauth", "httpauth", "proxyauth"]
    /// Words after a secret word that say how the secret is written, not what else the key holds.
    static let encodingWords: Set<String> = ["b64", "base64", "hex", "encoded", "enc", "encrypted", "value", "val", "plain",
                                             "plaintext", "raw", "str", "string", "text", "txt", "literal", "data", "bytes"]
    static let compoundSuffixes = ["password", "passwd", "passphrase", "token", "apikey", "accesskey", "secretkey",
                                   "privatekey", "licensekey", "secret", "pwd"]
    /// Words before KEY that name key material.
    static let keyMaterial: Set<String> = ["license", "licence", "api", "access", "secret", "private", "client", "encryption",
                                           "decryption", "signing", "master", "auth", "account", "shared", "hmac", "ssh", "sas",
                                           "subscription", "storage", "app", "webhook", "jwt", "session", "cookie", "admin",
                                           "root", "crypto", "aes", "rsa", "gpg", "pgp", "service", "consumer", "instrumentation"]
    /// Words before SECRET that name a kind of secret rather than what a Secret holds.
    static let explicitSecretKinds: Set<String> = ["client", "inline", "shared", "app", "api", "jwt", "signing", "webhook",
                                                   "hmac", "cookie", "session", "encryption", "consumer", "oauth", "oidc",
                                                   "private", "access", "master", "application"]
    /// Words before KEY in `ALL_CAPS` names that are structure, not key material.
    static let structuralKeys: Set<String> = ["partition", "routing", "sort", "topology", "cache", "primary", "foreign", "group",
                                              "index", "hash", "lookup", "map", "idempotency", "public", "message", "correlation",
                                              "business", "process", "tenant", "variable", "label", "tag", "node", "object", "field"]
    static let referenceWords: Set<String> = ["ref", "name", "path", "file"]

    /// Every secret word holds one of these; most names hold none, and are answered without splitting them.
    private static let needles: [[UInt8]] = ["pass", "pwd", "secret", "token", "key", "credential", "auth"].map { Array($0.utf8) }
    /// By byte: whether a needle starts with it (any other letter starts none).
    private static let startsNeedle: [Bool] = (0..<256).map { byte in needles.contains { $0[0] == UInt8(byte) } }

    /// Whether `name` holds a needle, ASCII case-insensitively.
    private static func mayName(_ name: some StringProtocol) -> Bool {
        // In place where the text is contiguous (a copy only otherwise): it runs for every key and env name.
        name.utf8.withContiguousStorageIfAvailable(mayName) ?? Array(name.utf8).withUnsafeBufferPointer(mayName)
    }

    private static func mayName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
        guard bytes.count >= 3 else { return false }
        for start in 0...(bytes.count - 3) {
            let first = lower(bytes[start])
            guard startsNeedle[Int(first)] else { continue }
            for needle in needles where start + needle.count <= bytes.count && first == needle[0] {
                if (0..<needle.count).allSatisfy({ lower(bytes[start + $0]) == needle[$0] }) { return true }
            }
        }
        return false
    }

    /// `ZEEBE_BROKER_FOO`: upper-case letters, digits and `_` only.
    private static func isEnvStyle(_ name: some StringProtocol) -> Bool {
        name.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// Lower-case ASCII words of a key name; see the type's documentation.
    static func words(_ name: some StringProtocol) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        let bytes = Array(name.utf8)
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for index in bytes.indices {
            let byte = bytes[index]
            let upper = byte >= 0x41 && byte <= 0x5A
            let lower = byte >= 0x61 && byte <= 0x7A
            let digit = byte >= 0x30 && byte <= 0x39
            guard upper || lower || digit || byte >= 0x80 else { flush(); continue }
            if upper, let previous = index > 0 ? bytes[index - 1] : nil {
                let previousLower = (previous >= 0x61 && previous <= 0x7A) || (previous >= 0x30 && previous <= 0x39)
                let previousUpper = previous >= 0x41 && previous <= 0x5A
                let nextLower = index + 1 < bytes.count && bytes[index + 1] >= 0x61 && bytes[index + 1] <= 0x7A
                if previousLower || (previousUpper && nextLower) { flush() }
            }
            current.append(upper ? byte + 0x20 : byte)
        }
        flush()
        return words
    }

    /// A Kubernetes object name (DNS-1123 subdomain): lower-case letters, digits, `-` and `.`, starting and ending
    /// with a letter or digit, at most 253 bytes.
    static func isObjectName(_ value: some StringProtocol) -> Bool {
        let bytes = Array(value.utf8)
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 253 else { return false }
        func alnum(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
        return alnum(first) && alnum(last) && bytes.allSatisfy { alnum($0) || $0 == 0x2D || $0 == 0x2E }
    }
}
