@testable import C8Runbook
import Foundation
import Testing

/// The one secret detector (Sources/C8Runbook/Secrets): which key names hold secrets, which shapes are secrets in any
/// text, and how the redactor hides them without hiding what is not a secret.
@Suite("Secret detector")
struct SecretDetectorTests {
    @Test("key names that hold a secret", arguments: [
        "password", "DB_PASSWORD", "adminPassword", "SMTP_PWD", "LDAP_PASS", "KEYSTORE_PASSPHRASE", "sslPassphrase",
        "OAUTH_CLIENT_SECRET", "clientSecret", "inlineSecret", "secret", "GITHUB_TOKEN", "apiToken", "refresh-token",
        "CAMUNDA_LICENSE_KEY", "licenseKey", "apiKey", "S3_ACCESS_KEY", "aws_secret_access_key", "secretKey",
        "privateKey", "OPENAI_KEY", "vault.example/api-key", "ZEEBE_BROKER_EXPORTERS_ES_ARGS_AUTHENTICATION_PASSWORD",
        "dbpassword", "javax.net.ssl.keyStorePassword", "credentials", "ZEEBE_GATEWAY_TLS_SECRET",
        "ES_AUTH", "ZEEBE_GATEWAY_INTERCEPTORS_0_ARGS_AUTH", "Authorization", "basicAuth", "BASICAUTH", "ES_CREDENTIAL",
        "JAVA_TRUSTSTORE_PWD_B64", "ZEEBE_GATEWAY_INTERCEPTORS_0_ARGS_PWD_B64", "DB_PASSWORD_BASE64", "API_TOKEN_VALUE",
        // Plurals: a list or map of passwords holds passwords.
        "passwords", "tokens", "adminPasswords", "API_TOKENS", "dbpasswords", "apiKeys", "passphrases", "PASSWORDS_B64",
        // One glued word that is a whole compound (the 8.7 broker's S3 and Azure backup credentials, as Camunda's docs
        // write them in zeebe.env), and one followed by how it is written.
        "ZEEBE_BROKER_DATA_BACKUP_S3_SECRETKEY", "ZEEBE_BROKER_DATA_BACKUP_S3_ACCESSKEY", "PRIVATEKEY", "licensekey",
        "ZEEBE_BROKER_DATA_BACKUP_AZURE_SASTOKEN_VALUE", "DB_ROOTPASSWORD_B64",
        // The OpenTelemetry exporter's request headers, where its API key goes.
        "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_EXPORTER_OTLP_LOGS_HEADERS",
    ])
    func secretNames(name: String) {
        #expect(SecretKeyName.classify(name) == .secret)
    }

    @Test("key names that do not hold a secret", arguments: [
        "existingSecret", "existingSecretKey", "existingSecretPasswordKey", "secretName", "SECRET_NAME", "secretKeyRef",
        "passwordSecretKeyRef", "PASSWORD_FILE", "tokenPath", "TOKEN_URL", "KEYCLOAK_URL", "topologyKey", "key",
        "ROUTING_KEY", "PARTITION_KEY", "passwordKey", "adminPasswordKey", "publicKey", "tokenEnabled", "bypass",
        "compass", "secrets", "imagePullSecrets", "username", "enabled",
        "ZEEBE_BROKER_EXPORTERS_X_ARGS_AUTHENTICATION_USERNAME", "TRUSTSTORE_PASSWORD_FILE", "KEYSTORE_PWD_PATH",
        "AUTH_URL", "authorizationEnabled", "AUTH_TYPE", "TOKEN_AUDIENCE", "PASSWORD_MIN_LENGTH",
        "PASSWORDS_FILE", "tokensPath", "compass", "bypass", "passes", "tokenss", "keys", "PARTITION_KEYS", "publicKeys",
        "ZEEBE_BROKER_DATA_BACKUP_AZURE_SASTOKEN_TYPE", "ZEEBE_BROKER_NETWORK_SECURITY_PRIVATEKEYPATH", "ACCESSKEY_ID_FILE",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_HEADERS_FILE", "OTEL_EXPORTER_OTLP_PROTOCOL", "HEADERS",
    ])
    func plainNames(name: String) {
        #expect(SecretKeyName.classify(name) == .plain)
    }

