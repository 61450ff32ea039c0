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
