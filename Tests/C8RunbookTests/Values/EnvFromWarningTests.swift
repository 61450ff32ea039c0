@testable import C8Runbook
import Foundation
import Testing

/// `zeebe.envFrom` and `zeebeGateway.envFrom` import variables c8runbook cannot read (field-case kind 4: exporters
/// via `envFrom` ConfigMaps, at least said): init, values' review and generate --values-dir warn once per source.
@Suite("c8runbook init: variables imported by envFrom")
struct EnvFromWarningTests {
    typealias Support = ValuesTestSupport

    @Test("each envFrom source of the broker or the gateway is one warning at its place, naming the ConfigMap or Secret",
          .enabled(if: SharedFixtures.available))
    func envFromWarned() throws {
        let input = try Support.referenceInput(
            zeebe: "    envFrom:\n        - configMapRef:\n              name: zeebe-exporters\n",
            gateway: "    envFrom:\n        - secretRef:\n              name: gateway-tls-secret\n")
        let warnings = ScenarioInference(input: input, options: .init(kubeContexts: ["a", "b"])).valuesWarnings()
            .filter { $0.contains("envFrom") }
        // The base file's lists reach both regions: one warning each, not two.
        #expect(warnings.count == 2, "\(warnings)")
        let broker = try #require(warnings.first { $0.contains("zeebe.envFrom") })
        #expect(broker.hasPrefix(Support.referenceFolder + "/camunda-values.yml:"))
        #expect(broker.contains("ConfigMap 'zeebe-exporters'") && broker.contains("ZEEBE_BROKER_EXPORTERS_*"))
        let gateway = try #require(warnings.first { $0.contains("zeebeGateway.envFrom") })
        #expect(gateway.contains("Secret 'gateway-tls-secret'") && gateway.contains("ZEEBE_BROKER_GATEWAY_*"))
        let reference = try Support.referenceInput()
        #expect(ScenarioInference(input: reference, options: .init()).valuesWarnings().allSatisfy { !$0.contains("envFrom") })
    }
}

/// The 13.x migration importer reads `orchestration.importer.envFrom`, not `orchestration.envFrom` (CHART 13.12.7
/// `orchestration/importer-deployment.yaml`): the 8.7 broker's and gateway's imported variables never reached it.
@Suite("c8runbook values: the migration importer's envFrom")
struct ImporterEnvFromTests {
    typealias Support = ValuesTestSupport

    @Test("orchestration.envFrom is copied to orchestration.importer.envFrom during the migration, also in a region file, and not in the final stage",
          .enabled(if: SharedFixtures.available))
    func importerGetsEnvFrom() throws {
        var input = try Support.referenceInput(zeebe: "    envFrom:\n        - configMapRef:\n              name: zeebe-cluster\n",
                                               gateway: "    envFrom:\n        - secretRef:\n              name: gateway-tls-secret\n")
        let region0 = input.files[1].document
        input.files[1].document = try ValuesReader.read(region0.text + "zeebeGateway:\n    envFrom:\n        - configMapRef:\n              name: region0-gateway\n", file: region0.path)
        let scenario = try Support.inferredScenario(input)
        for stage in [MigrationStage.migration, .final] {
            let result = ValuesMigration.migrate(input, scenario: scenario, stage: stage)
            #expect(result.problems.isEmpty)
            #expect(throws: Never.self) { try ValuesVerifier.verify(result, input: input, scenario: scenario) }
            for file in result.files.prefix(2) {
                let root = try Support.parse(file.text)
                let own = root.node(at: "orchestration.envFrom")?.items ?? []
                #expect(!own.isEmpty, "\(file.path)")
                let importer = root.node(at: "orchestration.importer.envFrom")?.items
                if stage == .migration {
                    #expect(importer?.count == own.count, "\(file.path)")
                    #expect(zip(importer ?? [], own).allSatisfy { $0.value.isEquivalent(to: $1.value) }, "\(file.path)")
                } else {
                    #expect(importer == nil, "\(file.path)")
                }
            }
        }
    }
}
