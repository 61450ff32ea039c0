@testable import C8Runbook
import Foundation
import Testing

/// Plaintext secrets are reported by key path and file:line with rules.md R05's advice; their values never reach a
/// report, a scenario, a diff or an error message.
@Suite("Plaintext secrets")
struct SecretTests {
    static let marker = "DO-NOT-PRINT"

    @Test("which keys count as secrets", arguments: [
        ("password", true), ("adminPassword", true), ("clientSecret", true), ("token", true), ("inlineSecret", true),
        ("secretKey", true), ("S3_ACCESS_KEY", true), ("ZEEBE_BROKER_EXPORTERS_X_ARGS_AUTHENTICATION_PASSWORD", true),
        ("existingSecret", false), ("existingSecretKey", false), ("extraEnvVarsSecret", false), ("secretName", false),
        ("passwordSecretKeyRef", false), ("tokenPath", false), ("enabled", false), ("CONNECTORS_API_TOKEN", true),
    ])
    func keys(key: String, secret: Bool) {
        #expect(SecretScanner.isSecretKey(key) == secret)
    }

    /// A new-user trial: a password in a zeebe.env entry was told to use `secret.existingSecret` +
    /// `secret.existingSecretKey`, which an env entry cannot take; its reference is `valueFrom.secretKeyRef`.
    @Test("the advice fits where the secret is: valueFrom.secretKeyRef for an env entry, the 8.8 pattern for a chart key")
    func adviceByPlace() {
        let location = SourceLocation(file: "v.yml", line: 3, column: 5)
        let env = SecretFinding(path: "zeebe.env[ZEEBE_BROKER_EXPORTERS_X_ARGS_AUTHENTICATION_PASSWORD].value", location: location)
        let key = SecretFinding(path: "identityKeycloak.auth.adminPassword", location: location)
        #expect(env.warning.contains("reference it from the env entry with valueFrom.secretKeyRef"))
        #expect(!env.warning.contains("secret.existingSecret"))
        #expect(key.warning.contains("reference it with the 8.8 pattern secret.existingSecret + secret.existingSecretKey"))
        #expect(!key.warning.contains("secretKeyRef"))
        #expect(SecretFinding.advice.contains("valueFrom.secretKeyRef") && SecretFinding.advice.contains("secret.existingSecret"))
    }

    @Test("findings carry path and location, references and valueFrom are not findings")
    func findings() throws {
        let text = """
            global:
              identity:
                auth:
                  zeebe:
                    existingSecret: { name: my-secret }
            identityKeycloak:
              auth:
                adminPassword: \(Self.marker)-1
            connectors:
              env:
                - name: CONNECTORS_API_TOKEN
                  value: \(Self.marker)-2
                - name: DB_PASSWORD
                  valueFrom:
                    secretKeyRef: { name: db, key: password }
            """
        let findings = SecretScanner.scan(try ValuesReader.read(text, file: "v.yml"))
        #expect(findings == [
            SecretFinding(path: "identityKeycloak.auth.adminPassword", location: SourceLocation(file: "v.yml", line: 8, column: 20)),
            SecretFinding(path: "connectors.env[CONNECTORS_API_TOKEN]", location: SourceLocation(file: "v.yml", line: 12, column: 14)),
        ])
    }

    @Test("the variant's token is reported but its value appears in no report, scenario or diff")
    func neverPrinted() throws {
        let input = try ValuesTestSupport.variantInput()
        let (scenarioText, inferred) = try ScenarioInference(input: input, options: .init()).scenarioText()
        #expect(inferred.secrets.count == 1)
        #expect(!scenarioText.contains(Self.marker))
        let scenario = try ValuesTestSupport.inferredScenario(input, .init(release: "camunda", kubeContexts: ["eu", "us"], namespaces: ["team-eu", "team-us"]))
        for stage in MigrationStage.allCases {
            let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
            let report = ChangeReport(result: result, scenarioName: "variant")
            for format in ChangeReport.Format.allCases {
                let text = report.rendered(as: format)
                #expect(!text.contains(Self.marker))
                #expect(text.contains("connectors.env[CONNECTORS_API_TOKEN]"))
                #expect(text.contains("rules.md R05"))
            }
            #expect(result.files[0].rawDiff.contains(Self.marker) || !result.files[0].changed)
            #expect(!result.diff.contains(Self.marker))
            #expect(result.changes.allSatisfy { !$0.message.contains(Self.marker) })
        }
    }

    @Test("errors about a URL holding credentials do not quote it")
    func credentialsInURL() throws {
        let text = """
            global:
              multiregion:
                regions: 2
              elasticsearch:
                disableExporter: true
            zeebe:
              env:
                - name: ZEEBE_BROKER_EXPORTERS_ES_CLASSNAME
                  value: io.camunda.zeebe.exporter.ElasticsearchExporter
                - name: ZEEBE_BROKER_EXPORTERS_ES_ARGS_URL
                  value: http://elastic:\(Self.marker)@es.example:9200
            """
        let document = try ValuesReader.read(text, file: "v.yml")
        let input = ValuesInput(files: [.init(role: .base, document: document, relativePath: "v.yml")])
        do {
            _ = try ScenarioInference(input: input, options: .init()).scenarioText()
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "v.yml:11:14: error: cannot infer the scenario: zeebe.env ZEEBE_BROKER_EXPORTERS_ES_ARGS_URL holds credentials; move them into a Kubernetes Secret (rules.md R05) and give the exporter its user through ARGS_AUTHENTICATION_* variables")
            #expect(!error.description.contains(Self.marker))
        }
    }

    /// The reference input with a legacy exporter's password `password` in the base file's zeebe.env.
    static func exporterPassword(_ password: String) throws -> ValuesInput {
        try ValuesTestSupport.editingBase(try ValuesTestSupport.referenceInput()) {
            $0.replacingOccurrences(of: "          value: 1s\n", with: "          value: 1s\n        - name: ZEEBE_BROKER_EXPORTERS_ELASTICSEARCHREGION0_ARGS_AUTHENTICATION_PASSWORD\n          value: \(password)\n")
        }
    }

    @Test("a plaintext secret with the text of the release name (camunda, Camunda's default) leaves the release as given with a warning naming the secret's place; one that is only part of names changes nothing",
          .enabled(if: SharedFixtures.available))
    func secretEqualToAScenarioValue() throws {
        let (text, inferred) = try ScenarioInference(input: try Self.exporterPassword("camunda"), options: .init(kubeContexts: ["a", "b"])).scenarioText()
        #expect(text.contains("\nrelease: camunda\n"), "\(text)")
        #expect(throws: Never.self) { try Scenario.parse(yaml: text, file: "s.yml") }
        let warning = try #require(inferred.warnings.first { $0.contains("the scenario's 'release'") })
        #expect(warning.contains("camunda-values.yml:"), "\(warning)")
        #expect(!warning.contains("'camunda'"), "\(warning)")
        // The secret's own line in the scenario's comments stays redacted.
        #expect(inferred.plaintextSecrets.value)
        // 'zeebe' is a key and part of names in the scenario, never a whole value: the scenario is written and valid.
        let (zeebe, plain) = try ScenarioInference(input: try Self.exporterPassword("zeebe"), options: .init(kubeContexts: ["a", "b"])).scenarioText()
        #expect(!zeebe.contains("redacted"))
        #expect(!plain.warnings.contains { $0.contains("the scenario's") })
        #expect(throws: Never.self) { try Scenario.parse(yaml: zeebe, file: "s.yml") }
    }
}