    @Test("…Secret keys hold a secret unless their value is a Secret's name (field case 11)")
    func secretNameKeys() throws {
        for name in ["passwordsSecret", "route.openshift.io/destination-ca-certificate-secret", "extraEnvVarsSecret", "tlsSecret"] {
            #expect(SecretKeyName.classify(name) == .secretOrSecretName, "\(name)")
        }
        let scalar = { (value: String) in ValuesScalar(value: value, kind: .string) }
        #expect(!SecretScanner.isSecretValue(key: "passwordsSecret", parent: nil, value: scalar("elasticsearch-tls-passwords")))
        #expect(SecretScanner.isSecretValue(key: "passwordsSecret", parent: nil, value: scalar("Xk9#Not-A-Name")))
        #expect(SecretScanner.isSecretValue(key: "key", parent: "license", value: scalar("abc-123")))
        #expect(!SecretScanner.isSecretValue(key: "key", parent: "tolerations", value: scalar("dedicated")))
        #expect(!SecretScanner.isSecretValue(key: "password", parent: nil, value: scalar("${DB_PASSWORD}")))
        #expect(!SecretScanner.isSecretValue(key: "password", parent: nil, value: ValuesScalar(value: "true", kind: .bool)))
        #expect(SecretScanner.isSecretValue(key: "password", parent: nil, value: ValuesScalar(value: "1234", kind: .int)))
    }

