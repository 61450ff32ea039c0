import Foundation
import Testing

/// The secret corpus through the built binary: `init`, `generate` (Markdown, HTML, JSON, with `--values-dir`) and
/// `values` (`--diff`, Markdown and JSON reports, both stages) on values files seeded with more than 30 secret shapes
/// (Secrets/Fixtures/seeded, listed in secrets.txt). No byte of stdout, stderr or any file written, other than the
/// 8.8 values files themselves, holds a secret. The negative corpus (Secrets/Fixtures/negative) is not redacted and
/// does not set `plaintextSecrets`.
@Suite(.serialized) struct SecretCorpusTests {
    static let fixtures = BuiltBinary.packageRoot.appendingPathComponent("Tests/C8RunbookCLITests/Secrets/Fixtures")

    static func lines(_ file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }

    /// Runs every command on `name`, returning each output (stdout, stderr, written file) by label.
    func outputs(_ name: String, crlf: Bool = false) throws -> (folder: URL, outputs: [String: String]) {
        let folder = try BuiltBinary.temporaryFolder()
        _ = try ValuesCLIFixtures.copy(Self.fixtures.appendingPathComponent(name), to: folder, as: "in")
        if crlf {
            for path in ["camunda-values.yml", "region0/camunda-values.yml", "region1/camunda-values.yml"] {
                let file = folder.appendingPathComponent("in/\(path)")
                let text = try String(contentsOf: file, encoding: .utf8)
                try text.replacingOccurrences(of: "\n", with: "\r\n").write(to: file, atomically: true, encoding: .utf8)
            }
        }
        var outputs: [String: String] = [:]
        func run(_ label: String, _ arguments: [String], written: [String] = []) throws {
            let result = try BuiltBinary.run(arguments, in: folder)
            #expect(result.status == 0, "\(label): \(result.stderr)")
            outputs["\(label) stdout"] = result.stdout
            outputs["\(label) stderr"] = result.stderr
            for path in written {
                outputs[path] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            }
        }
        try run("init", ["init"] + ValuesCLIFixtures.arguments("in") + [
            "--release", "camunda", "--kube-context0", "eu", "--kube-context1", "us", "--namespace0", "team-eu",
            "--namespace1", "team-us", "-o", "scenario.yml"], written: ["scenario.yml"])
        for format in ["markdown", "html", "json"] {
            try run("generate \(format)", ["generate", "--scenario", "scenario.yml", "--values-dir", "in", "--format", format,
                                           "-o", "runbook.\(format)"], written: ["runbook.\(format)"])
        }
        try run("generate stdout", ["generate", "--scenario", "scenario.yml", "--values-dir", "in"])
        try run("values", ["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments("in") + ["--out-dir", "out", "--diff"],
                written: ["out/values-report.md"])
        try run("values final json", ["values", "--scenario", "scenario.yml"] + ValuesCLIFixtures.arguments("in") +
                ["--out-dir", "out-final", "--stage", "final", "--report-format", "json", "--diff"], written: ["out-final/values-report.json"])
        return (folder, outputs)
    }

    @Test func noOutputByteHoldsASecret() throws {
        let secrets = try Self.lines(Self.fixtures.appendingPathComponent("seeded/secrets.txt"))
        #expect(secrets.count >= 30)
        let inputs = try ["camunda-values.yml", "region0/camunda-values.yml", "region1/camunda-values.yml"]
            .map { try String(contentsOf: Self.fixtures.appendingPathComponent("seeded/\($0)"), encoding: .utf8) }.joined()
        for secret in secrets where !secret.contains("''") {
            #expect(inputs.contains(secret) || inputs.contains(secret.replacingOccurrences(of: "'", with: "''")), "not seeded: \(secret)")
        }
        let (folder, outputs) = try outputs("seeded")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(outputs.count == 20)
        for (label, text) in outputs.sorted(by: { $0.key < $1.key }) {
            for secret in secrets {
                #expect(!text.contains(secret), "\(label) holds \(secret)")
            }
        }
        // Every seeded secret but the certificate is reported, by location (45 places: one command line holds three
        // secrets of two kinds, reported twice).
        #expect(outputs["init stderr"]?.components(separatedBy: "plaintext secret (").count == 46)
        // Shown as a redaction with where it is written.
        #expect(outputs["values stdout"]?.contains("+    - name: DB_PASSWORD\n+      value: <redacted: camunda-values.yml:75>\n") == true
                || outputs["values stdout"]?.contains("     - name: DB_PASSWORD\n       value: <redacted: camunda-values.yml:75>\n") == true)
        #expect(outputs["runbook.markdown"]?.contains("<redacted: camunda-values.yml:") == true)
        #expect(outputs["scenario.yml"]?.contains("\nplaintextSecrets: true\n") == true)
        // init leaves the gateway variables that hold a secret out of gatewayEnv, naming them by location.
        for name in ["AUTH", "CMD", "PWD_B64"] {
            let variable = "ZEEBE_GATEWAY_INTERCEPTORS_0_ARGS_\(name)"
            #expect(outputs["scenario.yml"]?.contains("#   - zeebeGateway.env \(variable) (in/camunda-values.yml:") == true, "\(variable)")
            #expect(outputs["scenario.yml"]?.contains("name: \(variable)") == false, "\(variable)")
        }
        #expect(outputs["init stderr"]?.contains("in/camunda-values.yml:94:14: plaintext secret (secret-named parameter, value not shown) in 'zeebe.env[SPRING_DATASOURCE_URL].value'") == true)
        let report = try #require(outputs["out/values-report.md"])
        #expect(report.contains("`zeebe.env[REDIS_URL].value` at `in/camunda-values.yml:96:14`"))
    }

