@testable import C8Runbook
import Foundation
import Testing

/// The 13.x importer runs `orchestration.initContainers` and `javaOpts` but mounts only `orchestration.importer.*`
/// (CHART 13.12.7 `orchestration/importer-deployment.yaml`): a Java agent copied by an init container into an
/// emptyDir of `zeebe.extraVolumes` rendered in an importer pod without that volume, which Kubernetes refuses.
@Suite("c8runbook values: the migration importer's volumes")
struct MigrationImporterVolumeTests {
    typealias Support = ValuesTestSupport

    static let agent = """
            javaOpts: -javaagent:/agents/opentelemetry-javaagent.jar
            initContainers:
                - name: otel-agent
                  image: ghcr.io/open-telemetry/opentelemetry-operator/autoinstrumentation-java:2.10.0
                  command: [cp, /javaagent.jar, /agents/opentelemetry-javaagent.jar]
                  volumeMounts:
                      - name: agents
                        mountPath: /agents
            extraVolumes:
                - name: agents
                  emptyDir: {}
            extraVolumeMounts:
                - name: agents
                  mountPath: /agents

        """

    @Test("the importer gets the orchestration pods' extra volumes and mounts during the migration, and not in the final stage",
          .enabled(if: SharedFixtures.available))
    func importerGetsTheVolumes() throws {
        let input = try Support.referenceInput(zeebe: Self.agent)
        let scenario = try Support.inferredScenario(input)
        for (stage, _, root) in try Support.verifiedStages(input, scenario) {
            for list in ["extraVolumes", "extraVolumeMounts"] {
                let own = root.node(at: "orchestration.\(list)")?.items ?? []
                #expect(own.count == 1)
                let importer = root.node(at: "orchestration.importer.\(list)")?.items
                if stage == .migration {
                    #expect(importer?.count == 1 && importer?.first?.value.isEquivalent(to: own[0].value) == true, "\(list)")
                } else {
                    #expect(importer == nil, "\(list)")
                }
            }
        }
    }
}
