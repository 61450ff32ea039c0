@testable import C8Runbook
import Foundation
import Testing

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