    /// The same corpus with CRLF line endings (Windows editors): still no secret in any output.
    @Test func noOutputByteHoldsASecretWithCRLFLineEndings() throws {
        let secrets = try Self.lines(Self.fixtures.appendingPathComponent("seeded/secrets.txt"))
        let (folder, outputs) = try outputs("seeded", crlf: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (label, text) in outputs.sorted(by: { $0.key < $1.key }) {
            for secret in secrets {
                #expect(!text.contains(secret), "\(label) holds \(secret)")
            }
        }
    }

    @Test func theNegativeCorpusIsNeitherRedactedNorASecret() throws {
        let (folder, outputs) = try outputs("negative")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (label, text) in outputs {
            #expect(!text.contains("<redacted>"), "\(label)")
            #expect(!text.contains("plaintext secret ("), "\(label)")
        }
        #expect(outputs["scenario.yml"]?.contains("\nplaintextSecrets: false\n") == true)
        for kept in ["zeebe-tls-cert", "neg-connectors-token-secret", "neg-extra-env-vars"] {
            #expect(outputs["values stdout"]?.contains(kept) == true, "\(kept)")
        }
    }

    /// Field case 11, as its README runs it: Secret names are not plaintext secrets, so no secret steps.
    @Test func fieldCase11SecretNamesAddNoSecretSteps() throws {
        guard let shared = ValuesCLIFixtures.shared else {
            print("skipped: ../shared is absent (field case 11)")
            return
        }
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ValuesCLIFixtures.copy(shared.appendingPathComponent("cases/values/11-secret-name-flagged-as-plaintext-secret"), to: folder, as: "in")
        let initResult = try BuiltBinary.run(["init"] + ValuesCLIFixtures.arguments("in") + ["--kube-context0", "a", "--kube-context1", "b", "-o", "scenario.yml"], in: folder)
        #expect(initResult.status == 0, "\(initResult.stderr)")
        #expect(!initResult.stderr.contains("plaintext secret"))
        let scenario = try String(contentsOf: folder.appendingPathComponent("scenario.yml"), encoding: .utf8)
        #expect(scenario.contains("\nplaintextSecrets: false\n"))
        let runbook = try BuiltBinary.run(["generate", "--scenario", "scenario.yml"], in: folder)
        #expect(runbook.status == 0)
        let headings = runbook.stdout.split(separator: "\n").filter { $0.hasPrefix("### ") && $0.lowercased().contains("secret") }
        #expect(headings.isEmpty, "\(headings)")
    }

    @Test func aStorageURLWithCredentialsIsRefusedWithoutEchoingIt() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = try BuiltBinary.run(["example"])
        #expect(example.status == 0)
        for (url, what) in [("https://elastic:Zk3-scenario-pw@es.example:9200", "credentials (user:password@)"),
                            ("https://es.example:9200/?password=Zk3-scenario-pw", "a secret (secret-named parameter)"),
                            // Any userinfo is refused: percent-encoded, without a colon, without a scheme.
                            ("http://u%3AZk3-scenario-pw@es.example:9200", "credentials (user:password@)"),
                            ("http://Zk3-scenario-pw@es.example:9200", "credentials (user:password@)"),
                            ("u:Zk3-scenario-pw@es.example:9200", "credentials (user:password@)")] {
            let scenario = try #require(example.stdout.range(of: #"http://[^\s]+:9200"#, options: .regularExpression))
            var text = example.stdout
            text.replaceSubrange(scenario, with: url)
            try text.write(to: folder.appendingPathComponent("scenario.yml"), atomically: true, encoding: .utf8)
            let result = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "-o", "runbook.md"], in: folder)
            #expect(result.status == 65)
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stderr.contains("error: storage URL holds \(what)"), "\(result.stderr)")
            #expect(!result.stderr.contains("Zk3-scenario-pw"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("runbook.md").path))
        }
    }

    /// A hand-written scenario's gatewayEnv is printed by the runbook: a value the detector flags is refused (exit 65),
    /// naming the variable, never the value.
    @Test func aGatewayVariableHoldingASecretIsRefusedWithoutEchoingIt() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = try BuiltBinary.run(["example"])
        #expect(example.status == 0)
        let original = "  - { name: ZEEBE_GATEWAY_CLUSTER_MEMBERSHIP_PROBETIMEOUT, value: 500ms }"
        #expect(example.stdout.contains(original))
        for (name, value) in [("ZEEBE_GATEWAY_INTERCEPTORS_0_ARGS_AUTH", "\"elastic:Zk3-gw-scenario\""),
                              ("ZEEBE_GATEWAY_INTERCEPTORS_0_ARGS_CMD", "\"curl -u elastic:Zk3-gw-scenario http://x\""),
                              ("ZEEBE_GATEWAY_INTERCEPTORS_0_ARGS_PWD_B64", "Zk3-gw-scenario")] {
            let text = example.stdout.replacingOccurrences(of: original, with: "  - { name: \(name), value: \(value) }")
            try text.write(to: folder.appendingPathComponent("scenario.yml"), atomically: true, encoding: .utf8)
            let result = try BuiltBinary.run(["generate", "--scenario", "scenario.yml", "-o", "runbook.md"], in: folder)
            #expect(result.status == 65, "\(name)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stderr.contains("error: gateway variable '\(name)' holds a secret (value not shown)"), "\(result.stderr)")
            #expect(!result.stderr.contains("Zk3-gw-scenario"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("runbook.md").path))
        }
    }
}