    @Test("shapes redacted in any text", arguments: [
        ("https://user:pw-1@host.example/x", "https://<redacted>@host.example/x"),
        ("redis://:pw-2@redis:6379/0", "redis://<redacted>@redis:6379/0"),
        ("mongodb+srv://app:pw-3@cluster0.example.net/db", "mongodb+srv://<redacted>@cluster0.example.net/db"),
        ("jdbc:postgresql://db:5432/c?user=c&password=pw-4&ssl=true", "jdbc:postgresql://db:5432/c?user=c&password=<redacted>&ssl=true"),
        ("jdbc:sqlserver://sql:1433;user=sa;password=pw-5", "jdbc:sqlserver://sql:1433;user=sa;password=<redacted>"),
        ("jdbc:oracle:thin:scott/pw-6@db:1521/ORCL", "jdbc:oracle:thin:<redacted>@db:1521/ORCL"),
        ("https://hooks.example/n?access_token=pw-7&channel=ops", "https://hooks.example/n?access_token=<redacted>&channel=ops"),
        ("-Xmx1g -Djavax.net.ssl.trustStorePassword=pw-8 -Dx=y", "-Xmx1g -Djavax.net.ssl.trustStorePassword=<redacted> -Dx=y"),
        ("Authorization: Bearer eyJhbGc.pw-9.sig", "Authorization: Bearer <redacted>"),
        ("Basic dXNlcjpwYXNz", "Basic <redacted>"),
        ("https://ghp_0123456789abcdefXYZ@github.com/o/r.git", "https://<redacted>@github.com/o/r.git"),
        ("-----BEGIN PRIVATE KEY-----\nMIIEvAAA\nBBBB\n-----END PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----\n<redacted>\n<redacted>\n-----END PRIVATE KEY-----"),
        ("curl -u elastic:pw-13 http://es:9200/", "curl -u <redacted> http://es:9200/"),
        ("curl --user=ops:pw-14 -H 'Authorization: ApiKey pw-15' http://es", "curl --user=<redacted> -H 'Authorization: ApiKey <redacted>' http://es"),
        ("tool --password pw-16 --client-secret=pw-17 -v", "tool --password <redacted> --client-secret=<redacted> -v"),
        (#"curl -H "X-Api-Key: pw-18" http://x"#, #"curl -H "X-Api-Key: <redacted>" http://x"#),
        ("admin:pw-19@es.example:9200", "<redacted>@es.example:9200"),
        ("http://u%3Apw-20@es.example:9200", "http://<redacted>@es.example:9200"),
        ("  basicAuth: elastic:pw-26\n  Authorization: Basic pw-27", "  basicAuth: <redacted>\n  Authorization: Basic <redacted>"),
    ])
    func shapes(text: String, redacted: String) {
        #expect(SecretRedactor.shapesOnly.redact(text) == redacted)
    }

    @Test("not shapes: left as written", arguments: [
        "https://search.example.internal:443", "http://elastic@es:9200", "basic authentication is required",
        "the token is required", "Basic Authentication", "see https://docs.camunda.io/docs/self-managed/?tab=helm", "a=b c==d", "12:30: error",
        "ssh://git@github.com/o/r.git", "password=${DB_PASSWORD}", "password=true",
        "repo/image:1.2.3@sha256:0123456789abcdef", "es.example:9200", "a-0.b:26502,a-1.b:26502", "ops@example.com",
        "curl -u user-only -H 'Accept: application/json' -p 9200 http://es:9200/", "tool --password-file /run/pw --password-stdin",
        "git@github.com:o/r.git", "auth: {enabled: false}", "contact: mailto:ops@example.com",
        "# it will fall back to basic-auth: demo/demo (user/password)",
    ])
    func notShapes(text: String) {
        #expect(SecretRedactor.shapesOnly.redact(text) == text)
    }

    @Test("the scanner's quick look (mayHoldSpans) passes every text with a shape, and only texts with a start byte")
    func quickLookPassesEveryShape() {
        let shapes = ["https://user:pw-1@host.example/x", "jdbc:oracle:thin:scott/pw-6@db:1521/ORCL", "Authorization: Bearer x.y.z",
                      "Basic dXNlcjpwYXNz", "Token abcd1234efgh5678", "bearer abcdEFGH1234", "x TOKEN abc123def456",
                      "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----", "tool --password pw-16", "a?password=pw-4",
                      "admin:pw-19@es.example:9200", "  basicAuth: elastic:pw-26", #"{"token": "pw-30"}"#, "password: pw-31"]
        for text in shapes {
            #expect(!SecretShapes.spans(in: text, pairs: true).isEmpty, "\(text) is a shape")
            #expect(SecretShapes.mayHoldSpans(text), "\(text)")
        }
        // Names, numbers and words with no start byte: nothing to scan. A b or t inside a word starts nothing.
        for text in ["EXTRA_SETTING_0", "8", "0.85", "value", "camunda", "ABtoken", "x_bearer", "", "é"] {
            #expect(!SecretShapes.mayHoldSpans(text), "\(text)")
            #expect(SecretShapes.spans(in: text, pairs: true).isEmpty, "\(text)")
        }
        // A word that may start a credential is looked at further.
        #expect(SecretShapes.mayHoldSpans("Bearer"))
    }

    @Test("pairs in embedded configuration are redacted; prose keeps its colons")
    func pairs() {
        let config = #"{"url": "https://x", "apiToken": "pw-10", "clientSecret":"pw-11"}"#
        #expect(SecretRedactor.shapesOnly.redact(config) == #"{"url": "https://x", "apiToken": "<redacted>", "clientSecret":"<redacted>"}"#)
        #expect(SecretRedactor.shapesOnly.redact("  password: pw-12 # note\n  user: me") == "  password: <redacted> # note\n  user: me")
        #expect(SecretRedactor.shapesOnly.redact("passwordsSecret: elasticsearch-tls-passwords") == "passwordsSecret: elasticsearch-tls-passwords")
        let message = "plaintext secret in 'x.password': move it into a Kubernetes Secret"
        #expect(SecretRedactor.shapesOnly.redactMessage(message) == message)
    }

    @Test("argument lists: the item after --password, --token, -u user:password or -H with a secret header is a secret")
    func argumentLists() throws {
        let text = """
            c:
              - command: ["sh", "-c", "curl -u elastic:pw-21 http://es:9200/"]
                args: ["--password", "pw-22", "--user", "plain-user", "-u", "ops:pw-23", "-H", "Accept: text/plain", "--header", "Authorization: Basic pw-24"]
              - args:
                  - --token
                  - pw-25
                  - --password-file
                  - /run/pw-file
            """
        let document = try ValuesReader.read(text, file: "v.yml")
        let scan = SecretScanner.scanning(document)
        #expect(scan.findings.map(\.location.line) == [2, 3, 3, 3, 6])
        let redacted = SecretRedactor(labelled: scan.fragments).redact(text)
        for secret in ["pw-21", "pw-22", "pw-23", "pw-24", "pw-25"] { #expect(!redacted.contains(secret), "\(secret)") }
        for kept in ["plain-user", "Accept: text/plain", "/run/pw-file", "--password-file"] { #expect(redacted.contains(kept), "\(kept)") }
    }

    /// In the 12.x chart `global.identity.auth.<component>.existingSecret` is "[string,object]: a string literal
    /// secret can be provided" (CHART 12.7.6 `values.yaml`; `templates/identity/deployment.yaml` reads a string as the
    /// client secret itself, `typeIs "string"`), `{name: …}` names a Secret. The string was taken for a Secret's name:
    /// init set plaintextSecrets false and values --diff and the runbook printed the client secret. Field-case kind 8.
    @Test("a string under global.identity.auth.<component>.existingSecret is the client secret itself; elsewhere, or as {name: …}, a Secret's name")
    func identityExistingSecretLiteral() throws {
        let text = """
            global:
              identity:
                auth:
                  operate:
                    existingSecret: "pw-41-client"
                  zeebe:
                    existingSecret:
                      name: zeebe-identity-secret
                  tasklist: {existingSecret: pw-42}
              elasticsearch:
                auth:
                  existingSecret: es-auth-secret
            identityKeycloak:
              auth:
                existingSecret: keycloak-admin
            """
        let document = try ValuesReader.read(text, file: "v.yml")
        let scan = SecretScanner.scanning(document)
        #expect(scan.findings.map(\.location.line) == [5, 9], "\(scan.findings)")
        let redacted = SecretRedactor(labelled: scan.fragments).redact(text)
        for secret in ["pw-41-client", "pw-42"] { #expect(!redacted.contains(secret), "\(secret)") }
        for kept in ["zeebe-identity-secret", "es-auth-secret", "keycloak-admin"] { #expect(redacted.contains(kept), "\(kept)") }
    }

    /// The other `[string,object]` keys of the 12.x values: a string under `webModeler.restapi.mail.existingSecret` is
    /// the SMTP password and one under `webModeler.restapi.externalDatabase.existingSecret` the database password
    /// (CHART 12.7.6 `values.yaml`; `templates/web-modeler/secret-restapi.yaml` writes the string into the Secret it
    /// creates, `_helpers.tpl` tests `typeIs "string"`); `{name: …}` names a Secret, as do `postgresql.auth.existingSecret`
    /// and `identity.externalDatabase.existingSecret` ("Name of an existing Kubernetes Secret").
    @Test("a string under webModeler.restapi.mail/externalDatabase.existingSecret is the password itself; {name: …} and other blocks' are names")
    func webModelerExistingSecretLiteral() throws {
        let text = """
            webModeler:
              restapi:
                mail:
                  existingSecret: "smtp-pw-17"
                externalDatabase:
                  existingSecret: db-pw-18
            postgresql:
              auth:
                existingSecret: wm-postgres-secret
            identity:
              externalDatabase:
                existingSecret: identity-db-secret
            """
        let document = try ValuesReader.read(text, file: "v.yml")
        let scan = SecretScanner.scanning(document)
        #expect(scan.findings.map(\.location.line) == [4, 6], "\(scan.findings)")
        let redacted = SecretRedactor(labelled: scan.fragments).redact(text)
        for secret in ["smtp-pw-17", "db-pw-18"] { #expect(!redacted.contains(secret), "\(secret)") }
        for kept in ["wm-postgres-secret", "identity-db-secret"] { #expect(redacted.contains(kept), "\(kept)") }
        let named = try ValuesReader.read("webModeler:\n  restapi:\n    mail:\n      existingSecret:\n        name: smtp-secret\n", file: "n.yml")
        #expect(SecretScanner.scan(named).isEmpty)
    }

    /// A list under a key that names a secret holds secrets: they were neither found nor redacted, and `values --diff`
    /// printed them (the list is re-indented, so its lines are in the diff).
    @Test("the items of a list under a secret's key are secrets; a list of Secret names is not")
    func listUnderSecretKey() throws {
        let text = """
            password:
              - pw-31
            auth: {clientSecret: [pw-32, 'pw-33'], tokens: [pw-34], hosts: [plain-34]}
            imagePullSecrets:
              - regcred
            passwordsSecret: [elasticsearch-tls-passwords]
            sso:
              apiKey:
                - |
                  pw-35
            """
        let document = try ValuesReader.read(text, file: "v.yml")
        let scan = SecretScanner.scanning(document)
        #expect(scan.findings.map(\.location.line) == [2, 3, 3, 3, 9], "\(scan.findings)")
        let redacted = SecretRedactor(labelled: scan.fragments).redact(text)
        for secret in ["pw-31", "pw-32", "pw-33", "pw-34", "pw-35"] { #expect(!redacted.contains(secret), "\(secret)") }
        for kept in ["plain-34", "regcred", "elasticsearch-tls-passwords"] { #expect(redacted.contains(kept), "\(kept)") }
    }

    @Test("a redacted block scalar keeps every line; the next key is not swallowed")
    func blockScalar() throws {
        let text = """
            zeebe:
              env:
                - name: CAMUNDA_LICENSE_KEY
                  value: |
                    line-one-of-the-license
                    line-two-of-the-license
                - name: NEXT
                  value: visible
            """
        let document = try ValuesReader.read(text, file: "v.yml")
        let scan = SecretScanner.scanning(document)
        #expect(scan.findings.map(\.location.line) == [4])
        let redacted = SecretRedactor(labelled: scan.fragments).redact(text)
        #expect(redacted.split(separator: "\n", omittingEmptySubsequences: false).count == text.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(redacted.hasSuffix("        <redacted: v.yml:4>\n        <redacted: v.yml:4>\n    - name: NEXT\n      value: visible"))
    }

    @Test("short fragments match whole tokens only; long ones anywhere")
    func fragments() {
        let redactor = SecretRedactor(fragments: ["abc1", "a-long-secret-value", "xy"])
        #expect(redactor.redact("k: abc1\nk2: xabc1y") == "k: <redacted>\nk2: xabc1y")
        #expect(redactor.redact("prefix-a-long-secret-value-suffix") == "prefix-<redacted>-suffix")
        #expect(redactor.redact("xy xy") == "xy xy")
        #expect(SecretRedactor(fragments: ["ab", "abcdefgh", "bcd"]).redact("zabcdefghz bcd") == "z<redacted>z <redacted>")
    }

    @Test("a short secret is not hidden inside names and keys it is part of: the diffs stay readable, the secret stays hidden")
    func shortSecretsInNames() {
        // A password 'camunda' (the release name) or 'zeebe' (a key): hiding it in every name garbled the diffs of
        // values --diff and generate --values-dir ('io.<redacted>.zeebe', 'http://<redacted>-elasticsearch…').
        let redactor = SecretRedactor(fragments: ["camunda", "zeebe"])
        let text = "zeebe:\n  value: io.camunda.zeebe.exporter.CamundaExporter\n  url: http://camunda-elasticsearch.camunda-primary:9200\n"
            + "  file: camunda-values.yml\n  chart: camunda/camunda-platform\n"
        #expect(redactor.redact(text) == text)
        #expect(redactor.redact("  value: camunda\n") == "  value: <redacted>\n")
        #expect(redactor.redact("  value: 'zeebe'") == "  value: '<redacted>'")
        let commands = redactor.redact("http://elastic:camunda@es:9200 --password=zeebe -u elastic:camunda")
        #expect(!commands.contains("camunda") && !commands.contains("zeebe") && commands.contains("@es:9200 --password=<redacted>"), "\(commands)")
        #expect(redactor.redact("{\"password\":\"camunda\"}") == "{\"password\":\"<redacted>\"}")
    }

    @Test("the automaton hides exactly what a naive search finds (overlaps, shared prefixes and suffixes)")
    func automatonAgreesWithNaiveSearch() {
        var seed: UInt64 = 0x5EC12E7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        // A fragment that ends inside a longer one's prefix is found through the output links.
        #expect(SecretRedactor(fragments: ["0123456789XYZ", "3456789X"]).redact("0123456789XQ") == "012<redacted>Q")
        let alphabet: [Character] = ["a", "b", "-"]
        for _ in 0..<200 {
            let fragments = (0..<(1 + next(4))).map { _ in String((0..<(8 + next(4))).map { _ in alphabet[next(3)] }) }
            let text = String((0..<(40 + next(80))).map { _ in alphabet[next(3)] })
            var hidden = [Bool](repeating: false, count: text.utf8.count)
            let bytes = Array(text.utf8)
            for fragment in fragments {
                let pattern = Array(fragment.utf8)
                for start in 0...(bytes.count - pattern.count) where Array(bytes[start..<(start + pattern.count)]) == pattern {
                    for index in start..<(start + pattern.count) { hidden[index] = true }
                }
            }
            var expected = ""
            var index = 0
            while index < bytes.count {
                if hidden[index] {
                    while index < bytes.count, hidden[index] { index += 1 }
                    expected += "<redacted>"
                } else {
                    expected += String(UnicodeScalar(bytes[index]))
                    index += 1
                }
            }
            #expect(SecretRedactor(fragments: fragments).redact(text, pairs: false) == expected, "\(fragments) in \(text)")
        }
    }

    /// Linearity is measured on 50,000 entries by hand (BENCHMARKS.md); the test keeps the debug build quick.
    @Test("5,000 env entries with a secret each are found and redacted, and nothing else is")
    func large() throws {
        var text = "zeebe:\n  env:\n"
        for index in 0..<5_000 {
            text += "    - name: SERVICE_\(index)_PASSWORD\n      value: pw-\(index)-value\n    - name: SERVICE_\(index)_HOST\n      value: host-\(index)\n"
        }
        let document = try ValuesReader.read(text, file: "big.yml")
        let scan = SecretScanner.scanning(document)
        #expect(scan.findings.count == 5_000)
        let redacted = SecretRedactor(labelled: scan.fragments).redact(text)
        #expect(!redacted.contains("-value"))
        #expect(redacted.contains("value: host-4999\n"))
    }

    /// Field case 11: Secret names under `…Secret` keys and `…-secret` annotations are not plaintext secrets.
    @Test("field case 11: Secret names do not set plaintextSecrets")
    func case11() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../shared/cases/values/11-secret-name-flagged-as-plaintext-secret").standardized
        guard FileManager.default.fileExists(atPath: folder.path) else {
            print("skipped: ../shared is absent (field case 11)")
            return
        }
        let input = try ValuesInput.load(base: folder.appendingPathComponent("camunda-values.yml").path,
                                         region0: folder.appendingPathComponent("region0/camunda-values.yml").path,
                                         region1: folder.appendingPathComponent("region1/camunda-values.yml").path)
        let inferred = try ScenarioInference(input: input, options: .init()).infer()
        #expect(inferred.secrets.isEmpty)
        #expect(inferred.plaintextSecrets.value == false)
    }

    /// The negative corpus shared with the CLI tests: nothing found, nothing redacted, every listed value kept.
    @Test("negative corpus: no finding, no redaction")
    func negativeCorpus() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../C8RunbookCLITests/Secrets/Fixtures/negative").standardized
        let visible = try String(contentsOf: folder.appendingPathComponent("visible.txt"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(visible.count >= 15)
        var all = ""
        for path in ["camunda-values.yml", "region0/camunda-values.yml", "region1/camunda-values.yml"] {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            let document = try ValuesReader.read(text, file: path)
            let scan = SecretScanner.scanning(document)
            #expect(scan.findings.isEmpty, "\(scan.findings)")
            #expect(SecretRedactor(labelled: scan.fragments).redact(text) == text)
            all += text
        }
        for value in visible { #expect(all.contains(value), "\(value)") }
    }
}

extension SecretDetectorTests {
    /// A flag's double-quoted value is read as the shell reads it: an escaped quote does not end it, so no tail of the
    /// password stays visible (the flag reader once stopped at the first `"`, escaped or not).
    @Test func escapedQuoteInAFlagValueDoesNotEndTheRedaction() {
        let redacted = SecretRedactor.shapesOnly.redact(#"curl --password "ab\"cdTAILSECRET" http://es:9200/"#)
        #expect(!redacted.contains("TAILSECRET") && !redacted.contains("cd"), "\(redacted)")
        #expect(redacted.contains("http://es:9200/"))
    }
}
